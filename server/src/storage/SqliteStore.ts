import { createHash, randomUUID } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import Database from 'libsql';
import * as Y from 'yjs';
import { SerialPerKey } from '../SerialPerKey.ts';
import type {
  AccountStore,
  ApiTokenInfo,
  AuthorshipRange,
  DocumentStore,
  DocumentSummary,
  IssuedDocument,
  IssuedDocumentInfo,
  NewIssuedDocument,
  NewUser,
  NewValuesSet,
  NewVersion,
  StoredDocumentInfo,
  StoredSession,
  StoredSummary,
  StoredUser,
  StoredValuesSet,
  StoredVersion,
  TemplateMember,
  TemplateRole,
  ValuesSetInfo,
  ValuesSetPatch,
  VersionInfo,
  VersionRef,
} from './DocumentStore.ts';
import { type AttributedUpdate, foldAuthorship } from './foldAuthorship.ts';
import { fromStoredText, toStoredText } from './storedText.ts';

/** Tuning for `SqliteStore.open`. */
export interface SqliteStoreOptions {
  /**
   * How long a write waits for another connection's lock before failing, in ms.
   * @default 5000
   */
  busyTimeoutMs?: number;
}

/** Schema steps; `PRAGMA user_version` counts how many have run. Append only, never edit a shipped step. */
const MIGRATIONS: readonly string[] = [
  `CREATE TABLE updates (
    doc_id TEXT NOT NULL,
    seq INTEGER NOT NULL,
    data BLOB NOT NULL,
    origin TEXT,
    created_at INTEGER NOT NULL,
    PRIMARY KEY (doc_id, seq)
  )`,
  // Summaries for the template list, so listing reads one small row per document instead of any log.
  `CREATE TABLE documents (
    doc_id TEXT PRIMARY KEY,
    title TEXT,
    locale TEXT,
    numbering TEXT,
    updated_at INTEGER NOT NULL
  );
  INSERT INTO documents (doc_id, updated_at) SELECT doc_id, MAX(created_at) FROM updates GROUP BY doc_id`,
  // Published versions (immutable: no UPDATE ever succeeds), and the authorship compaction folds out of the log.
  `CREATE TABLE versions (
    doc_id TEXT NOT NULL,
    version INTEGER NOT NULL,
    message TEXT NOT NULL,
    author TEXT,
    created_at INTEGER NOT NULL,
    hash TEXT NOT NULL,
    markdown TEXT NOT NULL,
    state BLOB NOT NULL,
    PRIMARY KEY (doc_id, version)
  );
  CREATE TRIGGER versions_immutable BEFORE UPDATE ON versions BEGIN SELECT RAISE(ABORT, 'versions are immutable'); END;
  CREATE TABLE authorship (
    doc_id TEXT NOT NULL,
    author TEXT NOT NULL,
    kind TEXT NOT NULL,
    client INTEGER NOT NULL,
    clock_from INTEGER NOT NULL,
    clock_to INTEGER NOT NULL,
    first_at INTEGER NOT NULL,
    last_at INTEGER NOT NULL
  );
  CREATE INDEX authorship_doc ON authorship (doc_id)`,
  // The log of issued documents (append only) and the saved values sets. seq orders records made in the same ms;
  // a version is its number, NULL for the draft (documents) or 'draft' / a number as text / NULL (values sets).
  `CREATE TABLE issued_documents (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    id TEXT NOT NULL UNIQUE,
    template_id TEXT NOT NULL,
    template_title TEXT NOT NULL,
    version INTEGER,
    markdown TEXT,
    "values" TEXT NOT NULL,
    format TEXT NOT NULL,
    issued_by TEXT,
    created_at INTEGER NOT NULL,
    sha256 TEXT NOT NULL,
    bytes INTEGER NOT NULL,
    filename TEXT NOT NULL
  );
  CREATE TRIGGER issued_documents_immutable BEFORE UPDATE ON issued_documents
    BEGIN SELECT RAISE(ABORT, 'issued documents are immutable'); END;
  CREATE INDEX issued_documents_template ON issued_documents (template_id, created_at);
  CREATE TABLE values_sets (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    id TEXT NOT NULL UNIQUE,
    template_id TEXT NOT NULL,
    name TEXT NOT NULL,
    version TEXT,
    "values" TEXT NOT NULL,
    created_by TEXT,
    created_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL
  );
  CREATE INDEX values_sets_template ON values_sets (template_id, updated_at)`,
  // Accounts (issue 6). Sessions and tokens are stored by the SHA-256 of their secret, so the file never holds one
  // that works; members give accounts a role per template.
  `CREATE TABLE users (
    id TEXT PRIMARY KEY,
    username TEXT NOT NULL UNIQUE,
    display_name TEXT NOT NULL,
    password_hash TEXT NOT NULL,
    admin INTEGER NOT NULL,
    created_at INTEGER NOT NULL
  );
  CREATE TABLE sessions (
    id_hash TEXT PRIMARY KEY,
    user_id TEXT NOT NULL REFERENCES users (id),
    created_at INTEGER NOT NULL,
    expires_at INTEGER NOT NULL
  );
  CREATE INDEX sessions_user ON sessions (user_id);
  CREATE TABLE api_tokens (
    id TEXT PRIMARY KEY,
    token_hash TEXT NOT NULL UNIQUE,
    user_id TEXT NOT NULL REFERENCES users (id),
    name TEXT NOT NULL,
    created_at INTEGER NOT NULL
  );
  CREATE TABLE template_members (
    doc_id TEXT NOT NULL,
    user_id TEXT NOT NULL REFERENCES users (id),
    role TEXT NOT NULL,
    PRIMARY KEY (doc_id, user_id)
  );
  CREATE INDEX template_members_user ON template_members (user_id)`,
];

