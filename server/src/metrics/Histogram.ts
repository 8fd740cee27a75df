import { formatLabels, formatValue, header } from './promText.ts';

/** A Prometheus histogram without labels: cumulative buckets (upper bounds, ascending), sum and count. */
export class Histogram {
  readonly name: string;
  readonly help: string;
  readonly buckets: readonly number[];
  readonly #counts: number[];
  #sum = 0;
  #count = 0;

  constructor(name: string, help: string, buckets: readonly number[]) {
    if (buckets.some((b, i) => i > 0 && b <= (buckets[i - 1] as number))) {
      throw new Error(`${name}: buckets must be ascending`);
    }
    this.name = name;
    this.help = help;
    this.buckets = buckets;
    this.#counts = buckets.map(() => 0);
  }

  observe(value: number): void {
    this.#sum += value;
    this.#count += 1;
    // Stored per bucket, summed when rendered: an observation costs one increment.
    const i = this.buckets.findIndex((bound) => value <= bound);
    if (i >= 0) this.#counts[i] = (this.#counts[i] as number) + 1;
  }

  get count(): number {
    return this.#count;
  }

  get sum(): number {
    return this.#sum;
  }

  render(): string {
    let out = header(this.name, this.help, 'histogram');
    let cumulative = 0;
    for (const [i, bound] of this.buckets.entries()) {
      cumulative += this.#counts[i] as number;
      out += `${this.name}_bucket${formatLabels([], [], `le="${formatValue(bound)}"`)} ${cumulative}\n`;
    }
    out += `${this.name}_bucket{le="+Inf"} ${this.#count}\n`;
    out += `${this.name}_sum ${formatValue(this.#sum)}\n${this.name}_count ${this.#count}\n`;
    return out;
  }
}
