import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { MAX_CLAUSE_LEVEL, templateSchema, yDocToTemplate } from '@clausewright/schema';
import { yXmlFragmentToProsemirrorJSON } from '@tiptap/y-tiptap';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { seedTemplates } from '../../src/collab/seedTemplates.ts';
import { SqliteStore } from '../../src/storage/index.ts';
import { prng } from '../prng.ts';
import { REPO_TEMPLATES } from '../startApp.ts';
import { clausesOf, type OpName, randomOp } from './convergenceOps.ts';
import { type CollabServer, connect, sleep, startCollab, synced, waitFor } from './startCollab.ts';

const DOC_ID = 'software-services-agreement';
const BASE_SEED = Number(process.env.CONVERGENCE_SEED ?? 20261126);
const RUNS = 6;
const STEPS = 300;

let dir: string;
let store: SqliteStore;
let server: CollabServer | null;
let providers: WebsocketProvider[];

beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'cw-convergence-'));
  store = SqliteStore.open(path.join(dir, 'collab.db'));
  await seedTemplates(store, REPO_TEMPLATES);
  server = await startCollab(store, { unloadAfterMs: 60_000 });
  providers = [];
});

afterEach(async () => {
  for (const p of providers) p.destroy();
  await server?.close();
  await store.close();
  await rm(dir, { recursive: true, force: true });
});

interface Client {
  name: string;
  doc: Y.Doc;
  provider: WebsocketProvider;
}

async function client(name: string): Promise<Client> {
  const doc = new Y.Doc();
  const provider = connect((server as CollabServer).url, DOC_ID, doc, name);
  providers.push(provider);
  await synced(provider);
  return { name, doc, provider };
}

const sameBytes = (a: Uint8Array, b: Uint8Array) => a.length === b.length && a.every((x, i) => x === b[i]);

/** Every check on one converged document; returns its body JSON for comparison. */
function checkValid(doc: Y.Doc): unknown {
  const body = doc.getXmlFragment('body');
  const json = yXmlFragmentToProsemirrorJSON(body);
  templateSchema.nodeFromJSON(json).check();
  const ids = clausesOf(body).map(({ el }) => el.getAttribute('id'));
  for (const id of ids) expect(typeof id === 'string' && id.length > 0, `clause id ${String(id)}`).toBe(true);
  expect(new Set(ids).size, 'clause ids are unique').toBe(ids.length);
  for (const { el } of clausesOf(body)) {
    const level = Number(el.getAttribute('level'));
    expect(Number.isInteger(level) && level >= 1 && level <= MAX_CLAUSE_LEVEL, `level ${level}`).toBe(true);
  }
  // The template reader used by the rest of the app reads it too.
  yDocToTemplate(doc);
  return json;
}

async function run(seed: number, clientCount: number): Promise<Record<OpName | 'offline', number>> {
  const random = prng(seed);
  const clients = await Promise.all(Array.from({ length: clientCount }, (_, i) => client(`c${i}`)));
  const fieldKeys = Object.keys(clients[0]?.doc.getMap('fields').toJSON() ?? {});
  let nextId = 0;
  const counts: Record<string, number> = {};
  for (let step = 0; step < STEPS; step++) {
    const c = clients[Math.floor(random() * clients.length)] as Client;
    if (random() < 0.04) {
      // Offline and back: the client keeps editing while disconnected, then syncs on reconnect.
      if (c.provider.shouldConnect) c.provider.disconnect();
      else c.provider.connect();
      counts.offline = (counts.offline ?? 0) + 1;
      continue;
    }
    const op = randomOp(c.doc, { random, newId: () => `split-s${seed}-${c.name}-${nextId++}`, fieldKeys });
    counts[op] = (counts[op] ?? 0) + 1;
    // Mostly let edits cross on the wire; sometimes let them arrive first.
    if (random() < 0.3) await sleep(Math.floor(random() * 8));
  }
  for (const c of clients) if (!c.provider.shouldConnect) c.provider.connect();
  await Promise.all(clients.map((c) => synced(c.provider)));
  const first = (clients[0] as Client).doc;
  await waitFor(() => clients.every((c) => sameBytes(Y.encodeStateVector(c.doc), Y.encodeStateVector(first))), 10_000);
  await (server as CollabServer).hub.whenStored(await (server as CollabServer).hub.open(DOC_ID));

  const expected = checkValid(first);
  for (const c of clients) {
    expect(Y.encodeStateVector(c.doc), `${c.name} state vector`).toEqual(Y.encodeStateVector(first));
    expect(checkValid(c.doc), `${c.name} body`).toEqual(expected);
    expect(c.doc.getMap('fields').toJSON()).toEqual(first.getMap('fields').toJSON());
  }
  // What the server stored: a fresh client after every other one has gone.
  for (const c of clients) c.provider.destroy();
  const stored = new Y.Doc();
  for (const update of await store.load(DOC_ID)) Y.applyUpdate(stored, update);
  expect(Y.encodeStateVector(stored)).toEqual(Y.encodeStateVector(first));
  expect(checkValid(stored)).toEqual(expected);
  const late = await client('late');
  expect(checkValid(late.doc)).toEqual(expected);
  late.provider.destroy();
  return counts as Record<OpName | 'offline', number>;
}

describe('randomised co-editing convergence', () => {
  for (let i = 0; i < RUNS; i++) {
    const seed = BASE_SEED + i;
    const clientCount = 3 + (i % 3);
    it(`${clientCount} clients editing the seeded template converge to one valid document (seed ${seed})`, async () => {
      try {
        const counts = await run(seed, clientCount);
        if (process.env.CONVERGENCE_DEBUG) console.log(seed, counts);
      } catch (error) {
        console.error(`convergence failed: replay with CONVERGENCE_SEED=${BASE_SEED} (run seed ${seed})`);
        throw error;
      }
    });
  }
});
