import * as Y from 'yjs';
import { type Block, clauseEnd, findClause } from '../restore/syncBlocks.ts';

/** A run of Yjs item ids `client:[from, to)`. */
export interface ItemSpan {
  client: number;
  from: number;
  /** Exclusive. */
  to: number;
}

/**
 * The Yjs item ids that make up clause `clauseId` in `doc`'s body: its element and its child blocks (the flat
 * document's following clause paragraphs and deeper clauses), their attributes and every content item, deleted ones
 * still linked in the struct store included. null when the body holds no such clause.
 */
export function clauseItemIds(doc: Y.Doc, clauseId: string): ItemSpan[] | null {
  const blocks = doc.getXmlFragment('body').toArray() as Block[];
  const start = findClause(blocks, clauseId);
  if (start < 0) return null;
  const spans: ItemSpan[] = [];
  const visit = (type: YType) => {
    if (type._item) addItem(spans, type._item);
    for (const item of type._map.values()) {
      // Earlier values of an attribute stay linked to the left of the current one.
      for (let at: Y.Item | null = item; at; at = at.left as Y.Item | null) addItem(spans, at);
    }
    for (let at = type._start; at; at = at.right as Y.Item | null) {
      if (at.content instanceof Y.ContentType) visit(at.content.type as YType);
      else addItem(spans, at);
    }
  };
  for (const block of blocks.slice(start, clauseEnd(blocks, start))) visit(block);
  return spans;
}

// The struct-store links every shared type has, whatever its event type.
type YType = Pick<Y.AbstractType<never>, '_item' | '_map' | '_start'>;

function addItem(spans: ItemSpan[], item: Y.Item): void {
  spans.push({ client: item.id.client, from: item.id.clock, to: item.id.clock + item.length });
}
