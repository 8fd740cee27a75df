import * as Y from 'yjs';

/** The origin of the Yjs transaction {@link dedupeClauseIds} writes in. */
export const DEDUPE_ORIGIN = 'clausewright:dedupeClauseIds';

/**
 * Renames duplicate and missing clause ids in a body fragment, the same way on every client: of the clauses sharing
 * an id, the one whose Yjs item id is smallest (client, then clock) keeps it; every other one, and every clause
 * without an id, gets an id derived from its own item id (`y<client>_<clock>`, base 36). Two clients running it on
 * the same state write the same values, so their writes merge without creating new conflicts.
 *
 * @returns how many clauses were renamed (0 when nothing was written).
 */
export function dedupeClauseIds(fragment: Y.XmlFragment): number {
  const byId = new Map<string, Y.XmlElement[]>();
  const renames: Y.XmlElement[] = [];
  for (const child of fragment.toArray()) {
    if (!(child instanceof Y.XmlElement) || child.nodeName !== 'clause') continue;
    const id = child.getAttribute('id');
    if (typeof id !== 'string' || id === '') {
      renames.push(child);
      continue;
    }
    const same = byId.get(id);
    if (same) same.push(child);
    else byId.set(id, [child]);
  }
  for (const same of byId.values()) {
    if (same.length < 2) continue;
    same.sort(compareItems);
    renames.push(...same.slice(1));
  }
  if (renames.length === 0) return 0;
  const write = () => {
    for (const element of renames) element.setAttribute('id', derivedId(element));
  };
  if (fragment.doc) fragment.doc.transact(write, DEDUPE_ORIGIN);
  else write();
  return renames.length;
}

function compareItems(a: Y.XmlElement, b: Y.XmlElement): number {
  const x = a._item?.id;
  const y = b._item?.id;
  if (!x || !y) return 0;
  return x.client - y.client || x.clock - y.clock;
}

function derivedId(element: Y.XmlElement): string {
  const id = element._item?.id;
  return id ? `y${id.client.toString(36)}_${id.clock.toString(36)}` : 'y0_0';
}
