export type {
  AuthorshipRange,
  DocumentStore,
  NewVersion,
  StoredDocumentInfo,
  StoredVersion,
  VersionInfo,
} from './DocumentStore.ts';
export { type AttributedUpdate, foldAuthorship } from './foldAuthorship.ts';
export { SQLITE_SCHEMA_VERSION, SqliteStore, type SqliteStoreOptions } from './SqliteStore.ts';