/** The schema version this code writes. */
export const SQLITE_SCHEMA_VERSION = MIGRATIONS.length;

/** Rows applied to the compaction doc between yields to the event loop. */
const COMPACT_CHUNK = 1000;

interface PendingAppend {
  docId: string;
  update: Uint8Array;
  origin: string | null;
  resolve: () => void;
  reject: (error: unknown) => void;
}

interface RangeCheck {
  count: number;
  first: number | null;
  bytes: number | null;
}

const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * The embedded default `DocumentStore`: one SQLite file (libsql, WAL, `synchronous=NORMAL`, which survives
 * process crashes but not power loss). Appends of one event-loop turn are committed in one transaction.
 * Keep it on the main thread: libsql aborts the process when a worker ends inside a call.
 */
export class SqliteStore implements DocumentStore, AccountStore {
  readonly path: string;
  readonly #db: Database.Database;
  #queue: PendingAppend[] = [];
  #flushScheduled = false;
  #closed = false;
  readonly #compactions = new SerialPerKey();
  readonly #stmts: {
    maxSeq: Database.Statement;
    insert: Database.Statement;
    load: Database.Statement;
    list: Database.Statement;
    range: Database.Statement;
    rowsUpTo: Database.Statement;
    deleteUpTo: Database.Statement;
    touch: Database.Statement;
    setSummary: Database.Statement;
    summaries: Database.Statement;
    summary: Database.Statement;
    nextVersion: Database.Statement;
    insertVersion: Database.Statement;
    listVersions: Database.Statement;
    getVersion: Database.Statement;
    authorship: Database.Statement;
    attributedRows: Database.Statement;
    deleteAuthorship: Database.Statement;
    insertAuthorship: Database.Statement;
    insertDocument: Database.Statement;
    listDocuments: Database.Statement;
    listTemplateDocuments: Database.Statement;
    getDocument: Database.Statement;
    insertValuesSet: Database.Statement;
    listValuesSets: Database.Statement;
    getValuesSet: Database.Statement;
    updateValuesSet: Database.Statement;
    deleteValuesSet: Database.Statement;
  };
  readonly #accounts: Record<AccountStatement, Database.Statement>;
  readonly #commit: Database.Transaction<(batch: PendingAppend[]) => void>;

  private constructor(file: string, db: Database.Database) {
    this.path = file;
    this.#db = db;
    this.#stmts = {
      maxSeq: db.prepare('SELECT MAX(seq) AS seq FROM updates WHERE doc_id = ?'),
      insert: db.prepare('INSERT INTO updates (doc_id, seq, data, origin, created_at) VALUES (?, ?, ?, ?, ?)'),
      load: db.prepare('SELECT data FROM updates WHERE doc_id = ? ORDER BY seq'),
      list: db.prepare(
        `SELECT doc_id AS docId, COUNT(*) AS updates, SUM(LENGTH(data)) AS bytes, MAX(created_at) AS updatedAt
         FROM updates GROUP BY doc_id ORDER BY doc_id`,
      ),
      range: db.prepare(
        'SELECT COUNT(*) AS count, MIN(seq) AS first, SUM(LENGTH(data)) AS bytes FROM updates WHERE doc_id = ? AND seq <= ?',
      ),
      rowsUpTo: db.prepare(
        'SELECT data, origin, created_at AS createdAt FROM updates WHERE doc_id = ? AND seq <= ? ORDER BY seq',
      ),
      deleteUpTo: db.prepare('DELETE FROM updates WHERE doc_id = ? AND seq <= ?'),
      touch: db.prepare(
        `INSERT INTO documents (doc_id, updated_at) VALUES (?, ?)
         ON CONFLICT (doc_id) DO UPDATE SET updated_at = excluded.updated_at`,
      ),
      setSummary: db.prepare(
        `INSERT INTO documents (doc_id, title, locale, numbering, updated_at) VALUES (?, ?, ?, ?, ?)
         ON CONFLICT (doc_id) DO UPDATE SET title = excluded.title, locale = excluded.locale, numbering = excluded.numbering`,
      ),
      summaries: db.prepare(
        'SELECT doc_id AS docId, title, locale, numbering, updated_at AS updatedAt FROM documents ORDER BY doc_id',
      ),
      summary: db.prepare(
        'SELECT doc_id AS docId, title, locale, numbering, updated_at AS updatedAt FROM documents WHERE doc_id = ?',
      ),
      nextVersion: db.prepare('SELECT COALESCE(MAX(version), 0) + 1 AS version FROM versions WHERE doc_id = ?'),
      insertVersion: db.prepare(
        `INSERT INTO versions (doc_id, version, message, author, created_at, hash, markdown, state)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
      ),
      listVersions: db.prepare(
        `SELECT version, message, author, created_at AS createdAt, hash FROM versions
         WHERE doc_id = ? ORDER BY version DESC`,
      ),
      getVersion: db.prepare(
        `SELECT version, message, author, created_at AS createdAt, hash, markdown, state FROM versions
         WHERE doc_id = ? AND version = ?`,
      ),
      authorship: db.prepare(
        `SELECT author, kind, client, clock_from AS "from", clock_to AS "to", first_at AS firstAt, last_at AS lastAt
         FROM authorship WHERE doc_id = ?`,
      ),
      attributedRows: db.prepare(
        `SELECT data, origin, created_at AS createdAt FROM updates
         WHERE doc_id = ? AND origin IS NOT NULL AND origin <> 'compaction' ORDER BY seq`,
      ),
      deleteAuthorship: db.prepare('DELETE FROM authorship WHERE doc_id = ?'),
      insertAuthorship: db.prepare(
        `INSERT INTO authorship (doc_id, author, kind, client, clock_from, clock_to, first_at, last_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
      ),
      insertDocument: db.prepare(
        `INSERT INTO issued_documents (id, template_id, template_title, version, markdown, "values", format, issued_by,
           created_at, sha256, bytes, filename)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      ),
      listDocuments: db.prepare(`SELECT ${DOCUMENT_INFO} FROM issued_documents ORDER BY created_at DESC, seq DESC`),
      listTemplateDocuments: db.prepare(
        `SELECT ${DOCUMENT_INFO} FROM issued_documents WHERE template_id = ? ORDER BY created_at DESC, seq DESC`,
      ),
      getDocument: db.prepare(
        `SELECT ${DOCUMENT_INFO}, "values" AS valuesJson, markdown FROM issued_documents WHERE id = ?`,
      ),
      insertValuesSet: db.prepare(
        `INSERT INTO values_sets (id, template_id, name, version, "values", created_by, created_at, updated_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
      ),
      listValuesSets: db.prepare(
        `SELECT ${VALUES_SET_INFO} FROM values_sets WHERE template_id = ? ORDER BY updated_at DESC, seq DESC`,
      ),
      getValuesSet: db.prepare(
        `SELECT ${VALUES_SET_INFO}, "values" AS valuesJson FROM values_sets WHERE template_id = ? AND id = ?`,
      ),
      updateValuesSet: db.prepare(
        `UPDATE values_sets SET name = ?, version = ?, "values" = ?, updated_at = ? WHERE template_id = ? AND id = ?`,
      ),
      deleteValuesSet: db.prepare('DELETE FROM values_sets WHERE template_id = ? AND id = ?'),
    };
    this.#accounts = prepareAccounts(db);
    this.#commit = db.transaction((batch: PendingAppend[]) => {
      const now = Date.now();
      const next = new Map<string, number>();
      for (const item of batch) {
        const seq = next.get(item.docId) ?? this.#maxSeq(item.docId) + 1;
        next.set(item.docId, seq + 1);
        // Bind as an array: a lone Uint8Array argument aborts libsql.
        this.#stmts.insert.run([item.docId, seq, item.update, item.origin, now]);
      }
      for (const docId of next.keys()) this.#stmts.touch.run([docId, now]);
    });
  }

  /** Opens (creating the folder and file when missing) and migrates the store at `file`; `':memory:'` allowed. */
  static open(file: string, options: SqliteStoreOptions = {}): SqliteStore {
    const memory = file === ':memory:';
    if (!memory) mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
    const db = new Database(file, { timeout: options.busyTimeoutMs ?? 5000 });
    try {
      if (!memory) db.exec('PRAGMA journal_mode = WAL');
      db.exec('PRAGMA synchronous = NORMAL');
      migrate(db);
    } catch (error) {
      db.close();
      throw error;
    }
    return new SqliteStore(file, db);
  }

  async load(docId: string): Promise<Uint8Array[]> {
    this.#assertOpen();
    this.#flush();
    return this.#stmts.load.all([docId]).map((row) => toBytes((row as { data: ArrayBuffer }).data));
  }

  append(docId: string, update: Uint8Array, meta?: { origin?: string }): Promise<void> {
    if (this.#closed) return Promise.reject(new Error(`SqliteStore ${this.path} is closed`));
    return new Promise<void>((resolve, reject) => {
      // Copy: the caller may reuse its buffer before the batch commits.
      this.#queue.push({ docId, update: update.slice(), origin: meta?.origin ?? null, resolve, reject });
      if (!this.#flushScheduled) {
        this.#flushScheduled = true;
        setImmediate(() => this.#flush());
      }
    });
  }

  compact(docId: string): Promise<void> {
    // One compaction per document at a time, so they never fail each other's unchanged-rows check.
    return this.#compactions.run(docId, () => this.#compact(docId));
  }

  async list(): Promise<StoredDocumentInfo[]> {
    this.#assertOpen();
    this.#flush();
    return this.#stmts.list.all().map((row) => {
      const r = row as StoredDocumentInfo;
      return { docId: r.docId, updates: r.updates, bytes: r.bytes, updatedAt: r.updatedAt };
    });
  }

  async create(docId: string, update: Uint8Array, summary: DocumentSummary): Promise<boolean> {
    this.#assertOpen();
    // Appends still queued for this document count as existing content.
    this.#flush();
    return this.#db
      .transaction(() => {
        if (this.#maxSeq(docId) > 0) return false;
        const now = Date.now();
        this.#stmts.insert.run([docId, 1, update.slice(), 'create', now]);
        this.#stmts.setSummary.run([docId, toStoredText(summary.title), summary.locale, summary.numbering, now]);
        return true;
      })
      .immediate();
  }

  async setSummary(docId: string, summary: DocumentSummary): Promise<void> {
    this.#assertOpen();
    this.#stmts.setSummary.run([docId, toStoredText(summary.title), summary.locale, summary.numbering, Date.now()]);
  }

  async summaries(): Promise<StoredSummary[]> {
    this.#assertOpen();
    this.#flush();
    return this.#stmts.summaries.all().map((row) => toSummary(row as StoredSummary));
  }

  async summary(docId: string): Promise<StoredSummary | null> {
    this.#assertOpen();
    this.#flush();
    const row = this.#stmts.summary.get([docId]) as StoredSummary | undefined;
    return row ? toSummary(row) : null;
  }

  async createVersion(docId: string, version: NewVersion): Promise<VersionInfo> {
    this.#assertOpen();
    const hash = createHash('sha256').update(version.markdown, 'utf8').digest('hex');
    // Immediate: the number is read under the write lock, so another connection cannot take it meanwhile.
    return this.#db
      .transaction((): VersionInfo => {
        const next = (this.#stmts.nextVersion.get([docId]) as { version: number }).version;
        const createdAt = Date.now();
        this.#stmts.insertVersion.run([
          docId,
          next,
          toStoredText(version.message),
          version.author === null ? null : toStoredText(version.author),
          createdAt,
          hash,
          toStoredText(version.markdown),
          version.state.slice(),
        ]);
        return { version: next, message: version.message, author: version.author, createdAt, hash };
      })
      .immediate();
  }

  async listVersions(docId: string): Promise<VersionInfo[]> {
    this.#assertOpen();
    return this.#stmts.listVersions.all([docId]).map((row) => toVersionInfo(row as VersionInfo));
  }

  async getVersion(docId: string, version: number): Promise<StoredVersion | null> {
    this.#assertOpen();
    const row = this.#stmts.getVersion.get([docId, version]) as
      | (VersionInfo & { markdown: string; state: ArrayBuffer | Uint8Array })
      | undefined;
    if (!row) return null;
    // A copy: the caller owns the bytes.
    return { ...toVersionInfo(row), docId, markdown: fromStoredText(row.markdown), state: toBytes(row.state).slice() };
  }

  async authorship(docId: string): Promise<AuthorshipRange[]> {
    this.#assertOpen();
    this.#flush();
    const { folded, rows } = this.#db.transaction(() => ({
      folded: this.#stmts.authorship.all([docId]).map((row) => toRange(row as AuthorshipRange)),
      rows: this.#stmts.attributedRows.all([docId]).map((row) => toAttributed(row as StoredRow)),
    }))();
    return foldAuthorship(folded, rows);
  }

  async recordDocument(document: NewIssuedDocument): Promise<IssuedDocumentInfo> {
    this.#assertOpen();
    const id = randomUUID();
    const createdAt = Date.now();
    this.#stmts.insertDocument.run([
      id,
      document.templateId,
      toStoredText(document.templateTitle),
      document.version === 'draft' ? null : document.version,
      document.markdown === null ? null : toStoredText(document.markdown),
      JSON.stringify(document.values),
      document.format,
      document.by === null ? null : toStoredText(document.by),
      createdAt,
      document.sha256,
      document.bytes,
      toStoredText(document.filename),
    ]);
    const { markdown: _markdown, values: _values, ...info } = document;
    return { id, ...info, createdAt };
  }

  async listDocuments(filter: { templateId?: string } = {}): Promise<IssuedDocumentInfo[]> {
    this.#assertOpen();
    const rows =
      filter.templateId === undefined
        ? this.#stmts.listDocuments.all()
        : this.#stmts.listTemplateDocuments.all([filter.templateId]);
    return rows.map((row) => toDocumentInfo(row as DocumentRow));
  }

  async getDocument(id: string): Promise<IssuedDocument | null> {
    this.#assertOpen();
    const row = this.#stmts.getDocument.get([id]) as
      | (DocumentRow & { valuesJson: string; markdown: string | null })
      | undefined;
    if (!row) return null;
    const markdown = row.markdown === null ? null : fromStoredText(row.markdown);
    return { ...toDocumentInfo(row), values: JSON.parse(row.valuesJson), markdown };
  }

  async createValuesSet(set: NewValuesSet): Promise<StoredValuesSet> {
    this.#assertOpen();
    const id = randomUUID();
    const now = Date.now();
    this.#stmts.insertValuesSet.run([
      id,
      set.templateId,
      toStoredText(set.name),
      versionText(set.version),
      JSON.stringify(set.values),
      set.by === null ? null : toStoredText(set.by),
      now,
      now,
    ]);
    return {
      id,
      templateId: set.templateId,
      name: set.name,
      version: set.version,
      createdAt: now,
      updatedAt: now,
      by: set.by,
      values: structuredClone(set.values),
    };
  }

  async listValuesSets(templateId: string): Promise<ValuesSetInfo[]> {
    this.#assertOpen();
    return this.#stmts.listValuesSets.all([templateId]).map((row) => toValuesSetInfo(row as ValuesSetRow));
  }

  async getValuesSet(templateId: string, id: string): Promise<StoredValuesSet | null> {
    this.#assertOpen();
    return this.#getValuesSet(templateId, id);
  }

  async updateValuesSet(templateId: string, id: string, patch: ValuesSetPatch): Promise<StoredValuesSet | null> {
    this.#assertOpen();
    // Read and write under one write lock, so two patches of different keys both survive.
    return this.#db
      .transaction((): StoredValuesSet | null => {
        const current = this.#getValuesSet(templateId, id);
        if (!current) return null;
        const next: StoredValuesSet = {
          ...current,
          name: patch.name ?? current.name,
          version: patch.version === undefined ? current.version : patch.version,
          values: patch.values ?? current.values,
          // Never earlier than it was, so "most recently updated first" holds even when the clock steps back.
          updatedAt: Math.max(Date.now(), current.updatedAt),
        };
        this.#stmts.updateValuesSet.run([
          toStoredText(next.name),
          versionText(next.version),
          JSON.stringify(next.values),
          next.updatedAt,
          templateId,
          id,
        ]);
        return next;
      })
      .immediate();
  }

  async deleteValuesSet(templateId: string, id: string): Promise<boolean> {
    this.#assertOpen();
    return this.#stmts.deleteValuesSet.run([templateId, id]).changes > 0;
  }

  async createUser(user: NewUser): Promise<StoredUser | null> {
    this.#assertOpen();
    const stored: StoredUser = {
      id: randomUUID(),
      username: user.username,
      displayName: user.displayName,
      admin: user.admin,
      createdAt: Date.now(),
    };
    const { changes } = this.#accounts.insertUser.run([
      stored.id,
      stored.username,
      toStoredText(stored.displayName),
      user.passwordHash,
      stored.admin ? 1 : 0,
      stored.createdAt,
    ]);
    return changes > 0 ? stored : null;
  }

  async findUser(username: string): Promise<(StoredUser & { passwordHash: string }) | null> {
    this.#assertOpen();
    const row = this.#accounts.userByName.get([username]) as (UserRow & { passwordHash: string }) | undefined;
    return row ? { ...toUser(row), passwordHash: row.passwordHash } : null;
  }

  async getUser(id: string): Promise<StoredUser | null> {
    this.#assertOpen();
    const row = this.#accounts.userById.get([id]) as UserRow | undefined;
    return row ? toUser(row) : null;
  }

  async listUsers(): Promise<StoredUser[]> {
    this.#assertOpen();
    return this.#accounts.listUsers.all().map((row) => toUser(row as UserRow));
  }

  async setPasswordHash(userId: string, passwordHash: string): Promise<boolean> {
    this.#assertOpen();
    return this.#accounts.setPassword.run([passwordHash, userId]).changes > 0;
  }

  async createSession(idHash: string, session: StoredSession): Promise<void> {
    this.#assertOpen();
    this.#accounts.insertSession.run([idHash, session.userId, session.createdAt, session.expiresAt]);
  }

  async getSession(idHash: string): Promise<StoredSession | null> {
    this.#assertOpen();
    const row = this.#accounts.getSession.get([idHash]) as StoredSession | undefined;
    return row ? { userId: row.userId, createdAt: row.createdAt, expiresAt: row.expiresAt } : null;
  }

  async deleteSession(idHash: string): Promise<void> {
    this.#assertOpen();
    this.#accounts.deleteSession.run([idHash]);
  }

  async deleteSessionsOf(userId: string, keepIdHash?: string): Promise<void> {
    this.#assertOpen();
    this.#accounts.deleteSessionsOf.run([userId, keepIdHash ?? '', Date.now()]);
  }

  async createToken(tokenHash: string, token: { userId: string; name: string }): Promise<ApiTokenInfo> {
    this.#assertOpen();
    const info: ApiTokenInfo = { id: randomUUID(), userId: token.userId, name: token.name, createdAt: Date.now() };
    this.#accounts.insertToken.run([info.id, tokenHash, info.userId, info.name, info.createdAt]);
    return info;
  }

  async findToken(tokenHash: string): Promise<ApiTokenInfo | null> {
    this.#assertOpen();
    const row = this.#accounts.tokenByHash.get([tokenHash]) as ApiTokenInfo | undefined;
    return row ? toToken(row) : null;
  }

  async listTokens(userId?: string): Promise<ApiTokenInfo[]> {
    this.#assertOpen();
    const rows = userId === undefined ? this.#accounts.listTokens.all() : this.#accounts.userTokens.all([userId]);
    return rows.map((row) => toToken(row as ApiTokenInfo));
  }

  async revokeToken(id: string): Promise<boolean> {
    this.#assertOpen();
    return this.#accounts.deleteToken.run([id]).changes > 0;
  }

  async setRole(docId: string, userId: string, role: TemplateRole): Promise<void> {
    this.#assertOpen();
    this.#accounts.setRole.run([docId, userId, role]);
  }

  async removeRole(docId: string, userId: string): Promise<boolean> {
    this.#assertOpen();
    return this.#accounts.removeRole.run([docId, userId]).changes > 0;
  }

  async roleOf(docId: string, userId: string): Promise<TemplateRole | null> {
    this.#assertOpen();
    const row = this.#accounts.roleOf.get([docId, userId]) as { role: TemplateRole } | undefined;
    return row?.role ?? null;
  }

  async listMembers(docId: string): Promise<TemplateMember[]> {
    this.#assertOpen();
    return this.#accounts.listMembers.all([docId]).map((row) => {
      const r = row as TemplateMember;
      return { userId: r.userId, username: r.username, displayName: fromStoredText(r.displayName), role: r.role };
    });
  }

  async rolesOf(userId: string): Promise<{ docId: string; role: TemplateRole }[]> {
    this.#assertOpen();
    return this.#accounts.rolesOf.all([userId]).map((row) => {
      const r = row as { docId: string; role: TemplateRole };
      return { docId: r.docId, role: r.role };
    });
  }

  async close(): Promise<void> {
    if (this.#closed) return;
    await this.#compactions.settled();
    this.#flush();
    this.#closed = true;
    this.#db.close();
  }

  async #compact(docId: string): Promise<void> {
    this.#assertOpen();
    this.#flush();
    // One read transaction, so the rows match the count and bytes checked before the swap.
    const { last, before, rows } = this.#db.transaction(() => {
      const last = this.#maxSeq(docId);
      const before = this.#range(docId, last);
      const rows = before.count <= 1 ? [] : this.#stmts.rowsUpTo.all([docId, last]);
      return { last, before, rows };
    })();
    if (before.count <= 1) return;
    const doc = new Y.Doc();
    let authorship: AuthorshipRange[] = [];
    let attributed = 0;
    // Folds the rows read since the last call into the authorship runs (chunk by chunk, so memory stays bounded).
    const attribute = (upTo: number) => {
      authorship = foldAuthorship(
        authorship,
        rows.slice(attributed, upTo).map((r) => toAttributed(r as StoredRow)),
      );
      attributed = upTo;
    };
    try {
      for (let i = 0; i < rows.length; i++) {
        if (i > 0 && i % COMPACT_CHUNK === 0) {
          attribute(i);
          await nextTurn();
        }
        try {
          Y.applyUpdate(doc, toBytes((rows[i] as { data: ArrayBuffer }).data));
        } catch (error) {
          throw new Error(
            `Cannot compact ${docId}: stored update ${i + 1} of ${rows.length} is not a valid Yjs update`,
            {
              cause: error,
            },
          );
        }
      }
      const state = Y.encodeStateAsUpdate(doc);
      attribute(rows.length);
      this.#assertOpen();
      this.#db
        .transaction(() => {
          const now = this.#range(docId, last);
          if (now.count !== before.count || now.first !== before.first || now.bytes !== before.bytes) {
            throw new Error(`Cannot compact ${docId}: its updates up to seq ${last} changed during compaction`);
          }
          this.#stmts.deleteUpTo.run([docId, last]);
          // Same seq as the newest folded row: appends made meanwhile (seq > last) stay after it.
          this.#stmts.insert.run([docId, last, state, 'compaction', Date.now()]);
          // The folded rows' authors go into the runs, merged with those of earlier compactions.
          const earlier = this.#stmts.authorship.all([docId]).map((row) => toRange(row as AuthorshipRange));
          this.#stmts.deleteAuthorship.run([docId]);
          for (const r of foldAuthorship([...earlier, ...authorship], [])) {
            this.#stmts.insertAuthorship.run([docId, r.author, r.kind, r.client, r.from, r.to, r.firstAt, r.lastAt]);
          }
        })
        .immediate();
    } finally {
      doc.destroy();
    }
  }

  #getValuesSet(templateId: string, id: string): StoredValuesSet | null {
    const row = this.#stmts.getValuesSet.get([templateId, id]) as (ValuesSetRow & { valuesJson: string }) | undefined;
    return row ? { ...toValuesSetInfo(row), values: JSON.parse(row.valuesJson) } : null;
  }

  #flush(): void {
    this.#flushScheduled = false;
    const batch = this.#queue;
    if (batch.length === 0) return;
    this.#queue = [];
    try {
      this.#commit.immediate(batch);
    } catch (error) {
      for (const item of batch) item.reject(error);
      return;
    }
    for (const item of batch) item.resolve();
  }

  #maxSeq(docId: string): number {
    return (this.#stmts.maxSeq.get([docId]) as { seq: number | null }).seq ?? 0;
  }

  #range(docId: string, last: number): RangeCheck {
    const r = this.#stmts.range.get([docId, last]) as RangeCheck;
    return { count: r.count, first: r.first, bytes: r.bytes };
  }

  #assertOpen(): void {
    if (this.#closed) throw new Error(`SqliteStore ${this.path} is closed`);
  }
}

