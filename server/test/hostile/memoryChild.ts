// Run by memory.test.ts as `node --expose-gc --import tsx memoryChild.ts`: cycles connections through the whole
// server and prints one JSON line with memory and loaded-document counts before and after.
import { BODY_FIELD } from '@clausewright/schema';
import { WebSocket } from 'ws';
import * as Y from 'yjs';
import { storeNewTemplate } from '../../src/collab/storeNewTemplate.ts';
import { prng } from '../prng.ts';
import { awarenessFrame, startHostileApp, updateFrame } from './startHostileApp.ts';
import { manyClauses } from './templateState.ts';

const DOCS = Number(process.env.MEMORY_DOCS ?? 1000);
const CYCLES = Number(process.env.MEMORY_CYCLES ?? 10_000);
const WARMUP = Number(process.env.MEMORY_WARMUP ?? 1500);
const CONCURRENCY = 48;
const BROKEN = 10;

const gc = (globalThis as { gc?: () => void }).gc;
if (!gc) throw new Error('run with --expose-gc');

const server = await startHostileApp({
  unloadAfterMs: 200,
  limits: { maxUpgradesPerIpPerSecond: 0, maxConnectionsPerIp: 0, maxConnectionsPerUser: 0, maxAwarenessBytes: 256 },
});
for (let i = 0; i < DOCS; i++) await storeNewTemplate(server.store, manyClauses(`mem-${i}`, 3));
for (let i = 0; i < BROKEN; i++) {
  await server.store.append(`broken-${i}`, new Uint8Array([1, 2, 3, 4, 5, 6, 7, 8]));
}

const random = prng(2026_11_26);
let serial = 0;

/** A valid update: a new clause at the top of the body, needing nothing the server has. */
function newClause(): Uint8Array {
  const doc = new Y.Doc();
  const clause = new Y.XmlElement('clause');
  clause.setAttribute('id', `m${serial++}`);
  clause.setAttribute('level', 1 as unknown as string);
  clause.insert(0, [new Y.XmlText('内存测试条款')]);
  doc.getXmlFragment(BODY_FIELD).insert(0, [clause]);
  const update = Y.encodeStateAsUpdate(doc);
  doc.destroy();
  return update;
}

function nestedParagraph(): Uint8Array {
  const doc = new Y.Doc();
  const clause = new Y.XmlElement('clause');
  clause.setAttribute('id', `bad${serial++}`);
  clause.insert(0, [new Y.XmlElement('paragraph')]);
  doc.getXmlFragment(BODY_FIELD).insert(0, [clause]);
  return Y.encodeStateAsUpdate(doc);
}

const bigState = new TextEncoder().encode(JSON.stringify({ user: { name: 'x'.repeat(300) } }));
// One entry: client 7, clock 1, the state (its length fits one varint byte pair).
const bigAwareness = Uint8Array.from([1, 7, 1, 0x80 | (bigState.length & 0x7f), bigState.length >> 7, ...bigState]);

/** One connection: open, send `frames`, then close (or be closed); resolves when it is over either way. */
function cycle(path: string, frames: Uint8Array[]): Promise<string> {
  return new Promise((resolve) => {
    const ws = new WebSocket(`${server.wsUrl}${path}`, { headers: server.headers });
    ws.on('open', () => {
      for (const frame of frames) ws.send(frame);
      // Give the server a moment to take the frames before this client goes.
      setTimeout(() => ws.close(), 5);
    });
    ws.on('unexpected-response', (_req, res) => {
      res.resume();
      resolve(`http ${res.statusCode}`);
      ws.terminate();
    });
    ws.on('close', (code) => resolve(`close ${code}`));
    ws.on('error', () => resolve('error'));
  });
}

async function run(cycles: number, tally: Map<string, number>): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < cycles) {
      const n = next++;
      const doc = `mem-${Math.floor(random() * DOCS)}`;
      let ending: string;
      switch (n % 20) {
        case 3: // failed load
          ending = await cycle(`/broken-${n % BROKEN}`, []);
          break;
        case 7: // not a collab path
          ending = await cycle('/Not_A_Doc', []);
          break;
        case 11: // schema-breaking update
          ending = await cycle(`/${doc}`, [updateFrame(nestedParagraph())]);
          break;
        case 15: // over a limit: an awareness state bigger than maxAwarenessBytes
          ending = await cycle(`/${doc}`, [awarenessFrame(bigAwareness)]);
          break;
        default:
          ending = await cycle(`/${doc}?name=user${n % 50}`, [updateFrame(newClause())]);
      }
      tally.set(ending, (tally.get(ending) ?? 0) + 1);
    }
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
}

async function settle(): Promise<{ rss: number; heapUsed: number; loadedDocs: number; connections: number }> {
  // Documents unload 200 ms after their last connection, then compact; wait until none is loaded.
  const deadline = Date.now() + 20_000;
  while (server.hub.loadedDocIds().length > 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
  await new Promise((r) => setTimeout(r, 500));
  for (let i = 0; i < 6; i++) {
    gc?.();
    await new Promise((r) => setTimeout(r, 100));
  }
  const { rss, heapUsed } = process.memoryUsage();
  return { rss, heapUsed, loadedDocs: server.hub.loadedDocIds().length, connections: server.metrics.connections.get() };
}

const warmupTally = new Map<string, number>();
await run(WARMUP, warmupTally);
const baseline = await settle();
const tally = new Map<string, number>();
const started = performance.now();
await run(CYCLES, tally);
const seconds = (performance.now() - started) / 1000;
const peakLoaded = server.hub.loadedDocIds().length;
const after = await settle();
const stored = (await server.store.list()).filter((d) => d.docId.startsWith('mem-')).length;
console.log(
  JSON.stringify({
    cycles: CYCLES,
    docs: DOCS,
    seconds,
    baseline,
    after,
    peakLoaded,
    stored,
    endings: Object.fromEntries(tally),
    updates: server.metrics.updates.get(),
  }),
);
await server.close();
process.exit(0);
