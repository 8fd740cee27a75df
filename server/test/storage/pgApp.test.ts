import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, afterEach, expect, it } from 'vitest';
import type { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { Auth } from '../../src/auth/Auth.ts';
import { claimUnowned } from '../../src/auth/claimUnowned.ts';
import { ensureAdmin } from '../../src/auth/ensureAdmin.ts';
import { attachCollab } from '../../src/collab/attachCollab.ts';
import { DocumentHub } from '../../src/collab/DocumentHub.ts';
import { seedTemplates } from '../../src/collab/seedTemplates.ts';
import { createApp } from '../../src/createApp.ts';
import { createLogger } from '../../src/createLogger.ts';
import { listen } from '../../src/listen.ts';
import { PgStore } from '../../src/storage/PgStore.ts';
import { TemplateLibrary } from '../../src/TemplateLibrary.ts';
import { connect, synced, waitFor } from '../collab/startCollab.ts';
import { typeIntoClause } from '../liveServer.ts';
import { REPO_TEMPLATES } from '../startApp.ts';
import { dropSchema, freshSchema, TEST_DATABASE_URL } from './pgTestDatabase.ts';

// The whole server assembled as main.ts does, on PgStore instead of SQLite: what one instance of a PostgreSQL
// deployment does, end to end, and what a second instance started later over the same database sees.
const schema = freshSchema();
const ID = 'software-services-agreement';
const logger = createLogger('silent');
let stops: (() => Promise<void>)[] = [];

afterEach(async () => {
  for (const stop of stops.reverse()) await stop();
  stops = [];
});
afterAll(() => dropSchema(schema));

/** One server instance on the test schema; `close` stops it (the data stays). */
async function startInstance() {
  const store = await PgStore.open(TEST_DATABASE_URL, { schema });
  const library = await TemplateLibrary.load(REPO_TEMPLATES);
  await seedTemplates(store, REPO_TEMPLATES);
  const auth = new Auth(store);
  const adminId = await ensureAdmin(auth, logger, 'admin-password-for-tests');
  if (adminId) await claimUnowned(store, store, adminId);
  const admin = await store.findUser('admin');
  if (!admin) throw new Error('no admin account');
  const authorization = `Bearer ${(await auth.createToken(admin.id, 'tests')).token}`;
  const hub = new DocumentHub(store, { logger });
  const server = await listen(createApp({ hub, library, logger, auth }), 0, '127.0.0.1');
  const collab = attachCollab(server.server, hub, { logger, authenticate: null });
  const providers: WebsocketProvider[] = [];
  const url = `http://127.0.0.1:${server.port}`;
  let stopping: Promise<void> | undefined;
  // Once: the test stops the first instance itself, and afterEach stops whatever is left.
  const stop = () => {
    stopping ??= (async () => {
      for (const p of providers) p.destroy();
      await collab.close();
      await hub.close();
      await server.close();
      await store.close();
    })();
    return stopping;
  };
  stops.push(stop);
  return {
    store,
    authorization,
    get: (p: string) => fetch(url + p, { headers: { authorization } }),
    post: (p: string, body: unknown) =>
      fetch(url + p, {
        method: 'POST',
        headers: { authorization, 'content-type': 'application/json' },
        body: JSON.stringify(body),
      }),
    async join(docId: string) {
      const doc = new Y.Doc();
      const provider = connect(`ws://127.0.0.1:${server.port}/collab`, docId, doc, 'pg-tester', { authorization });
      providers.push(provider);
      await synced(provider);
      return doc;
    },
    stop,
  };
}

it('serves templates, co-editing, versions and issued documents from PostgreSQL, and a later instance sees them', async () => {
  const first = await startInstance();
  const listed = (await (await first.get('/api/templates')).json()) as { id: string }[];
  expect(listed.map((t) => t.id)).toContain(ID);

  const doc = await first.join(ID);
  typeIntoClause(doc, 'STORED-IN-POSTGRES ');
  await waitFor(async () =>
    (await (await first.get(`/api/templates/${ID}/export`)).text()).includes('STORED-IN-POSTGRES'),
  );
  const published = await first.post(`/api/templates/${ID}/versions`, { message: 'on PostgreSQL', author: 'pg' });
  expect(published.status).toBe(201);
  const version = (await published.json()) as { version: number; hash: string };

  const values = JSON.parse(await readFile(path.join(REPO_TEMPLATES, ID, 'sample.values.json'), 'utf8'));
  const rendered = await first.post(`/api/templates/${ID}/render`, { values, format: 'txt', strict: true });
  const renderedText = await rendered.text();
  expect(rendered.status, renderedText.slice(0, 300)).toBe(200);
  expect(renderedText).toContain('STORED-IN-POSTGRES');
  const documentId = rendered.headers.get('x-document-id');
  await first.stop();

  // A second instance, started after the first stopped, over the same database.
  const second = await startInstance();
  const versions = (await (await second.get(`/api/templates/${ID}/versions`)).json()) as { version: number }[];
  expect(versions[0]).toMatchObject({ version: version.version, hash: version.hash, message: 'on PostgreSQL' });
  const exported = await (await second.get(`/api/templates/${ID}/versions/${version.version}/export`)).text();
  expect(createHash('sha256').update(exported, 'utf8').digest('hex')).toBe(version.hash);
  expect(exported).toContain('STORED-IN-POSTGRES');
  const documents = (await (await second.get(`/api/documents?template=${ID}`)).json()) as { id: string }[];
  expect(documents.map((d) => d.id)).toContain(documentId);
  const again = await second.get(`/api/documents/${documentId}/download`);
  expect(await again.text()).toBe(renderedText);
  // The seeded templates were imported once: the second start found them stored.
  expect((await second.store.load(ID)).length).toBeGreaterThan(0);
  const secondDoc = await second.join(ID);
  expect(secondDoc.getXmlFragment('body').toString()).toContain('STORED-IN-POSTGRES');
});
