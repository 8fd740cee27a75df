/**
 * Storage for the co-editing server: one durable, append-only log of Yjs updates per document.
 *
 * - The server appends every update and waits for `append` to resolve before broadcasting it, so an
 *   acknowledged update survives a process crash.
 * - `load` returns the log in order; applying it to a fresh `Y.Doc` rebuilds the document.
 * - `compact` folds the log into one encoded state (`Y.Doc` + `Y.encodeStateAsUpdate`; `Y.mergeUpdates` is
 *   super-linear on long logs) without losing appends that arrive while it runs.
 * - `SqliteStore` is the embedded default; other back ends (PostgreSQL) must pass the same contract suite,
 *   `server/test/storage/documentStoreContract.ts`.
 */

/** What `list` reports about one stored document. */
export interface StoredDocumentInfo {
  docId: string;
  /** Rows in the log (1 right after a compaction with no later appends). */
  updates: number;
  /** Sum of the stored update sizes. */
  bytes: number;
  /** When the newest row was written, ms since the epoch. */
  updatedAt: number;
}

/** What a template list shows of a document, kept beside its log so listing never loads a document. */
export interface DocumentSummary {
  title: string;
  locale: string;
  numbering: string;
}

/** A document's summary as `summaries` returns it; title, locale and numbering are null until one is set. */
export interface StoredSummary {
  docId: string;
  title: string | null;
  locale: string | null;
  numbering: string | null;
  /** When the newest update was appended (or the document created), ms since the epoch. */
  updatedAt: number;
}

/** A published version as `listVersions` reports it. */
export interface VersionInfo {
  /** 1, 2, 3… per document, in publishing order. */
  version: number;
  message: string;
  /** Who published it; null when the request named no one. */
  author: string | null;
  /** ms since the epoch. */
  createdAt: number;
  /** sha256 of `markdown` (UTF-8), lowercase hex. */
  hash: string;
}

/** A version with its content, as `getVersion` returns it. Never changes once stored. */
export interface StoredVersion extends VersionInfo {
  docId: string;
  /** The document at publish time, one encoded Yjs update (applies to an empty Y.Doc). */
  state: Uint8Array;
  /** The Clause Markdown export of `state`, byte for byte what `/versions/:n/export` serves. */
  markdown: string;
}

/** What `createVersion` stores; the store numbers it, stamps it and hashes the markdown. */
export interface NewVersion {
  message: string;
  author: string | null;
  state: Uint8Array;
  markdown: string;
}

/**
 * Who wrote a run of Yjs items: the session `author` sent the items `client:[from, to)` (kind `insert`), or deleted
 * them (kind `delete`). Item ids survive compaction, so these ranges still name the items of a compacted state.
 */
export interface AuthorshipRange {
  author: string;
  kind: 'insert' | 'delete';
  client: number;
  from: number;
  /** Exclusive. */
  to: number;
  /** When the first and the last update of the run were stored, ms since the epoch. */
  firstAt: number;
  lastAt: number;
}

/** Which text a document was rendered from: a published version's number, or the live draft. */
export type VersionRef = number | 'draft';

/** The render formats an issued document can have. */
export type IssuedFormat = 'docx' | 'txt' | 'html';

/** What `recordDocument` stores about an issued document; the store gives it its id and time. */
export interface NewIssuedDocument {
  templateId: string;
  /** The template's title when it was issued, for listing without loading the template. */
  templateTitle: string;
  version: VersionRef;
  /** For a draft: the draft's Clause Markdown, so the file can be rendered again after the draft changed; else null. */
  markdown: string | null;
  /** The values as the request gave them (a JSON object). */
  values: Record<string, unknown>;
  format: IssuedFormat;
  /** Who issued it (a display name); null when the request named no one. */
  by: string | null;
  /** sha256 of the file, lowercase hex. */
  sha256: string;
  /** Size of the file. */
  bytes: number;
  filename: string;
}

/** An issued document as `listDocuments` reports it. */
export interface IssuedDocumentInfo {
  /** Opaque, unique; given by the store. */
  id: string;
  templateId: string;
  templateTitle: string;
  version: VersionRef;
  format: IssuedFormat;
  by: string | null;
  /** ms since the epoch. */
  createdAt: number;
  sha256: string;
  bytes: number;
  filename: string;
}

