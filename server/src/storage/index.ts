export type {
  AccountStore,
  ApiTokenInfo,
  AuthorshipRange,
  DocumentStore,
  IssuedDocument,
  IssuedDocumentInfo,
  IssuedFormat,
  NewIssuedDocument,
  NewUser,
  NewValuesSet,
  NewVersion,
  StoredDocumentInfo,
  StoredSession,
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
export { type AttributedUpdate, foldAuthorship } from './foldAuthorship.ts';
export { openStore, SQLITE_FILE, type StoreLocation } from './openStore.ts';
export { PgStore, type PgStoreOptions } from './PgStore.ts';
export { migratePg, PG_MIGRATIONS, PG_SCHEMA_VERSION } from './pgMigrations.ts';
export { SQLITE_SCHEMA_VERSION, SqliteStore, type SqliteStoreOptions } from './SqliteStore.ts';
