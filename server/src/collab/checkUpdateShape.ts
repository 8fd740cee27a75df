import { BODY_FIELD, FIELDS_MAP, META_MAP } from '@clausewright/schema';
import * as Y from 'yjs';
import { checkBlock } from './checkBlock.ts';
import { checkFieldDef, checkMeta } from './checkTemplateMaps.ts';

/** What `checkUpdateShape` found. */
export type ShapeCheck =
  /** `changed`: false when the document already held all of it (a fresh client's sync step 2). */
  | { ok: true; changed: boolean }
  /** Not a Yjs update at all (truncated, garbled): Yjs threw while reading it. */
  | { ok: false; reason: 'invalid_update'; detail: string }
  /** It depends on content the document lacks; the hub refuses it (and tells the client why). */
  | { ok: false; reason: 'missing_dependencies'; detail: string }
  /** A valid Yjs update that would break the template: the editor, `yDocToTemplate` or a render would choke on it. */
  | { ok: false; reason: 'schema'; detail: string };

/** A Y.Doc with the template's shared types made under their right types, ready to mirror a hub document. */
export function newShadowDoc(state?: Uint8Array): Y.Doc {
  const doc = new Y.Doc();
  doc.getXmlFragment(BODY_FIELD);
  doc.getMap(FIELDS_MAP);
  doc.getMap(META_MAP);
  if (state) Y.applyUpdate(doc, state);
  return doc;
}

/**
 * Applies `update` to `shadow` (a copy of the document from `newShadowDoc`) and checks only what it changed: the
 * top-level blocks of the body it touched (through `checkBlock`), the meta map, the field definitions it set, and
 * that no other shared type appears. A document without meta is not a template and gets no schema check.
 *
 * Unless the answer is ok, `shadow` now holds what was refused: the caller must throw it away.
 */
export function checkUpdateShape(shadow: Y.Doc, update: Uint8Array): ShapeCheck {
  const body = shadow.getXmlFragment(BODY_FIELD);
  const fields = shadow.getMap<unknown>(FIELDS_MAP);
  const meta = shadow.getMap<unknown>(META_MAP);
  const wasTemplate = meta.size > 0;
  let transaction: Y.Transaction | null = null;
  const capture = (tr: Y.Transaction) => {
    transaction ??= tr;
  };
  shadow.on('afterTransaction', capture);
  try {
    Y.applyUpdate(shadow, update);
  } catch (error) {
    return { ok: false, reason: 'invalid_update', detail: String((error as Error)?.message ?? error).slice(0, 80) };
  } finally {
    shadow.off('afterTransaction', capture);
  }
  if (shadow.store.pendingStructs || shadow.store.pendingDs) {
    return { ok: false, reason: 'missing_dependencies', detail: 'update depends on missing content' };
  }
  const tr = transaction as Y.Transaction | null;
  const changed = tr !== null && (tr.changed.size > 0 || tr.deleteSet.clients.size > 0);
  if (!tr || !changed || !(wasTemplate || meta.size > 0)) return { ok: true, changed };
  const isNew = (item: Y.Item) => item.id.clock >= (tr.beforeState.get(item.id.client) ?? 0);

  const blocks = new Set<Y.XmlElement>();
  for (const [changed, keys] of tr.changed) {
    const type = changed as unknown as Y.AbstractType<unknown>;
    if (type === (body as unknown)) {
      if ([...keys].some((key) => key !== null)) return schema('the body has attributes');
      // New top-level items must be template blocks; the blocks themselves are checked below.
      for (let item = body._start; item; item = item.right) {
        if (item.deleted || !isNew(item)) continue;
        const content = item.content;
        if (content instanceof Y.ContentType && content.type instanceof Y.XmlElement) blocks.add(content.type);
        else if (!(content instanceof Y.ContentFormat)) return schema('the body holds content that is not a block');
      }
      continue;
    }
    if (type === (meta as unknown)) {
      if (keys.has(null)) return schema('meta holds list content');
      const problem = checkMeta(meta);
      if (problem) return schema(problem);
      continue;
    }
    if (type === (fields as unknown)) {
      if (keys.has(null)) return schema('fields holds list content');
      for (const key of keys) {
        if (key === null || !fields.has(key)) continue;
        const problem = checkFieldDef(key, fields.get(key));
        if (problem) return schema(problem);
      }
      continue;
    }
    if (type._item === null) return schema('the document holds a shared type templates do not have');
    if (type._item.deleted) continue;
    // A nested change: find the top-level block it is in.
    let top = type;
    while (top._item && top._item.parent !== body) {
      const parent = top._item.parent as Y.AbstractType<unknown>;
      if (parent._item?.deleted) break;
      top = parent;
    }
    if (top._item === null) {
      if (top === (fields as unknown) || top === (meta as unknown)) return schema('a Yjs type inside fields or meta');
      return schema('the document holds a shared type templates do not have');
    }
    if (top._item.parent !== body || top._item.deleted) continue;
    if (!(top instanceof Y.XmlElement)) return schema('the body holds a Yjs type that is not a block');
    blocks.add(top);
  }
  for (const block of blocks) {
    const problem = checkBlock(block);
    if (problem) return schema(problem);
  }
  return { ok: true, changed };
}

function schema(detail: string): ShapeCheck {
  return { ok: false, reason: 'schema', detail };
}
