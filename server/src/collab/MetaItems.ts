import { META_MAP } from '@clausewright/schema';
import * as Y from 'yjs';

type DecodedUpdate = ReturnType<typeof Y.decodeUpdate>;

/**
 * The ids of every item of a document's `meta` map (values and the values they replaced), so an encoded update can
 * be told to change the meta without a Y.Doc: an overwrite names the value it replaces as its origin, not its map.
 */
export class MetaItems {
  /** Clocks of meta items, per client. */
  readonly #clocks = new Map<number, Set<number>>();

  /** Reads the meta items of `doc` (a throwaway copy of the document). */
  static of(doc: Y.Doc): MetaItems {
    const items = new MetaItems();
    for (const latest of doc.getMap(META_MAP)._map.values()) {
      for (let item: Y.Item | null = latest; item; item = item.left) items.#add(item.id, item.length);
    }
    return items;
  }

  /** True when `update` sets or deletes a meta value; its meta items are remembered for later updates. */
  touches(update: DecodedUpdate): boolean {
    let touched = false;
    // Items of one update can name each other in any order: repeat until no new meta item turns up.
    const candidates = update.structs.filter((s): s is Y.Item => s instanceof Y.Item);
    for (let grew = true; grew; ) {
      grew = false;
      for (const item of candidates) {
        if (this.#has(item.id) || !this.#isMeta(item)) continue;
        this.#add(item.id, item.length);
        touched = grew = true;
      }
    }
    for (const [client, deletes] of update.ds.clients) {
      const clocks = this.#clocks.get(client);
      if (!clocks) continue;
      for (const { clock, len } of deletes) {
        for (const known of clocks) if (known >= clock && known < clock + len) return true;
      }
    }
    return touched;
  }

  #isMeta(item: Y.Item): boolean {
    const parent = item.parent as unknown;
    if (parent === META_MAP) return true;
    if (parent instanceof Y.ID && this.#has(parent)) return true;
    return (
      (item.origin !== null && this.#has(item.origin)) || (item.rightOrigin !== null && this.#has(item.rightOrigin))
    );
  }

  #has(id: Y.ID): boolean {
    return this.#clocks.get(id.client)?.has(id.clock) ?? false;
  }

  #add(id: Y.ID, length: number): void {
    let clocks = this.#clocks.get(id.client);
    if (!clocks) {
      clocks = new Set();
      this.#clocks.set(id.client, clocks);
    }
    for (let i = 0; i < length; i++) clocks.add(id.clock + i);
  }
}
