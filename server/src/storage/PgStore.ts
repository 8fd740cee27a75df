import { createHash, randomUUID } from 'node:crypto';
import pg from 'pg';
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
import { migratePg } from './pgMigrations.ts';
import { fromStoredText, toPgJson, toStoredText } from './storedText.ts';

/** Tuning for `PgStore.open`. */
export interface PgStoreOptions {
  /**
   * The schema to keep the tables in (created when missing); the URL's own `search_path` when omitted. Lower-case
   * letters, digits and `_` only.
   */
  schema?: string;
  /**
   * Connections in the pool.
   * @default 10
   */
  poolSize?: number;
  /**
   * How long to wait for a connection before failing, in ms.
   * @default 5000
   */
  connectTimeoutMs?: number;
  /**
   * `application_name` of its connections, as `pg_stat_activity` shows them.
   * @default 'clausewright'
   */
  applicationName?: string;
  /** Called with errors of idle pooled connections (a restarted server, say); the pool replaces them. */
  onIdleError?: (error: Error) => void;
}

/** Rows applied to the compaction doc between yields to the event loop. */
const COMPACT_CHUNK = 1000;
/** Rows read per query while compacting, so a long log never sits in memory twice. */
const COMPACT_PAGE = 5000;
/** Tries of a compaction whose rows another instance folded first. */
const COMPACT_ATTEMPTS = 3;

interface PendingAppend {
  docId: string;
  update: Uint8Array;
  origin: string | null;
  resolve: () => void;
  reject: (error: unknown) => void;
}

// int8 columns (times, ids, counts, sums) as numbers: every value we store fits in 2^53.
const types = new pg.TypeOverrides();
types.setTypeParser(pg.types.builtins.INT8, (value: string) => Number(value));

/** Thrown inside a compaction's transaction to roll it back when another instance folded some of its rows. */
const RACED = new Error('compaction raced');

const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * `DocumentStore` and `AccountStore` on PostgreSQL (node-postgres pool), for running several server instances over
 * one database. Appends of one event-loop turn are one multi-row insert; flushes run one at a time, so one store's
 * appends are stored in call order. Compaction folds the rows it read and deletes exactly those, so appends made
 * meanwhile (from any instance) survive and an older state never replaces a newer one.
 */
export class PgStore implements DocumentStore, AccountStore {
  /** Where the data is, without any password (for logs). */
  readonly path: string;
  readonly #pool: pg.Pool;
  #queue: PendingAppend[] = [];
  #flushScheduled = false;
  #flushing: Promise<void> = Promise.resolve();
  #closed = false;
  readonly #compactions = new SerialPerKey();

  private constructor(where: string, pool: pg.Pool) {
    this.path = where;
    this.#pool = pool;
  }

  /**
   * Connects to `url` (`postgres://user[:password]@host[:port]/database`), creates the schema when one is named and
   * missing, and applies pending migrations. Fails with a message naming the server when it cannot connect.
   */
  static async open(url: string, options: PgStoreOptions = {}): Promise<PgStore> {
    const where = describeUrl(url);
    const { schema } = options;
    if (schema !== undefined && !/^[a-z_][a-z0-9_]{0,62}$/.test(schema)) {
      throw new Error(`PostgreSQL schema name must be lower-case letters, digits and _, got "${schema}"`);
    }
    const pool = new pg.Pool({
      connectionString: url,
      max: options.poolSize ?? 10,
      connectionTimeoutMillis: options.connectTimeoutMs ?? 5000,
      application_name: options.applicationName ?? 'clausewright',
      types,
      ...(schema === undefined ? {} : { options: `-c search_path=${schema}` }),
    });
    pool.on('error', options.onIdleError ?? ((error) => console.error(`PgStore ${where}: idle connection`, error)));
    let client: pg.PoolClient;
    try {
      client = await pool.connect();
    } catch (error) {
      await pool.end().catch(() => {});
      throw new Error(`Cannot connect to PostgreSQL at ${where}: ${(error as Error).message || String(error)}`, {
        cause: error,
      });
    }
    try {
      if (schema !== undefined) await ensureSchema(client, schema);
      else await assertSchemaExists(client, where);
      await migratePg(client);
    } catch (error) {
      client.release();
      await pool.end().catch(() => {});
      throw error;
    }
    client.release();
    return new PgStore(schema === undefined ? where : `${where} (schema ${schema})`, pool);
  }