function migrate(db: Database.Database): void {
  db.transaction(() => {
    const version = (db.prepare('PRAGMA user_version').get() as { user_version: number }).user_version;
    if (version > MIGRATIONS.length) {
      throw new Error(`Store schema version ${version} is newer than this server understands (${MIGRATIONS.length})`);
    }
    for (let v = version; v < MIGRATIONS.length; v++) db.exec(MIGRATIONS[v] as string);
    if (version !== MIGRATIONS.length) db.exec(`PRAGMA user_version = ${MIGRATIONS.length}`);
  }).immediate();
}

type AccountStatement =
  | 'insertUser'
  | 'userByName'
  | 'userById'
  | 'listUsers'
  | 'setPassword'
  | 'insertSession'
  | 'getSession'
  | 'deleteSession'
  | 'deleteSessionsOf'
  | 'insertToken'
  | 'tokenByHash'
  | 'listTokens'
  | 'userTokens'
  | 'deleteToken'
  | 'setRole'
  | 'removeRole'
  | 'roleOf'
  | 'listMembers'
  | 'rolesOf';

const USER_INFO = 'id, username, display_name AS displayName, admin, created_at AS createdAt';
const TOKEN_INFO = 'id, user_id AS userId, name, created_at AS createdAt';

function prepareAccounts(db: Database.Database): Record<AccountStatement, Database.Statement> {
  return {
    insertUser: db.prepare(
      `INSERT INTO users (id, username, display_name, password_hash, admin, created_at) VALUES (?, ?, ?, ?, ?, ?)
       ON CONFLICT (username) DO NOTHING`,
    ),
    userByName: db.prepare(`SELECT ${USER_INFO}, password_hash AS passwordHash FROM users WHERE username = ?`),
    userById: db.prepare(`SELECT ${USER_INFO} FROM users WHERE id = ?`),
    listUsers: db.prepare(`SELECT ${USER_INFO} FROM users ORDER BY username`),
    setPassword: db.prepare('UPDATE users SET password_hash = ? WHERE id = ?'),
    insertSession: db.prepare('INSERT INTO sessions (id_hash, user_id, created_at, expires_at) VALUES (?, ?, ?, ?)'),
    getSession: db.prepare(
      'SELECT user_id AS userId, created_at AS createdAt, expires_at AS expiresAt FROM sessions WHERE id_hash = ?',
    ),
    deleteSession: db.prepare('DELETE FROM sessions WHERE id_hash = ?'),
    deleteSessionsOf: db.prepare('DELETE FROM sessions WHERE (user_id = ? AND id_hash <> ?) OR expires_at <= ?'),
    insertToken: db.prepare(
      'INSERT INTO api_tokens (id, token_hash, user_id, name, created_at) VALUES (?, ?, ?, ?, ?)',
    ),
    tokenByHash: db.prepare(`SELECT ${TOKEN_INFO} FROM api_tokens WHERE token_hash = ?`),
    listTokens: db.prepare(`SELECT ${TOKEN_INFO} FROM api_tokens ORDER BY created_at, id`),
    userTokens: db.prepare(`SELECT ${TOKEN_INFO} FROM api_tokens WHERE user_id = ? ORDER BY created_at, id`),
    deleteToken: db.prepare('DELETE FROM api_tokens WHERE id = ?'),
    setRole: db.prepare(
      `INSERT INTO template_members (doc_id, user_id, role) VALUES (?, ?, ?)
       ON CONFLICT (doc_id, user_id) DO UPDATE SET role = excluded.role`,
    ),
    removeRole: db.prepare('DELETE FROM template_members WHERE doc_id = ? AND user_id = ?'),
    roleOf: db.prepare('SELECT role FROM template_members WHERE doc_id = ? AND user_id = ?'),
    listMembers: db.prepare(
      `SELECT m.user_id AS userId, u.username, u.display_name AS displayName, m.role
       FROM template_members m JOIN users u ON u.id = m.user_id WHERE m.doc_id = ? ORDER BY u.username`,
    ),
    rolesOf: db.prepare('SELECT doc_id AS docId, role FROM template_members WHERE user_id = ? ORDER BY doc_id'),
  };
}