/** An issued document with what re-rendering it needs, as `getDocument` returns it. Never changes once stored. */
export interface IssuedDocument extends IssuedDocumentInfo {
  values: Record<string, unknown>;
  markdown: string | null;
}

/** What `createValuesSet` stores; the store gives it its id and times. */
export interface NewValuesSet {
  templateId: string;
  name: string;
  /** The version the values were filled for: a number, the draft, or null for none in particular. */
  version: VersionRef | null;
  /** A JSON object keyed by field; may be incomplete. */
  values: Record<string, unknown>;
  by: string | null;
}

/** A saved set of values as `listValuesSets` reports it. */
export interface ValuesSetInfo {
  /** Opaque, unique; given by the store. */
  id: string;
  templateId: string;
  name: string;
  version: VersionRef | null;
  /** ms since the epoch. */
  createdAt: number;
  updatedAt: number;
  by: string | null;
}

/** A values set with its values. */
export interface StoredValuesSet extends ValuesSetInfo {
  values: Record<string, unknown>;
}

/** What `updateValuesSet` changes; absent keys keep their value. */
export interface ValuesSetPatch {
  name?: string;
  version?: VersionRef | null;
  values?: Record<string, unknown>;
}

/** A role on one template: owners share it, editors change it, viewers read, fill and render it. */
export type TemplateRole = 'owner' | 'editor' | 'viewer';

/** An account as the store keeps it, without its password hash. */
export interface StoredUser {
  /** Opaque, unique; given by the store. */
  id: string;
  /** Unique, as typed at login. */
  username: string;
  displayName: string;
  /** A global admin is owner of every template and manages accounts. */
  admin: boolean;
  /** ms since the epoch. */
  createdAt: number;
}

/** What `createUser` stores; the store gives it its id and time. */
export interface NewUser {
  username: string;
  displayName: string;
  /** An encoded hash (algorithm, parameters, salt and digest), never the password. */
  passwordHash: string;
  admin: boolean;
}

/** A login session, found by the hash of its cookie value (the value itself is never stored). */
export interface StoredSession {
  userId: string;
  /** ms since the epoch. */
  createdAt: number;
  expiresAt: number;
}

/** An API token as listed (its secret is never stored, only a hash of it). */
export interface ApiTokenInfo {
  /** Opaque, unique; names the token for revoking it. */
  id: string;
  userId: string;
  /** What the token is for, as given when it was created. */
  name: string;
  /** ms since the epoch. */
  createdAt: number;
}

/** Someone with a role on a template, as `listMembers` reports it. */
export interface TemplateMember {
  userId: string;
  username: string;
  displayName: string;
  role: TemplateRole;
}

/** Durable, append-only Yjs update log per document, with compaction. */
export interface DocumentStore {
  /** Every stored update of a document in order (after compaction: one state first); [] when unknown. */
  load(docId: string): Promise<Uint8Array[]>;
  /** Appends one update; resolves once it is committed. Appends made in one event-loop turn share one transaction. */
  append(docId: string, update: Uint8Array, meta?: { origin?: string }): Promise<void>;
  /** Folds the stored updates into one encoded state (Y.Doc + encodeStateAsUpdate, never Y.mergeUpdates); appends made meanwhile are kept. */
  compact(docId: string): Promise<void>;
  list(): Promise<StoredDocumentInfo[]>;
  /**
   * Stores the first update of a new document together with its summary, atomically; resolves false (storing
   * nothing) when the document already has updates.
   */
  create(docId: string, update: Uint8Array, summary: DocumentSummary): Promise<boolean>;
  /** Replaces a document's summary (when its title, locale or numbering changed). */
  setSummary(docId: string, summary: DocumentSummary): Promise<void>;
  /** Every document's summary and last write time, without reading any log: cheap on big libraries. */
  summaries(): Promise<StoredSummary[]>;
  /** One document's summary; null when the document has never been written. */
  summary(docId: string): Promise<StoredSummary | null>;
  /**
   * Stores a version as the document's next number (1 when it has none), atomically: concurrent calls, from this
   * store or another over the same data, never get the same number. Resolves with what was stored.
   */
  createVersion(docId: string, version: NewVersion): Promise<VersionInfo>;
  /** A document's versions, newest first, without their content; [] when it has none. */
  listVersions(docId: string): Promise<VersionInfo[]>;
  /** One version with its state and Markdown; null when the document has no such version. */
  getVersion(docId: string, version: number): Promise<StoredVersion | null>;
  /**
   * Who wrote what, from the `origin` of each append (the session's display name): runs of item ids per author,
   * merged when contiguous. Compaction folds the log's authorship into these runs first, so the answer is the same
   * before and after it; appends without an origin are not attributed.
   */
  authorship(docId: string): Promise<AuthorshipRange[]>;
  /** Records an issued document (append only: records are never changed or removed). Resolves with what was stored. */
  recordDocument(document: NewIssuedDocument): Promise<IssuedDocumentInfo>;
  /** Issued documents, newest first (in recording order when times tie), all or one template's; without values. */
  listDocuments(filter?: { templateId?: string }): Promise<IssuedDocumentInfo[]>;
  /** One issued document with its values and draft Markdown; null when there is no such id. */
  getDocument(id: string): Promise<IssuedDocument | null>;
  /** Saves a named values set for a template. */
  createValuesSet(set: NewValuesSet): Promise<StoredValuesSet>;
  /** A template's values sets, most recently updated first, without their values; [] when it has none. */
  listValuesSets(templateId: string): Promise<ValuesSetInfo[]>;
  /** One values set of a template; null when the template has no set with that id. */
  getValuesSet(templateId: string, id: string): Promise<StoredValuesSet | null>;
  /** Changes a values set and stamps `updatedAt`; resolves null (changing nothing) when there is no such set. */
  updateValuesSet(templateId: string, id: string, patch: ValuesSetPatch): Promise<StoredValuesSet | null>;
  /** Removes a values set; resolves false when there was no such set. */
  deleteValuesSet(templateId: string, id: string): Promise<boolean>;
  /** Flushes pending appends and closes. */
  close(): Promise<void>;
}

