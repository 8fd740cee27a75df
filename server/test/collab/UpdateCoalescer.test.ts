import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { type OutgoingUpdate, UpdateCoalescer } from '../../src/collab/UpdateCoalescer.ts';

const WINDOW = { hotDeliveriesPerSecond: 20_000, windowMs: 16 };

/** `n` updates numbered from `from` (the number rides in `origin`; the coalescer never reads the bytes). */
const updates = (from: number, n = 1): OutgoingUpdate[] =>
  Array.from({ length: n }, (_, i) => ({ update: new Uint8Array(1), origin: from + i }));

function recorder() {
  const deliveries: number[][] = [];
  const coalescer = new UpdateCoalescer((items) => deliveries.push(items.map((i) => i.origin as number)), WINDOW);
  return { deliveries, coalescer };
}

/** Pushes one update every `everyMs` for `count` updates, numbered from `from`. */
function stream(coalescer: UpdateCoalescer, sessions: number, from: number, count: number, everyMs: number): void {
  for (let i = 0; i < count; i++) {
    coalescer.push(updates(from + i), sessions);
    vi.advanceTimersByTime(everyMs);
  }
}

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'performance'] });
});

afterEach(() => {
  vi.useRealTimers();
});

describe('UpdateCoalescer', () => {
  it('delivers every update at once while updates × sessions stay under the rate', () => {
    const { deliveries, coalescer } = recorder();
    // 500 updates/s × 39 sessions = 19,500 deliveries/s.
    stream(coalescer, 39, 0, 200, 2);
    expect(deliveries).toHaveLength(200);
    expect(deliveries.flat()).toEqual(Array.from({ length: 200 }, (_, i) => i));
    expect(coalescer.queued).toBe(0);
  });

  it('merges a hot document into at most one delivery per window, in order, losing nothing', () => {
    const { deliveries, coalescer } = recorder();
    // 500 updates/s × 50 sessions = 25,000 deliveries/s: hot once the first 250 ms bucket is measured.
    stream(coalescer, 50, 0, 250, 2);
    vi.advanceTimersByTime(16);
    expect(deliveries.flat()).toEqual(Array.from({ length: 250 }, (_, i) => i));
    expect(coalescer.queued).toBe(0);
    // The first ~125 updates went one by one; after that about 8 per 16 ms window.
    const merged = deliveries.filter((d) => d.length > 1);
    expect(merged.length).toBeGreaterThan(5);
    expect(Math.max(...merged.map((d) => d.length))).toBeLessThanOrEqual(9);
    expect(deliveries.length).toBeLessThan(150);
  });

  it('never holds an update longer than the window', () => {
    const pushedAt = new Map<number, number>();
    const waits: number[] = [];
    const coalescer = new UpdateCoalescer((items) => {
      for (const item of items) waits.push(performance.now() - (pushedAt.get(item.origin as number) as number));
    }, WINDOW);
    // Hot, at uneven gaps (1–4 ms) so pushes land anywhere in a window.
    for (let i = 0; i < 600; i++) {
      pushedAt.set(i, performance.now());
      coalescer.push(updates(i), 50);
      vi.advanceTimersByTime(1 + (i % 4));
    }
    vi.advanceTimersByTime(16);
    expect(waits).toHaveLength(600);
    expect(Math.max(...waits)).toBeLessThanOrEqual(16);
    expect(waits.filter((w) => w > 0).length).toBeGreaterThan(300);
  });

  it('sends the first update after a quiet window at once, even while the document is hot', () => {
    const { deliveries, coalescer } = recorder();
    stream(coalescer, 50, 0, 200, 2);
    // Whatever waited goes out within 16 ms; the window after it is then quiet.
    vi.advanceTimersByTime(40);
    const before = deliveries.length;
    coalescer.push(updates(500), 50);
    expect(deliveries).toHaveLength(before + 1);
    expect(deliveries.at(-1)).toEqual([500]);
  });

  it('never merges with a zero window', () => {
    const deliveries: number[] = [];
    const coalescer = new UpdateCoalescer((items) => deliveries.push(items.length), { ...WINDOW, windowMs: 0 });
    stream(coalescer, 10_000, 0, 300, 1);
    expect(deliveries).toEqual(Array(300).fill(1));
  });

  it('drops what waits on close and delivers nothing after', () => {
    const { deliveries, coalescer } = recorder();
    stream(coalescer, 50, 0, 200, 2);
    coalescer.push(updates(900), 50);
    coalescer.push(updates(901), 50);
    const queued = coalescer.queued;
    expect(queued).toBeGreaterThan(0);
    const delivered = deliveries.length;
    coalescer.close();
    vi.advanceTimersByTime(100);
    expect(deliveries).toHaveLength(delivered);
    expect(coalescer.queued).toBe(0);
  });
});
