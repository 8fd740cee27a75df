import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect, it } from 'vitest';
import { SqliteStore } from '../storage/index.ts';
import { Histogram } from './Histogram.ts';
import { timeStore } from './timeStore.ts';

it('times every append, failed ones too, and passes everything else to the store', async () => {
  const dir = await mkdtemp(path.join(tmpdir(), 'cw-timed-'));
  const store = SqliteStore.open(path.join(dir, 'timed.db'));
  try {
    const histogram = new Histogram('append_seconds', 'Append.', [0.001, 1]);
    const timed = timeStore(store, histogram);
    await timed.append('doc', new Uint8Array([0, 0]), { origin: 'alice' });
    await timed.append('doc', new Uint8Array([0, 0]));
    expect(histogram.count).toBe(2);
    expect(histogram.sum).toBeGreaterThan(0);
    expect(await timed.load('doc')).toHaveLength(2);
    expect((await timed.list())[0]).toMatchObject({ docId: 'doc', updates: 2 });
    // Getters and private fields of the store still work through the wrapper.
    expect(timed.path).toBe(store.path);

    await store.close();
    await expect(timed.append('doc', new Uint8Array([0, 0]))).rejects.toThrow();
    expect(histogram.count).toBe(3);
  } finally {
    await store.close().catch(() => {});
    await rm(dir, { recursive: true, force: true });
  }
});
