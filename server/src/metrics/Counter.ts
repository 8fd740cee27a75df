import { formatLabels, formatValue, header, type Labels, labelValues } from './promText.ts';

/** A Prometheus counter: only goes up; one series per combination of label values. */
export class Counter {
  readonly name: string;
  readonly help: string;
  readonly labelNames: readonly string[];
  readonly #series = new Map<string, { values: string[]; value: number }>();

  constructor(name: string, help: string, labelNames: readonly string[] = []) {
    this.name = name;
    this.help = help;
    this.labelNames = labelNames;
    if (labelNames.length === 0) this.#series.set('', { values: [], value: 0 });
  }

  inc(labels?: Labels, by = 1): void {
    if (!(by >= 0)) throw new Error(`${this.name}: a counter only goes up`);
    const values = labelValues(this.name, this.labelNames, labels);
    const key = values.join('\u0000');
    const series = this.#series.get(key);
    if (series) series.value += by;
    else this.#series.set(key, { values, value: by });
  }

  /** The current value of one series (0 when it was never incremented). */
  get(labels?: Labels): number {
    const key = labelValues(this.name, this.labelNames, labels).join('\u0000');
    return this.#series.get(key)?.value ?? 0;
  }

  render(): string {
    let out = header(this.name, this.help, 'counter');
    for (const { values, value } of this.#series.values()) {
      out += `${this.name}${formatLabels(this.labelNames, values)} ${formatValue(value)}\n`;
    }
    return out;
  }
}
