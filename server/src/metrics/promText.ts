/** Label names and values of one series, in the order the metric declared its label names. */
export type Labels = Record<string, string>;

/** `{a="x",b="y"}` with values escaped per the Prometheus text format; '' without labels. */
export function formatLabels(names: readonly string[], values: readonly string[], extra = ''): string {
  const parts = names.map((name, i) => `${name}="${escapeLabel(values[i] ?? '')}"`);
  if (extra) parts.push(extra);
  return parts.length ? `{${parts.join(',')}}` : '';
}

/** A sample value as Prometheus writes it (`+Inf`, `NaN`). */
export function formatValue(value: number): string {
  if (Number.isNaN(value)) return 'NaN';
  if (value === Number.POSITIVE_INFINITY) return '+Inf';
  if (value === Number.NEGATIVE_INFINITY) return '-Inf';
  return String(value);
}

/** The `# HELP` and `# TYPE` lines of a metric. */
export function header(name: string, help: string, type: string): string {
  return `# HELP ${name} ${help.replace(/\\/g, '\\\\').replace(/\n/g, '\\n')}\n# TYPE ${name} ${type}\n`;
}

function escapeLabel(value: string): string {
  return value.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n');
}

/** The values of `labels` in `names` order; throws on a missing or unknown label so a typo is caught in tests. */
export function labelValues(metric: string, names: readonly string[], labels: Labels | undefined): string[] {
  const given = labels ?? {};
  for (const key of Object.keys(given)) {
    if (!names.includes(key)) throw new Error(`${metric} has no label "${key}"`);
  }
  return names.map((name) => {
    const value = given[name];
    if (value === undefined) throw new Error(`${metric} needs label "${name}"`);
    return value;
  });
}