  async load(docId: string): Promise<Uint8Array[]> {
    await this.#drain();
    const { rows } = await query<{ data: Buffer }>(
      this.#pool,
      'SELECT data FROM updates WHERE doc_id = $1 ORDER BY id',
      [docId],
    );
    return rows.map((row) => toBytes(row.data));
  }

  append(docId: string, update: Uint8Array, meta?: { origin?: string }): Promise<void> {
    if (this.#closed) return Promise.reject(new Error(`PgStore ${this.path} is closed`));
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
    // One compaction per document at a time in this process; other instances are handled by the exact-rows check.
    return this.#compactions.run(docId, () => this.#compactWithRetry(docId));
  }

  async list(): Promise<StoredDocumentInfo[]> {
    await this.#drain();
    const { rows } = await query<StoredDocumentInfo>(
      this.#pool,
      `SELECT doc_id AS "docId", COUNT(*) AS updates, SUM(octet_length(data)) AS bytes, MAX(created_at) AS "updatedAt"
       FROM updates GROUP BY doc_id ORDER BY doc_id`,
    );
    return rows.map((r) => ({ docId: r.docId, updates: r.updates, bytes: Number(r.bytes), updatedAt: r.updatedAt }));
  }

  async create(docId: string, update: Uint8Array, summary: DocumentSummary): Promise<boolean> {
    // Appends still queued for this document count as existing content.
    await this.#drain();
    return this.#transaction(async (client) => {
      // Two instances creating one document at once: the second waits, then sees the first one's row.
      await query(client, `SELECT pg_advisory_xact_lock(hashtextextended('clausewright:create:' || $1, 0))`, [docId]);
      const existing = await query(client, 'SELECT 1 FROM updates WHERE doc_id = $1 LIMIT 1', [docId]);
      if (existing.rowCount) return false;
      const now = Date.now();
      await query(client, 'INSERT INTO updates (doc_id, data, origin, created_at) VALUES ($1, $2, $3, $4)', [
        docId,
        toBuffer(update),
        'create',
        now,
      ]);
      await query(client, SET_SUMMARY, [docId, summary.title, summary.locale, summary.numbering, now]);
      return true;
    });
  }

  async setSummary(docId: string, summary: DocumentSummary): Promise<void> {
    this.#assertOpen();
    await query(this.#pool, SET_SUMMARY, [docId, summary.title, summary.locale, summary.numbering, Date.now()]);
  }

  async summaries(): Promise<StoredSummary[]> {
    await this.#drain();
    const { rows } = await query<StoredSummary>(this.#pool, `SELECT ${SUMMARY} FROM documents ORDER BY doc_id`);
    return rows;
  }

  async summary(docId: string): Promise<StoredSummary | null> {
    await this.#drain();
    const { rows } = await query<StoredSummary>(this.#pool, `SELECT ${SUMMARY} FROM documents WHERE doc_id = $1`, [
      docId,
    ]);
    return rows[0] ?? null;
  }

  async createVersion(docId: string, version: NewVersion): Promise<VersionInfo> {
    this.#assertOpen();
    const hash = createHash('sha256').update(version.markdown, 'utf8').digest('hex');
    return this.#transaction(async (client) => {
      // The number is read under a per-document lock held to commit, so no other publisher can take it meanwhile.
      await query(client, `SELECT pg_advisory_xact_lock(hashtextextended('clausewright:version:' || $1, 0))`, [docId]);
      const createdAt = Date.now();
      const { rows } = await query<{ version: number }>(
        client,
        `INSERT INTO versions (doc_id, version, message, author, created_at, hash, markdown, state)
         SELECT $1, COALESCE(MAX(version), 0) + 1, $2, $3, $4, $5, $6, $7 FROM versions WHERE doc_id = $1
         RETURNING version`,
        [docId, version.message, version.author, createdAt, hash, version.markdown, toBuffer(version.state)],
      );
      const next = rows[0]?.version as number;
      return { version: next, message: version.message, author: version.author, createdAt, hash };
    });
  }

  async listVersions(docId: string): Promise<VersionInfo[]> {
    this.#assertOpen();
    const { rows } = await query<VersionInfo>(
      this.#pool,
      `SELECT ${VERSION_INFO} FROM versions WHERE doc_id = $1 ORDER BY version DESC`,
      [docId],
    );
    return rows;
  }

  async getVersion(docId: string, version: number): Promise<StoredVersion | null> {
    this.#assertOpen();
    const { rows } = await query<VersionInfo & { markdown: string; state: Buffer }>(
      this.#pool,
      `SELECT ${VERSION_INFO}, markdown, state FROM versions WHERE doc_id = $1 AND version = $2`,
      [docId, version],
    );
    const row = rows[0];
    if (!row) return null;
    const { markdown, state, ...info } = row;
    return { ...info, docId, markdown, state: toBytes(state) };
  }

  async authorship(docId: string): Promise<AuthorshipRange[]> {
    await this.#drain();
    // One snapshot, so a compaction committing meanwhile is seen either wholly or not at all.
    const { folded, rows } = await this.#transaction(async (client) => {
      const folded = await query<AuthorshipRange>(client, `SELECT ${AUTHORSHIP} FROM authorship WHERE doc_id = $1`, [
        docId,
      ]);
      const rows = await query<StoredRow>(
        client,
        `SELECT data, origin, created_at AS "createdAt" FROM updates
           WHERE doc_id = $1 AND origin IS NOT NULL AND origin <> 'compaction' ORDER BY id`,
        [docId],
      );
      return { folded: folded.rows, rows: rows.rows };
    }, 'BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
    return foldAuthorship(folded, rows.map(toAttributed));
  }

  async recordDocument(document: NewIssuedDocument): Promise<IssuedDocumentInfo> {
    this.#assertOpen();
    const id = randomUUID();
    const createdAt = Date.now();
    await query(
      this.#pool,
      `INSERT INTO issued_documents (id, template_id, template_title, version, markdown, "values", format, issued_by,
         created_at, sha256, bytes, filename)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)`,
      [
        id,
        document.templateId,
        document.templateTitle,
        document.version === 'draft' ? null : document.version,
        document.markdown,
        toPgJson(document.values),
        document.format,
        document.by,
        createdAt,
        document.sha256,
        document.bytes,
        document.filename,
      ],
    );
    const { markdown: _markdown, values: _values, ...info } = document;
    return { id, ...info, createdAt };
  }

  async listDocuments(filter: { templateId?: string } = {}): Promise<IssuedDocumentInfo[]> {
    this.#assertOpen();
    const { rows } =
      filter.templateId === undefined
        ? await query<DocumentRow>(
            this.#pool,
            `SELECT ${DOCUMENT_INFO} FROM issued_documents ORDER BY created_at DESC, seq DESC`,
          )
        : await query<DocumentRow>(
            this.#pool,
            `SELECT ${DOCUMENT_INFO} FROM issued_documents WHERE template_id = $1 ORDER BY created_at DESC, seq DESC`,
            [filter.templateId],
          );
    return rows.map(toDocumentInfo);
  }

  async getDocument(id: string): Promise<IssuedDocument | null> {
    this.#assertOpen();
    const { rows } = await query<DocumentRow & { values: Record<string, unknown>; markdown: string | null }>(
      this.#pool,
      `SELECT ${DOCUMENT_INFO}, "values", markdown FROM issued_documents WHERE id = $1`,
      [id],
    );
    const row = rows[0];
    return row ? { ...toDocumentInfo(row), values: row.values, markdown: row.markdown } : null;
  }

  async createValuesSet(set: NewValuesSet): Promise<StoredValuesSet> {
    this.#assertOpen();
    const id = randomUUID();
    const now = Date.now();
    await query(
      this.#pool,
      `INSERT INTO values_sets (id, template_id, name, version, "values", created_by, created_at, updated_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
      [id, set.templateId, set.name, versionText(set.version), toPgJson(set.values), set.by, now, now],
    );
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
    const { rows } = await query<ValuesSetRow>(
      this.#pool,
      `SELECT ${VALUES_SET_INFO} FROM values_sets WHERE template_id = $1 ORDER BY updated_at DESC, seq DESC`,
      [templateId],
    );
    return rows.map(toValuesSetInfo);
  }

  async getValuesSet(templateId: string, id: string): Promise<StoredValuesSet | null> {
    this.#assertOpen();
    return getValuesSet(this.#pool, templateId, id, false);
  }

  async updateValuesSet(templateId: string, id: string, patch: ValuesSetPatch): Promise<StoredValuesSet | null> {
    this.#assertOpen();
    // Read (row locked) and write in one transaction, so two patches of different keys both survive.
    return this.#transaction(async (client) => {
      const current = await getValuesSet(client, templateId, id, true);
      if (!current) return null;
      const next: StoredValuesSet = {
        ...current,
        name: patch.name ?? current.name,
        version: patch.version === undefined ? current.version : patch.version,
        values: patch.values ?? current.values,
        // Never earlier than it was, so "most recently updated first" holds even when the clock steps back.
        updatedAt: Math.max(Date.now(), current.updatedAt),
      };
      await query(
        client,
        `UPDATE values_sets SET name = $1, version = $2, "values" = $3, updated_at = $4
         WHERE template_id = $5 AND id = $6`,
        [next.name, versionText(next.version), toPgJson(next.values), next.updatedAt, templateId, id],
      );
      return next;
    });
  }

  async deleteValuesSet(templateId: string, id: string): Promise<boolean> {
    this.#assertOpen();
    const { rowCount } = await query(this.#pool, 'DELETE FROM values_sets WHERE template_id = $1 AND id = $2', [
      templateId,
      id,
    ]);
    return (rowCount ?? 0) > 0;
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
    const { rowCount } = await query(
      this.#pool,
      `INSERT INTO users (id, username, display_name, password_hash, admin, created_at) VALUES ($1, $2, $3, $4, $5, $6)
       ON CONFLICT (username) DO NOTHING`,
      [stored.id, stored.username, stored.displayName, user.passwordHash, stored.admin, stored.createdAt],
    );
    return rowCount ? stored : null;
  }

  async findUser(username: string): Promise<(StoredUser & { passwordHash: string }) | null> {
    this.#assertOpen();
    const { rows } = await query<StoredUser & { passwordHash: string }>(
      this.#pool,
      `SELECT ${USER_INFO}, password_hash AS "passwordHash" FROM users WHERE username = $1`,
      [username],
    );
    return rows[0] ?? null;
  }

  async getUser(id: string): Promise<StoredUser | null> {
    this.#assertOpen();
    const { rows } = await query<StoredUser>(this.#pool, `SELECT ${USER_INFO} FROM users WHERE id = $1`, [id]);
    return rows[0] ?? null;
  }

  async listUsers(): Promise<StoredUser[]> {
    this.#assertOpen();
    // COLLATE "C": byte order, as SQLite sorts, whatever the database's locale.
    const { rows } = await query<StoredUser>(
      this.#pool,
      `SELECT ${USER_INFO} FROM users ORDER BY username COLLATE "C"`,
    );
    return rows;
  }

  async setPasswordHash(userId: string, passwordHash: string): Promise<boolean> {
    this.#assertOpen();
    const { rowCount } = await query(this.#pool, 'UPDATE users SET password_hash = $1 WHERE id = $2', [
      passwordHash,
      userId,
    ]);
    return (rowCount ?? 0) > 0;
  }

  async createSession(idHash: string, session: StoredSession): Promise<void> {
    this.#assertOpen();
    await query(this.#pool, 'INSERT INTO sessions (id_hash, user_id, created_at, expires_at) VALUES ($1, $2, $3, $4)', [
      idHash,
      session.userId,
      session.createdAt,
      session.expiresAt,
    ]);
  }

  async getSession(idHash: string): Promise<StoredSession | null> {
    this.#assertOpen();
    const { rows } = await query<StoredSession>(
      this.#pool,
      'SELECT user_id AS "userId", created_at AS "createdAt", expires_at AS "expiresAt" FROM sessions WHERE id_hash = $1',
      [idHash],
    );
    return rows[0] ?? null;
  }

  async deleteSession(idHash: string): Promise<void> {
    this.#assertOpen();
    await query(this.#pool, 'DELETE FROM sessions WHERE id_hash = $1', [idHash]);
  }

  async deleteSessionsOf(userId: string, keepIdHash?: string): Promise<void> {
    this.#assertOpen();
    await query(this.#pool, 'DELETE FROM sessions WHERE (user_id = $1 AND id_hash <> $2) OR expires_at <= $3', [
      userId,
      keepIdHash ?? '',
      Date.now(),
    ]);
  }

  async createToken(tokenHash: string, token: { userId: string; name: string }): Promise<ApiTokenInfo> {
    this.#assertOpen();
    const info: ApiTokenInfo = { id: randomUUID(), userId: token.userId, name: token.name, createdAt: Date.now() };
    await query(
      this.#pool,
      'INSERT INTO api_tokens (id, token_hash, user_id, name, created_at) VALUES ($1, $2, $3, $4, $5)',
      [info.id, tokenHash, info.userId, info.name, info.createdAt],
    );
    return info;
  }

  async findToken(tokenHash: string): Promise<ApiTokenInfo | null> {
    this.#assertOpen();
    const { rows } = await query<ApiTokenInfo>(
      this.#pool,
      `SELECT ${TOKEN_INFO} FROM api_tokens WHERE token_hash = $1`,
      [tokenHash],
    );
    return rows[0] ?? null;
  }

  async listTokens(userId?: string): Promise<ApiTokenInfo[]> {
    this.#assertOpen();
    const { rows } =
      userId === undefined
        ? await query<ApiTokenInfo>(
            this.#pool,
            `SELECT ${TOKEN_INFO} FROM api_tokens ORDER BY created_at, id COLLATE "C"`,
          )
        : await query<ApiTokenInfo>(
            this.#pool,
            `SELECT ${TOKEN_INFO} FROM api_tokens WHERE user_id = $1 ORDER BY created_at, id COLLATE "C"`,
            [userId],
          );
    return rows;
  }

  async revokeToken(id: string): Promise<boolean> {
    this.#assertOpen();
    const { rowCount } = await query(this.#pool, 'DELETE FROM api_tokens WHERE id = $1', [id]);
    return (rowCount ?? 0) > 0;
  }

  async setRole(docId: string, userId: string, role: TemplateRole): Promise<void> {
    this.#assertOpen();
    await query(
      this.#pool,
      `INSERT INTO template_members (doc_id, user_id, role) VALUES ($1, $2, $3)
       ON CONFLICT (doc_id, user_id) DO UPDATE SET role = excluded.role`,
      [docId, userId, role],
    );
  }

  async removeRole(docId: string, userId: string): Promise<boolean> {
    this.#assertOpen();
    const { rowCount } = await query(this.#pool, 'DELETE FROM template_members WHERE doc_id = $1 AND user_id = $2', [
      docId,
      userId,
    ]);
    return (rowCount ?? 0) > 0;
  }

  async roleOf(docId: string, userId: string): Promise<TemplateRole | null> {
    this.#assertOpen();
    const { rows } = await query<{ role: TemplateRole }>(
      this.#pool,
      'SELECT role FROM template_members WHERE doc_id = $1 AND user_id = $2',
      [docId, userId],
    );
    return rows[0]?.role ?? null;
  }

  async listMembers(docId: string): Promise<TemplateMember[]> {
    this.#assertOpen();
    const { rows } = await query<TemplateMember>(
      this.#pool,
      `SELECT m.user_id AS "userId", u.username, u.display_name AS "displayName", m.role
       FROM template_members m JOIN users u ON u.id = m.user_id WHERE m.doc_id = $1 ORDER BY u.username COLLATE "C"`,
      [docId],
    );
    return rows;
  }

  async rolesOf(userId: string): Promise<{ docId: string; role: TemplateRole }[]> {
    this.#assertOpen();
    const { rows } = await query<{ docId: string; role: TemplateRole }>(
      this.#pool,
      'SELECT doc_id AS "docId", role FROM template_members WHERE user_id = $1 ORDER BY doc_id COLLATE "C"',
      [userId],
    );
    return rows;
  }

  async close(): Promise<void> {
    if (this.#closed) return;
    await this.#compactions.settled();
    await this.#drain();
    this.#closed = true;
    await this.#pool.end();
  }

  async #compactWithRetry(docId: string): Promise<void> {
    for (let attempt = 1; ; attempt++) {
      const outcome = await this.#compact(docId);
      // Another instance folded some of our rows first; its state holds them, so fold again from what is there now.
      if (outcome !== 'raced') return;
      if (attempt === COMPACT_ATTEMPTS) {
        throw new Error(`Cannot compact ${docId}: other compactions kept folding its rows first (${attempt} tries)`);
      }
    }
  }

  /** Folds the rows stored now into one; 'raced' (changing nothing) when some of them were gone at commit. */
  async #compact(docId: string): Promise<'done' | 'raced'> {
    await this.#drain();
    // The rows to fold, fixed now: later appends get larger ids and are left alone.
    const ids = (
      await query<{ id: number }>(this.#pool, 'SELECT id FROM updates WHERE doc_id = $1 ORDER BY id', [docId])
    ).rows.map((r) => r.id);
    if (ids.length <= 1) return 'done';
    const doc = new Y.Doc();
    try {
      let authorship: AuthorshipRange[] = [];
      let applied = 0;
      for (let page = 0; page < ids.length; page += COMPACT_PAGE) {
        const pageIds = ids.slice(page, page + COMPACT_PAGE);
        const { rows } = await query<StoredRow & { id: number }>(
          this.#pool,
          `SELECT id, data, origin, created_at AS "createdAt" FROM updates WHERE id = ANY($1::bigint[]) ORDER BY id`,
          [pageIds],
        );
        // A row gone already was folded by another instance's compaction: start over from what is there now.
        if (rows.length !== pageIds.length) return 'raced';
        for (let i = 0; i < rows.length; i += COMPACT_CHUNK) {
          const chunk = rows.slice(i, i + COMPACT_CHUNK);
          for (const row of chunk) {
            applied++;
            try {
              Y.applyUpdate(doc, toBytes(row.data));
            } catch (error) {
              throw new Error(
                `Cannot compact ${docId}: stored update ${applied} of ${ids.length} is not a valid Yjs update`,
                { cause: error },
              );
            }
          }
          authorship = foldAuthorship(authorship, chunk.map(toAttributed));
          await nextTurn();
        }
      }
      const state = Y.encodeStateAsUpdate(doc);
      this.#assertOpen();
      const last = ids.at(-1) as number;
      await this.#transaction(async (client) => {
        // Serialises compactions of this document across instances, so their authorship rewrites never interleave.
        await query(client, `SELECT pg_advisory_xact_lock(hashtextextended('clausewright:compact:' || $1, 0))`, [
          docId,
        ]);
        // Exactly the rows folded; rows appended meanwhile, committed or not, have other ids and stay.
        const deleted = await query(client, 'DELETE FROM updates WHERE id = ANY($1::bigint[])', [ids]);
        if (deleted.rowCount !== ids.length) throw RACED;
        // The id of the newest folded row: rows appended meanwhile (larger ids) still load after the state.
        await query(
          client,
          `INSERT INTO updates (id, doc_id, data, origin, created_at) VALUES ($1, $2, $3, 'compaction', $4)`,
          [last, docId, toBuffer(state), Date.now()],
        );
        const earlier = await query<AuthorshipRange>(client, `SELECT ${AUTHORSHIP} FROM authorship WHERE doc_id = $1`, [
          docId,
        ]);
        await query(client, 'DELETE FROM authorship WHERE doc_id = $1', [docId]);
        const merged = foldAuthorship([...earlier.rows, ...authorship], []);
        if (merged.length > 0) {
          await query(
            client,
            `INSERT INTO authorship (doc_id, author, kind, client, clock_from, clock_to, first_at, last_at)
             SELECT $1, * FROM unnest($2::text[], $3::text[], $4::bigint[], $5::bigint[], $6::bigint[], $7::bigint[],
               $8::bigint[])`,
            [
              docId,
              merged.map((r) => r.author),
              merged.map((r) => r.kind),
              merged.map((r) => r.client),
              merged.map((r) => r.from),
              merged.map((r) => r.to),
              merged.map((r) => r.firstAt),
              merged.map((r) => r.lastAt),
            ],
          );
        }
      });
      return 'done';
    } catch (error) {
      if (error === RACED) return 'raced';
      throw error;
    } finally {
      doc.destroy();
    }
  }

  /** Runs `work` in a transaction on one pooled connection, rolled back when `work` throws. */
  async #transaction<T>(work: (client: pg.PoolClient) => Promise<T>, begin = 'BEGIN'): Promise<T> {
    this.#assertOpen();
    const client = await this.#pool.connect();
    try {
      await query(client, begin);
      const result = await work(client);
      await query(client, 'COMMIT');
      return result;
    } catch (error) {
      await query(client, 'ROLLBACK').catch(() => {});
      throw error;
    } finally {
      client.release();
    }
  }

  #flush(): void {
    this.#flushScheduled = false;
    // One flush at a time: a batch is stored only after the one before it, so call order is id order.
    this.#flushing = this.#flushing.then(() => this.#commit());
  }

  async #commit(): Promise<void> {
    const batch = this.#queue;
    if (batch.length === 0) return;
    this.#queue = [];
    const now = Date.now();
    // Sorted, so two instances touching the same summaries lock them in the same order (no deadlock).
    const docIds = [...new Set(batch.map((item) => item.docId))].sort();
    try {
      // One statement is one transaction: the rows and the summaries' write times commit together.
      await query(
        this.#pool,
        `WITH appended AS (
           INSERT INTO updates (doc_id, data, origin, created_at)
           SELECT doc_id, data, origin, $4 FROM unnest($1::text[], $2::bytea[], $3::text[]) WITH ORDINALITY
             AS u(doc_id, data, origin, n)
           ORDER BY n
         )
         INSERT INTO documents (doc_id, updated_at) SELECT unnest($5::text[]), $4
         ON CONFLICT (doc_id) DO UPDATE SET updated_at = excluded.updated_at`,
        [
          batch.map((item) => item.docId),
          batch.map((item) => toBuffer(item.update)),
          batch.map((item) => item.origin),
          now,
          docIds,
        ],
      );
    } catch (error) {
      for (const item of batch) item.reject(error);
      return;
    }
    for (const item of batch) item.resolve();
  }

  /** Stores every append queued so far; resolves once they are committed (or failed). */
  #drain(): Promise<void> {
    this.#assertOpen();
    if (this.#queue.length > 0) this.#flush();
    return this.#flushing;
  }

  #assertOpen(): void {
    if (this.#closed) throw new Error(`PgStore ${this.path} is closed`);
  }
}

/** Creates `schema` when missing; the lock keeps two instances starting at once from both trying. */
async function ensureSchema(client: pg.PoolClient, schema: string): Promise<void> {
  await query(client, 'BEGIN');
  try {
    await query(client, `SELECT pg_advisory_xact_lock(hashtextextended('clausewright:schema:' || $1, 0))`, [schema]);
    await query(client, `CREATE SCHEMA IF NOT EXISTS ${pg.escapeIdentifier(schema)}`);
    await query(client, 'COMMIT');
  } catch (error) {
    await query(client, 'ROLLBACK').catch(() => {});
    throw error;
  }
}

/** Without one, migrating fails with PostgreSQL's bare "no schema has been selected to create in". */
async function assertSchemaExists(client: pg.PoolClient, where: string): Promise<void> {
  const { rows } = await query<{ schema: string | null; path: string }>(
    client,
    `SELECT current_schema() AS schema, current_setting('search_path') AS path`,
  );
  if (rows[0]?.schema == null) {
    throw new Error(
      `PostgreSQL at ${where}: no schema of search_path "${rows[0]?.path}" exists; create it (CREATE SCHEMA …) or fix the URL's options`,
    );
  }
}

