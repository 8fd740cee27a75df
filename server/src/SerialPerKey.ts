/**
 * Runs tasks one after another per key: a task starts once the previous task of its key has settled (failed ones
 * too), while tasks of different keys run freely. Keys with nothing queued are forgotten, so the map stays small.
 */
export class SerialPerKey {
  readonly #tails = new Map<string, Promise<unknown>>();

  run<T>(key: string, task: () => Promise<T>): Promise<T> {
    const previous = this.#tails.get(key) ?? Promise.resolve();
    const run = previous.catch(() => {}).then(task);
    this.#tails.set(key, run);
    const forget = () => {
      if (this.#tails.get(key) === run) this.#tails.delete(key);
    };
    run.then(forget, forget);
    return run;
  }

  /** Resolves once every task queued so far has settled. */
  async settled(): Promise<void> {
    await Promise.allSettled(this.#tails.values());
  }
}
