export type { DocumentStore, StoredDocumentInfo } from './DocumentStore.ts';
export { SQLITE_SCHEMA_VERSION, SqliteStore, type SqliteStoreOptions } from './SqliteStore.ts';