interface UserRow extends Omit<StoredUser, 'admin'> {
  admin: number;
}

function toUser(r: UserRow): StoredUser {
  const displayName = fromStoredText(r.displayName);
  return { id: r.id, username: r.username, displayName, admin: r.admin === 1, createdAt: r.createdAt };
}

function toToken(r: ApiTokenInfo): ApiTokenInfo {
  return { id: r.id, userId: r.userId, name: r.name, createdAt: r.createdAt };
}

const DOCUMENT_INFO = `id, template_id AS templateId, template_title AS templateTitle, version, format,
  issued_by AS "by", created_at AS createdAt, sha256, bytes, filename`;

const VALUES_SET_INFO = `id, template_id AS templateId, name, version, created_by AS "by", created_at AS createdAt,
  updated_at AS updatedAt`;

interface DocumentRow extends Omit<IssuedDocumentInfo, 'version'> {
  version: number | null;
}

interface ValuesSetRow extends Omit<ValuesSetInfo, 'version'> {
  version: string | null;
}

function toDocumentInfo(r: DocumentRow): IssuedDocumentInfo {
  return {
    id: r.id,
    templateId: r.templateId,
    templateTitle: fromStoredText(r.templateTitle),
    version: r.version ?? 'draft',
    format: r.format,
    by: r.by === null ? null : fromStoredText(r.by),
    createdAt: r.createdAt,
    sha256: r.sha256,
    bytes: r.bytes,
    filename: fromStoredText(r.filename),
  };
}

