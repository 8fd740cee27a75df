import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PgStore } from '../../src/storage/PgStore.ts';
import { sleep } from '../collab/startCollab.ts';
import { prng } from '../prng.ts';
import { dropSchema, freshSchema, TEST_DATABASE_URL } from '../storage/pgTestDatabase.ts';
import {
  converged,
  type Editor,
  editAtRandom,
  expectedTokens,
  join,
  storedTokens,
  tokensOf,
  within,
} from './relayCluster.ts';
import {
  type Cluster,
  dropKeys,
  freshPrefix,
  type Instance,
  killInstance,
  killRelayConnections,
  startInstance,
} from './startInstances.ts';

const SEED = Number(process.env.RELAY_SEED ?? 0x7e1a7);
const DOC_ID = 'relay-doc';

let cluster: Cluster;
let store: PgStore;
let instances: Instance[];
let editors: Editor[];

beforeEach(async () => {
  cluster = { databaseUrl: TEST_DATABASE_URL, schema: freshSchema(), prefix: freshPrefix() };
  // Opened first so the schema exists before the instances race to migrate it; the test reads the stored log here.
  store = await PgStore.open(TEST_DATABASE_URL, { schema: cluster.schema });
  instances = [];
  editors = [];
});

afterEach(async () => {
  for (const e of editors) e.provider.destroy();
  await Promise.all(instances.map(killInstance));
  await store.close();
  await dropSchema(cluster.schema as string);
  await dropKeys(cluster.prefix);
});

async function start(n: number, env: (i: number) => Record<string, string> = () => ({})): Promise<Instance[]> {
  const started = await Promise.all(
    Array.from({ length: n }, (_, i) => startInstance(cluster, `i${instances.length + i}`, env(i))),
  );
  instances.push(...started);
  return started;
}

/** `perInstance` editors on each of `on`. */
async function spread(on: Instance[], perInstance: number): Promise<void> {
  for (const [i, instance] of on.entries()) {
    for (let k = 0; k < perInstance; k++) await join(instance, DOC_ID, `e${i}x${k}`, editors);
  }
}

function report(): string {
  const lengths = editors.map((e) => `${e.name}@${e.instance.id}:${tokensOf(e.doc).length}`).join(' ');
  return `seed ${SEED}; ${lengths}; expected ${expectedTokens(editors).size}\n${instances.map((i) => `--- ${i.id}\n${i.output()}`).join('\n')}`;
}

/** All editors hold the same document, which is the union of every edit, and so does the store. */
async function expectConverged(timeoutMs: number): Promise<number> {
  const expected = expectedTokens(editors);
  const took = await within(
    () => converged(editors) && tokensOf((editors[0] as Editor).doc).length === expected.size,
    timeoutMs,
    report,
  );
  const final = tokensOf((editors[0] as Editor).doc);
  expect(new Set(final)).toEqual(expected);
  expect(final.length, 'no token twice').toBe(expected.size);
  expect(await storedTokens(store, DOC_ID)).toEqual(final);
  return took;
}

describe('three instances relayed through Redis', () => {
  it('converge on one document edited at random by clients spread across them; the store holds every edit', async () => {
    const random = prng(SEED);
    const three = await start(3);
    await spread(three, 3);
    let stop = false;
    const editing = editAtRandom(
      () => editors,
      random,
      () => stop,
    );
    await sleep(1500);
    stop = true;
    await editing;
    await expectConverged(5000);
    const stats = await Promise.all(three.map((i) => i.stats()));
    // Every instance both published its clients' updates and applied the others'.
    for (const s of stats) {
      expect(s.published).toBeGreaterThan(0);
      expect(s.applied).toBeGreaterThan(0);
    }
  });
});
