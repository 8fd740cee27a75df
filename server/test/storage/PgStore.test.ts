import { afterAll } from 'vitest';
import { PgStore } from '../../src/storage/PgStore.ts';
import { describeAccountStoreContract, describeDocumentStoreContract } from './documentStoreContract.ts';
import { dropSchema, freshSchema, TEST_DATABASE_URL } from './pgTestDatabase.ts';

// One schema for the whole file, dropped at the end: `open` returns stores over the same data, as the suites need.
const schema = freshSchema();
afterAll(() => dropSchema(schema));

describeDocumentStoreContract('PgStore', () => PgStore.open(TEST_DATABASE_URL, { schema }));
describeAccountStoreContract('PgStore', () => PgStore.open(TEST_DATABASE_URL, { schema }));
