import type { FieldDef } from '@clausewright/model';
import type * as Y from 'yjs';
import { readFieldDef } from './readFieldDef.ts';

/**
 * A live view of the `fields` Y.Map shared by every widget of one editor: one Yjs observer, listeners per key so a
 * definition change touches only the chips of that field.
 */
export class FieldDefsSource {
  readonly map: Y.Map<unknown>;
  private current: ReadonlyMap<string, FieldDef> = new Map();
  private readonly all = new Set<() => void>();
  private readonly byKey = new Map<string, Set<() => void>>();
  private readonly observer = (event: Y.YMapEvent<unknown>) => this.changed(event.keysChanged);

  constructor(map: Y.Map<unknown>) {
    this.map = map;
    this.current = this.read();
    map.observe(this.observer);
  }

  /** The definition of `key`, or undefined when no field has that key. */
  get(key: string): FieldDef | undefined {
    return this.current.get(key);
  }

  /** Every definition in map order; the same object until the map changes (fit for `useSyncExternalStore`). */
  snapshot(): ReadonlyMap<string, FieldDef> {
    return this.current;
  }

  /** Calls `listener` after any change; returns the unsubscribe function. */
  subscribe(listener: () => void): () => void {
    this.all.add(listener);
    return () => this.all.delete(listener);
  }

  /** Calls `listener` after `key`'s definition changes (added, edited or removed). */
  subscribeKey(key: string, listener: () => void): () => void {
    const set = this.byKey.get(key) ?? new Set<() => void>();
    this.byKey.set(key, set);
    set.add(listener);
    return () => {
      set.delete(listener);
      if (set.size === 0) this.byKey.delete(key);
    };
  }

  destroy(): void {
    this.map.unobserve(this.observer);
    this.all.clear();
    this.byKey.clear();
  }

  private read(): Map<string, FieldDef> {
    const defs = new Map<string, FieldDef>();
    for (const [key, raw] of this.map.entries()) {
      const def = readFieldDef(raw);
      if (def) defs.set(key, def);
    }
    return defs;
  }

  private changed(keys: Set<string>): void {
    this.current = this.read();
    for (const key of keys) for (const listener of this.byKey.get(key) ?? []) listener();
    for (const listener of this.all) listener();
  }
}

const sources = new WeakMap<Y.Map<unknown>, FieldDefsSource>();

/** The one {@link FieldDefsSource} of a `fields` map (created on first use, kept as long as the map lives). */
export function fieldDefsSource(map: Y.Map<unknown>): FieldDefsSource {
  const known = sources.get(map);
  if (known) return known;
  const source = new FieldDefsSource(map);
  sources.set(map, source);
  return source;
}