/**
 * Accounts, sessions, API tokens and roles per template: what the auth layer needs, kept apart from the document log
 * so a store of documents alone still fits `DocumentStore`. `SqliteStore` implements both; contract suite
 * `describeAccountStoreContract` in `server/test/storage/documentStoreContract.ts`.
 */
export interface AccountStore {
  /** Stores a new account; resolves null (storing nothing) when the username is taken. */
  createUser(user: NewUser): Promise<StoredUser | null>;
  /** An account with its password hash, by username; null when there is none. */
  findUser(username: string): Promise<(StoredUser & { passwordHash: string }) | null>;
  /** An account by id; null when there is none. */
  getUser(id: string): Promise<StoredUser | null>;
  /** Every account, by username. */
  listUsers(): Promise<StoredUser[]>;
  /** Replaces an account's password hash; resolves false when there is no such account. */
  setPasswordHash(userId: string, passwordHash: string): Promise<boolean>;
  /** Stores a session under the hash of its secret. */
  createSession(idHash: string, session: StoredSession): Promise<void>;
  /** The session stored under `idHash`, expired or not; null when there is none. */
  getSession(idHash: string): Promise<StoredSession | null>;
  /** Ends one session (no-op when there is none). */
  deleteSession(idHash: string): Promise<void>;
  /** Ends every session of an account except the one stored under `keepIdHash`, and any expired session. */
  deleteSessionsOf(userId: string, keepIdHash?: string): Promise<void>;
  /** Stores an API token under the hash of its secret. */
  createToken(tokenHash: string, token: { userId: string; name: string }): Promise<ApiTokenInfo>;
  /** The token stored under `tokenHash`; null when there is none (or it was revoked). */
  findToken(tokenHash: string): Promise<ApiTokenInfo | null>;
  /** An account's tokens (every account's when `userId` is omitted), oldest first. */
  listTokens(userId?: string): Promise<ApiTokenInfo[]>;
  /** Revokes a token for good; resolves false when there was no such token. */
  revokeToken(id: string): Promise<boolean>;
  /** Gives an account a role on a template, replacing the role it had. */
  setRole(docId: string, userId: string, role: TemplateRole): Promise<void>;
  /** Takes an account's role on a template away; resolves false when it had none. */
  removeRole(docId: string, userId: string): Promise<boolean>;
  /** An account's role on a template; null when it has none. */
  roleOf(docId: string, userId: string): Promise<TemplateRole | null>;
  /** Everyone with a role on a template, by username. */
  listMembers(docId: string): Promise<TemplateMember[]>;
  /** Every template an account has a role on, with that role. */
  rolesOf(userId: string): Promise<{ docId: string; role: TemplateRole }[]>;
}
