import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import * as Y from 'yjs';
import { DocumentHub } from '../../server/src/collab/DocumentHub.ts';
import { storeNewTemplate } from '../../server/src/collab/storeNewTemplate.ts';
import { createLogger } from '../../server/src/createLogger.ts';
import { SqliteStore } from '../../server/src/storage/SqliteStore.ts';
import { fiveHundredClauses } from './fiveHundredClauses.ts';

// Run by server.bench.ts as `node --expose-gc --import tsx memoryProbe.ts`: loads DOCS 500-clause documents into a
// DocumentHub from a SqliteStore and prints one JSON line { ratio, heapPerDoc, bytesPerDoc }, where ratio is the
// memory the loaded documents hold (after full GCs: JS heap plus ArrayBuffers, since the hub keeps documents as
// encoded bytes, which live outside the heap) ÷ the sum of their encodeStateAsUpdate sizes.
const gc = (globalThis as { gc?: () => void }).gc;
if (!gc) throw new Error('run with --expose-gc');
// ArrayBuffer memory is returned a moment after the GC that frees its owner: let it settle between collections.
const collect = async () => {
  for (let i = 0; i < 3; i++) {
    gc();
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
};
const held = () => {
  const usage = process.memoryUsage();
  return usage.heapUsed + usage.arrayBuffers;
};

const DOCS = Number(process.env.DOCS ?? 20);
const dir = mkdtempSync(path.join(tmpdir(), 'cw-memory-bench-'));
const store = SqliteStore.open(path.join(dir, 'memory.db'));
try {
  for (let i = 0; i <= DOCS; i++) await storeNewTemplate(store, fiveHundredClauses(`mem-${i}`));
  const hub = new DocumentHub(store, { logger: createLogger('silent'), unloadAfterMs: 3_600_000 });
  // One document first, so lazily built module state is not counted against the measured ones.
  await hub.open('mem-0');
  await collect();
  const before = held();
  const loaded = [];
  for (let i = 1; i <= DOCS; i++) loaded.push(await hub.open(`mem-${i}`));
  await collect();
  const heap = held() - before;
  let bytes = 0;
  for (const hubDoc of loaded) {
    const copy = new Y.Doc();
    Y.applyUpdate(copy, hubDoc.encodeFullState());
    bytes += Y.encodeStateAsUpdate(copy).length;
    copy.destroy();
  }
  console.log(JSON.stringify({ ratio: heap / bytes, heapPerDoc: heap / DOCS, bytesPerDoc: bytes / DOCS }));
  await hub.close();
} finally {
  await store.close();
  rmSync(dir, { recursive: true, force: true });
}
