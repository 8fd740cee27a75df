import { describe, expect, it } from 'vitest';
import { MetricsRegistry } from './MetricsRegistry.ts';

describe('MetricsRegistry', () => {
  it('renders counters, gauges and histograms in the Prometheus text format', () => {
    const registry = new MetricsRegistry();
    const frames = registry.counter('frames_total', 'Frames refused.', ['reason']);
    frames.inc({ reason: 'schema' });
    frames.inc({ reason: 'schema' });
    frames.inc({ reason: 'text "frame"\n' }, 3);
    const plain = registry.counter('updates_total', 'Updates.');
    plain.inc();
    const open = registry.gauge('open', 'Open things.');
    open.inc();
    open.inc();
    open.dec();
    let loaded = 7;
    registry.gauge('loaded', 'Loaded, read when scraped.', () => loaded);
    const latency = registry.histogram('latency_seconds', 'Latency.', [0.001, 0.01, 0.1]);
    for (const v of [0.0005, 0.002, 0.003, 0.05, 3]) latency.observe(v);
    loaded = 9;
    expect(registry.render()).toBe(
      [
        '# HELP frames_total Frames refused.',
        '# TYPE frames_total counter',
        'frames_total{reason="schema"} 2',
        'frames_total{reason="text \\"frame\\"\\n"} 3',
        '# HELP updates_total Updates.',
        '# TYPE updates_total counter',
        'updates_total 1',
        '# HELP open Open things.',
        '# TYPE open gauge',
        'open 1',
        '# HELP loaded Loaded, read when scraped.',
        '# TYPE loaded gauge',
        'loaded 9',
        '# HELP latency_seconds Latency.',
        '# TYPE latency_seconds histogram',
        'latency_seconds_bucket{le="0.001"} 1',
        'latency_seconds_bucket{le="0.01"} 3',
        'latency_seconds_bucket{le="0.1"} 4',
        'latency_seconds_bucket{le="+Inf"} 5',
        'latency_seconds_sum 3.0555',
        'latency_seconds_count 5',
        '',
      ].join('\n'),
    );
  });

  it('refuses a name twice, a bad name, an unknown or missing label and a counter going down', () => {
    const registry = new MetricsRegistry();
    const c = registry.counter('c_total', 'C.', ['kind']);
    expect(() => registry.gauge('c_total', 'again')).toThrow('registered twice');
    expect(() => registry.counter('bad-name', 'x')).toThrow('bad metric name');
    expect(() => c.inc({ kidn: 'x' })).toThrow('has no label "kidn"');
    expect(() => c.inc()).toThrow('needs label "kind"');
    expect(() => c.inc({ kind: 'x' }, -1)).toThrow('only goes up');
    expect(() => registry.histogram('h', 'H.', [1, 1])).toThrow('ascending');
  });
});
