import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { MetaItems } from '../../src/collab/MetaItems.ts';

/** The update `change` makes to `doc` (as a client sends it: that transaction's items and deletions), decoded. */
function changeOf(doc: Y.Doc, change: () => void): ReturnType<typeof Y.decodeUpdate> {
  let update: Uint8Array | null = null;
  const keep = (u: Uint8Array) => {
    update = u;
  };
  doc.on('update', keep);
  change();
  doc.off('update', keep);
  if (!update) throw new Error('no change');
  return Y.decodeUpdate(update);
}

function template(): Y.Doc {
  const doc = new Y.Doc();
  doc.getMap('meta').set('title', 'NDA');
  doc.getMap('meta').set('title', 'Mutual NDA');
  doc.getMap('fields').set('amount', { type: 'money' });
  doc.getXmlFragment('body').insert(0, [new Y.XmlText('clause')]);
  return doc;
}

function copyOf(doc: Y.Doc): Y.Doc {
  const copy = new Y.Doc();
  Y.applyUpdate(copy, Y.encodeStateAsUpdate(doc));
  return copy;
}

describe('MetaItems', () => {
  it('tells meta changes (new key, overwrite, delete) from body and field edits', () => {
    const doc = template();
    const items = MetaItems.of(copyOf(doc));
    expect(items.touches(changeOf(doc, () => doc.getText('t').insert(0, 'x')))).toBe(false);
    expect(items.touches(changeOf(doc, () => doc.getMap('fields').set('amount', { type: 'text' })))).toBe(false);
    expect(items.touches(changeOf(doc, () => (doc.getXmlFragment('body').get(0) as Y.XmlText).insert(0, 'a')))).toBe(
      false,
    );
    expect(items.touches(changeOf(doc, () => doc.getMap('meta').set('locale', 'en')))).toBe(true);
    // An overwrite names the value it replaces, not the map.
    expect(items.touches(changeOf(doc, () => doc.getMap('meta').set('title', 'Renamed')))).toBe(true);
    expect(items.touches(changeOf(doc, () => doc.getMap('meta').set('locale', 'zh-CN')))).toBe(true);
    expect(items.touches(changeOf(doc, () => doc.getMap('meta').delete('locale')))).toBe(true);
  });

  it('knows an overwrite made from an older state of the meta map', () => {
    const doc = template();
    const stale = copyOf(doc);
    doc.getMap('meta').set('title', 'Newer');
    const items = MetaItems.of(copyOf(doc));
    expect(items.touches(changeOf(stale, () => stale.getMap('meta').set('title', 'Stale edit')))).toBe(true);
  });

  it('remembers items of one update that name each other in any order, for the updates after it', () => {
    const doc = template();
    const items = MetaItems.of(copyOf(doc));
    const x = copyOf(doc);
    x.clientID = 1;
    x.getMap('meta').set('k', 1);
    const y = copyOf(x);
    y.clientID = 2;
    const overwriteByY = changeOf(y, () => y.getMap('meta').set('k', 2));
    expect(overwriteByY.structs[0]?.id.client).toBe(2);
    // One update (as a reconnecting client sends it) holding both, client 2's overwrite first.
    const both = Y.decodeUpdate(Y.encodeStateAsUpdate(y, Y.encodeStateVector(doc)));
    expect(both.structs.map((struct) => struct.id.client)).toEqual([2, 1]);
    expect(items.touches(both)).toBe(true);
    // Deleting client 2's value names only that item.
    const z = copyOf(y);
    expect(items.touches(changeOf(z, () => z.getMap('meta').delete('k')))).toBe(true);
  });
});
