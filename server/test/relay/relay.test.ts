import { Redis } from 'ioredis';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
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
  TEST_REDIS_URL,
} from './startInstances.ts';

const SEED = Number(process.env.RELAY_SEED ?? 0x7e1a7);
let cluster: Cluster;
let store: PgStore;
const instances: Instance[] = [];
let editors: Editor[] = [];
/** Each test edits its own document, so tests can share instances. */
let docId = '';
let docs = 0;

// One database schema and key prefix per file; the instances a test starts are stopped after it.
beforeAll(async () => {
  cluster = { databaseUrl: TEST_DATABASE_URL, schema: freshSchema(), prefix: freshPrefix() };
  // Opened first so the schema exists before the instances race to migrate it; the tests read the stored log here.
  store = await PgStore.open(TEST_DATABASE_URL, { schema: cluster.schema });
});

afterEach(() => {
  for (const e of editors) e.provider.destroy();
  editors = [];
});

afterAll(async () => {
  await Promise.all(instances.map(killInstance));
  await store.close();
  await dropSchema(cluster.schema as string);
  await dropKeys(cluster.prefix);
});

const newDoc = () => {
  docId = `relay-doc-${docs++}`;
};

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
    for (let k = 0; k < perInstance; k++) await join(instance, docId, `e${i}x${k}`, editors);
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
  expect(await storedTokens(store, docId)).toEqual(final);
  return took;
}

describe('three instances relayed through Redis', () => {
  let three: Instance[] = [];
  beforeAll(async () => {
    three = await start(3);
  });

  it('converge on one document edited at random by clients spread across them; the store holds every edit', async () => {
    const random = prng(SEED);
    newDoc();
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

  it('catch up and converge within 2 s of Redis coming back after their connections were cut for a second', async () => {
    const random = prng(SEED + 2);
    newDoc();
    await spread(three, 2);
    const before = await Promise.all(three.map((i) => i.stats()));
    let stop = false;
    const editing = editAtRandom(
      () => editors,
      random,
      () => stop,
    );
    await sleep(500);
    // Redis refuses the relays for a second: every connection they open is closed again at once.
    const outageEnd = Date.now() + 1000;
    let cut = 0;
    while (Date.now() < outageEnd) {
      cut += await killRelayConnections(cluster.prefix);
      await sleep(20);
    }
    stop = true;
    await editing;
    expect(cut).toBeGreaterThanOrEqual(9);
    const took = await expectConverged(2000);
    const stats = await Promise.all(three.map((i) => i.stats()));
    expect(stats.every((s, i) => s.catchUps > (before[i]?.catchUps ?? 0))).toBe(true);
    expect(took).toBeLessThan(2000);
  });

  it('converge within 2 s of Redis answering again after a pause (CLIENT PAUSE) mid-stream', async () => {
    const random = prng(SEED + 3);
    newDoc();
    await spread(three, 2);
    let stop = false;
    const editing = editAtRandom(
      () => editors,
      random,
      () => stop,
    );
    await sleep(400);
    const admin = new Redis(TEST_REDIS_URL, { protocol: 2 });
    try {
      await admin.call('CLIENT', 'PAUSE', 1000, 'ALL');
    } finally {
      admin.disconnect();
    }
    await sleep(1000);
    stop = true;
    await editing;
    await expectConverged(2000);
  });

  // Last: it leaves two instances.
  it('lose nothing when one is killed with -9 mid-stream: its clients reconnect to the others', async () => {
    const random = prng(SEED + 1);
    newDoc();
    await spread(three, 3);
    let stop = false;
    const editing = editAtRandom(
      () => editors,
      random,
      () => stop,
    );
    await sleep(700);
    const [victim, ...survivors] = three as [Instance, Instance, Instance];
    // What some client received from another (so stored by some instance), snapshotted in the kill's turn.
    const received = new Set<string>();
    for (const e of editors) for (const t of tokensOf(e.doc)) if (!e.inserted.has(t)) received.add(t);
    victim.child.kill('SIGKILL');
    const orphans = editors.filter((e) => e.instance === victim);
    for (const e of orphans) e.provider.destroy();
    await killInstance(victim);
    for (const [k, e] of orphans.entries()) {
      await join(survivors[k % survivors.length] as Instance, docId, e.name, editors, e);
    }
    await sleep(700);
    stop = true;
    await editing;
    await expectConverged(5000);
    const stored = new Set(await storedTokens(store, docId));
    const deleted = new Set(editors.flatMap((e) => [...e.deleted]));
    const lost = [...received].filter((t) => !stored.has(t) && !deleted.has(t));
    expect(received.size).toBeGreaterThan(0);
    expect(lost, report()).toEqual([]);
  });
});

describe('three instances, one with a slow store', () => {
  it('never let an older state replace a newer one when one instance has a slow store (3 s) and they compact', async () => {
    const random = prng(SEED + 4);
    newDoc();
    const [slow, a, b] = (await start(3, (i) => ({
      CW_UNLOAD_AFTER_MS: '100',
      ...(i === 0 ? { CW_STORE_DELAY_MS: '3000' } : {}),
    }))) as [Instance, Instance, Instance];
    await spread([slow, a, b], 2);
    // Sampled while it runs: a token once stored leaves the store only when some client deleted it.
    const regressions: string[] = [];
    let sampling = true;
    const sampler = (async () => {
      let previous = new Set<string>();
      while (sampling) {
        const now = new Set(await storedTokens(store, docId));
        const deleted = new Set(editors.flatMap((e) => [...e.deleted]));
        for (const t of previous) if (!now.has(t) && !deleted.has(t)) regressions.push(t);
        previous = now;
        await sleep(50);
      }
    })();
    let stop = false;
    const editing = editAtRandom(
      () => editors,
      random,
      () => stop,
    );
    await sleep(800);
    // The slow instance's clients move away: it stores what it has (3 s late), then compacts (3 s late) while the
    // others keep appending; then a's clients move to b and a compacts too.
    for (const e of editors.filter((x) => x.instance === slow)) {
      e.provider.destroy();
      await join(a, docId, e.name, editors, e);
    }
    await sleep(1500);
    for (const e of editors.filter((x) => x.instance === a)) {
      e.provider.destroy();
      await join(b, docId, e.name, editors, e);
    }
    await sleep(800);
    stop = true;
    await editing;
    await expectConverged(8000);
    // Let the delayed compaction run out, then look again.
    await sleep(3500);
    sampling = false;
    await sampler;
    expect(regressions, report()).toEqual([]);
    expect(new Set(await storedTokens(store, docId))).toEqual(expectedTokens(editors));
  });
});