/** `host:port/database` of a connection URL: never its password. */
function describeUrl(url: string): string {
  try {
    const u = new URL(url);
    return `${u.hostname || 'localhost'}:${u.port || '5432'}${u.pathname || '/'}`;
  } catch {
    throw new Error('CLAUSEWRIGHT_DATABASE_URL is not a valid postgres:// URL');
  }
}

/**
 * `db.query` with every string parameter (and string in an array parameter) stored through `toStoredText` and every string
 * column read back through `fromStoredText`: the one way this store talks to PostgreSQL.
 */
async function query<R extends pg.QueryResultRow = pg.QueryResultRow>(
  db: pg.Pool | pg.PoolClient,
  sql: string,
  params: unknown[] = [],
): Promise<pg.QueryResult<R>> {
  const result = await db.query<R>(sql, params.map(toParam));
  for (const row of result.rows as Record<string, unknown>[]) {
    for (const key in row) {
      const value = row[key];
      if (typeof value === 'string') row[key] = fromStoredText(value);
    }
  }
  return result;
}

function toParam(value: unknown): unknown {
  if (typeof value === 'string') return toStoredText(value);
  return Array.isArray(value) ? value.map(toParam) : value;
}

const SET_SUMMARY = `INSERT INTO documents (doc_id, title, locale, numbering, updated_at) VALUES ($1, $2, $3, $4, $5)
  ON CONFLICT (doc_id) DO UPDATE SET title = excluded.title, locale = excluded.locale, numbering = excluded.numbering`;
