import { performance } from 'node:perf_hooks';

/** One metric as written to bench/results.json. */
export interface Metric {
  median: number;
  p95: number;
  p99: number;
  unit: 'ms' | 'ratio' | 'updates/s' | 'updates' | 'trials' | 'MB' | 'µs';
  runs: number;
  /** The issue's target, for the printed table only. */
  target?: number;
}

/** Which figure a target applies to: the median unless the issue says otherwise (e.g. p95 for the editor). */
export type TargetOn = 'median' | 'p95' | 'p99';

export type Results = Record<string, Metric>;

export interface MeasureOptions {
  runs?: number;
  warmup?: number;
  target?: number;
  targetOn?: TargetOn;
}

function quantile(sorted: number[], q: number): number {
  if (sorted.length === 0) return Number.NaN;
  const i = Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1);
  return sorted[Math.max(0, i)] ?? Number.NaN;
}

function round(n: number): number {
  return Math.round(n * 1000) / 1000;
}

/** Collects timings: warm runs first (not recorded), then `runs` timed runs of `fn`. */
export class Bench {
  readonly results: Results = {};

  /** Times `fn`, records median and p99 in ms under `name`, and returns the raw samples. */
  async time(name: string, fn: () => unknown, options: MeasureOptions = {}): Promise<number[]> {
    const runs = options.runs ?? 50;
    for (let i = 0; i < (options.warmup ?? 5); i++) await fn();
    const samples: number[] = [];
    for (let i = 0; i < runs; i++) {
      const start = performance.now();
      await fn();
      samples.push(performance.now() - start);
    }
    this.record(name, samples, 'ms', options.target, options.targetOn);
    return samples;
  }

  /** Records a metric from samples measured elsewhere (e.g. a ratio of paired runs). */
  record(
    name: string,
    samples: number[],
    unit: 'ms' | 'ratio' | 'updates/s' | 'updates' | 'trials' | 'MB' | 'µs',
    target?: number,
    targetOn: TargetOn = 'median',
  ): Metric {
    const sorted = [...samples].sort((a, b) => a - b);
    const metric: Metric = {
      median: round(quantile(sorted, 0.5)),
      p95: round(quantile(sorted, 0.95)),
      p99: round(quantile(sorted, 0.99)),
      unit,
      runs: samples.length,
    };
    if (target !== undefined) metric.target = target;
    this.results[name] = metric;
    const verdict =
      target === undefined
        ? ''
        : metric[targetOn] <= target
          ? `  ok (target ${targetOn === 'median' ? '' : `${targetOn} `}≤ ${target})`
          : `  MISSED (target ${targetOn === 'median' ? '' : `${targetOn} `}≤ ${target})`;
    console.log(
      `${name.padEnd(40)} median ${String(metric.median).padStart(9)} ${unit}  p95 ${String(metric.p95).padStart(9)}  p99 ${String(metric.p99).padStart(9)}  runs ${metric.runs}${verdict}`,
    );
    return metric;
  }
}

/** A benchmark file's default export. */
export type BenchSuite = (bench: Bench) => Promise<void>;
