export type {
  AuthorshipRange,
  DocumentStore,
  IssuedDocument,
  IssuedDocumentInfo,
  IssuedFormat,
  NewIssuedDocument,
  NewValuesSet,
  NewVersion,
  StoredDocumentInfo,
  StoredValuesSet,
  StoredVersion,
  ValuesSetInfo,
  ValuesSetPatch,
  VersionInfo,
  VersionRef,
} from './DocumentStore.ts';
export { type AttributedUpdate, foldAuthorship } from './foldAuthorship.ts';
export { SQLITE_SCHEMA_VERSION, SqliteStore, type SqliteStoreOptions } from './SqliteStore.ts';