const SUMMARY = 'doc_id AS "docId", title, locale, numbering, updated_at AS "updatedAt"';
const VERSION_INFO = 'version, message, author, created_at AS "createdAt", hash';
const AUTHORSHIP = `author, kind, client, clock_from AS "from", clock_to AS "to", first_at AS "firstAt",
  last_at AS "lastAt"`;
const USER_INFO = 'id, username, display_name AS "displayName", admin, created_at AS "createdAt"';
const TOKEN_INFO = 'id, user_id AS "userId", name, created_at AS "createdAt"';
const DOCUMENT_INFO = `id, template_id AS "templateId", template_title AS "templateTitle", version, format,
  issued_by AS "by", created_at AS "createdAt", sha256, bytes, filename`;
const VALUES_SET_INFO = `id, template_id AS "templateId", name, version, created_by AS "by", created_at AS "createdAt",
  updated_at AS "updatedAt"`;

interface DocumentRow extends Omit<IssuedDocumentInfo, 'version'> {
  version: number | null;
}

interface ValuesSetRow extends Omit<ValuesSetInfo, 'version'> {
  version: string | null;
}

interface StoredRow {
  data: Buffer;
  origin: string | null;
  createdAt: number;
}

async function getValuesSet(
  db: pg.Pool | pg.PoolClient,
  templateId: string,
  id: string,
  forUpdate: boolean,
): Promise<StoredValuesSet | null> {
  const { rows } = await query<ValuesSetRow & { values: Record<string, unknown> }>(
    db,
    `SELECT ${VALUES_SET_INFO}, "values" FROM values_sets WHERE template_id = $1 AND id = $2${forUpdate ? ' FOR UPDATE' : ''}`,
    [templateId, id],
  );
  const row = rows[0];
  return row ? { ...toValuesSetInfo(row), values: row.values } : null;
}

