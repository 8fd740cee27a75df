import { formatValue, header } from './promText.ts';

/** A Prometheus gauge without labels: set directly, or read from `collect` each time the metrics are scraped. */
export class Gauge {
  readonly name: string;
  readonly help: string;
  #value = 0;
  #collect: (() => number) | null;

  constructor(name: string, help: string, collect?: () => number) {
    this.name = name;
    this.help = help;
    this.#collect = collect ?? null;
  }

  set(value: number): void {
    this.#value = value;
  }

  inc(by = 1): void {
    this.#value += by;
  }

  dec(by = 1): void {
    this.#value -= by;
  }

  /** Reads the gauge from `collect` from now on (the last caller wins: one server per registry). */
  collectFrom(collect: () => number): void {
    this.#collect = collect;
  }

  get(): number {
    return this.#collect ? this.#collect() : this.#value;
  }

  render(): string {
    return `${header(this.name, this.help, 'gauge')}${this.name} ${formatValue(this.get())}\n`;
  }
}
