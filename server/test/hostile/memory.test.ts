import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { expect, it } from 'vitest';

const CHILD = fileURLToPath(new URL('./memoryChild.ts', import.meta.url));

it('returns to its baseline memory and loaded documents after 10,000 connect/edit/disconnect cycles over 1,000 documents', async () => {
  const { stdout } = await promisify(execFile)(process.execPath, ['--expose-gc', '--import', 'tsx', CHILD], {
    cwd: fileURLToPath(new URL('.', import.meta.url)),
    maxBuffer: 16 * 1024 * 1024,
    timeout: 120_000,
  });
  const line = stdout.trim().split('\n').at(-1) ?? '';
  const result = JSON.parse(line) as {
    cycles: number;
    seconds: number;
    baseline: { rss: number; heapUsed: number; loadedDocs: number; connections: number };
    after: { rss: number; heapUsed: number; loadedDocs: number; connections: number };
    peakLoaded: number;
    stored: number;
    endings: Record<string, number>;
    updates: number;
  };
  const mb = (n: number) => `${(n / 1024 / 1024).toFixed(1)} MB`;
  console.log(
    `memory: ${result.cycles} cycles in ${result.seconds.toFixed(1)} s; rss ${mb(result.baseline.rss)} → ${mb(result.after.rss)} ` +
      `(${((result.after.rss / result.baseline.rss - 1) * 100).toFixed(1)} %), heap ${mb(result.baseline.heapUsed)} → ` +
      `${mb(result.after.heapUsed)}; loaded docs ${result.baseline.loadedDocs} → peak ${result.peakLoaded} → ${result.after.loadedDocs}; ` +
      `endings ${JSON.stringify(result.endings)}`,
  );
  expect(result.after.loadedDocs).toBe(result.baseline.loadedDocs);
  expect(result.after.connections).toBe(0);
  // RSS may end lower than after the warm-up (the allocator hands pages back late); it must not end higher.
  expect(result.after.rss / result.baseline.rss).toBeLessThanOrEqual(1.05);
  expect(Math.abs(result.after.heapUsed / result.baseline.heapUsed - 1)).toBeLessThanOrEqual(0.05);
  // Refused and failed connections happened, and the honest edits were taken.
  expect(result.endings['http 500']).toBeGreaterThan(0);
  expect(result.endings['http 404']).toBeGreaterThan(0);
  expect(result.endings['close 1007']).toBeGreaterThan(0);
  expect(result.endings['close 1008']).toBeGreaterThan(0);
  expect(result.endings['close 1005']).toBe(result.cycles * 0.8);
  expect(result.updates).toBeGreaterThanOrEqual(result.cycles * 0.8);
}, 150_000);