function toDocumentInfo(r: DocumentRow): IssuedDocumentInfo {
  return {
    id: r.id,
    templateId: r.templateId,
    templateTitle: r.templateTitle,
    version: r.version ?? 'draft',
    format: r.format,
    by: r.by,
    createdAt: r.createdAt,
    sha256: r.sha256,
    bytes: r.bytes,
    filename: r.filename,
  };
}

function toValuesSetInfo(r: ValuesSetRow): ValuesSetInfo {
  return {
    id: r.id,
    templateId: r.templateId,
    name: r.name,
    version: r.version === null || r.version === 'draft' ? r.version : Number(r.version),
    createdAt: r.createdAt,
    updatedAt: r.updatedAt,
    by: r.by,
  };
}

function versionText(version: VersionRef | null): string | null {
  return version === null ? null : String(version);
}

function toAttributed(r: StoredRow): AttributedUpdate {
  return { update: toBytes(r.data), origin: r.origin, createdAt: r.createdAt };
}

/** A plain Uint8Array of its own (node-postgres hands out Buffers, possibly views of a shared pool). */
function toBytes(data: Buffer): Uint8Array {
  return new Uint8Array(data);
}

/** node-postgres sends a Buffer as bytea; a view, not a copy. */
function toBuffer(bytes: Uint8Array): Buffer {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}
