/** Open connections per key (a user, an address); a key with none is forgotten. */
export class ConnectionCounter {
  readonly #counts = new Map<string, number>();

  count(key: string): number {
    return this.#counts.get(key) ?? 0;
  }

  add(key: string): void {
    this.#counts.set(key, this.count(key) + 1);
  }

  remove(key: string): void {
    const n = this.count(key) - 1;
    if (n > 0) this.#counts.set(key, n);
    else this.#counts.delete(key);
  }

  /** Keys with at least one connection. */
  get size(): number {
    return this.#counts.size;
  }
}