function toValuesSetInfo(r: ValuesSetRow): ValuesSetInfo {
  return {
    id: r.id,
    templateId: r.templateId,
    name: fromStoredText(r.name),
    version: r.version === null || r.version === 'draft' ? r.version : Number(r.version),
    createdAt: r.createdAt,
    updatedAt: r.updatedAt,
    by: r.by === null ? null : fromStoredText(r.by),
  };
}

function versionText(version: VersionRef | null): string | null {
  return version === null ? null : String(version);
}

interface StoredRow {
  data: ArrayBuffer | Uint8Array;
  origin: string | null;
  createdAt: number;
}

function toAttributed(r: StoredRow): AttributedUpdate {
  return { update: toBytes(r.data), origin: r.origin, createdAt: r.createdAt };
}

function toVersionInfo(r: VersionInfo): VersionInfo {
  const author = r.author === null ? null : fromStoredText(r.author);
  return { version: r.version, message: fromStoredText(r.message), author, createdAt: r.createdAt, hash: r.hash };
}

function toRange(r: AuthorshipRange): AuthorshipRange {
  return {
    author: r.author,
    kind: r.kind,
    client: r.client,
    from: r.from,
    to: r.to,
    firstAt: r.firstAt,
    lastAt: r.lastAt,
  };
}

// Copies the columns: rows from libsql carry an extra `_metadata` key.
function toSummary(r: StoredSummary): StoredSummary {
  const title = r.title === null ? null : fromStoredText(r.title);
  return { docId: r.docId, title, locale: r.locale, numbering: r.numbering, updatedAt: r.updatedAt };
}

function toBytes(data: ArrayBuffer | Uint8Array): Uint8Array {
  return data instanceof Uint8Array
    ? new Uint8Array(data.buffer, data.byteOffset, data.byteLength)
    : new Uint8Array(data);
}
