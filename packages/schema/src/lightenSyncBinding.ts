import type { Node } from '@tiptap/pm/model';
import { type ProsemirrorBinding, updateYFragment, ySyncPluginKey } from 'y-prosemirror';
import * as Y from 'yjs';

// y-prosemirror 1.3.7 internals used below (pinned; YCollaboration.test.ts covers selection after remote changes).
interface BindingInternals {
  doc: Y.Doc & { _transaction: { origin: unknown } | null };
  type: Y.XmlFragment;
  mapping: Map<unknown, Node | Node[]>;
  beforeAllTransactions: () => void;
  _prosemirrorChanged: (doc: unknown) => void;
}

const lightened = new WeakSet<ProsemirrorBinding>();

/**
 * Takes two walks over the Y.XmlFragment out of every local change of a y-prosemirror 1.3.7 binding. The binding
 * records the selection as Yjs relative positions (`getRelativeSelection`: a walk from the start of the body to the
 * caret, so a millisecond per keystroke at 1,000 clauses) at the start of every Yjs transaction and again after
 * writing a local change. Both records exist to restore the caret after a *remote* change and are cleared when the
 * transaction ends, so for the binding's own writes (origin `ySyncPluginKey`) nothing ever reads them.
 * Remote, IndexedDB and undo/redo transactions keep the original behaviour. A view update that did not change the
 * document (a caret move) does not diff the document against the fragment, and one that changed a single top-level
 * block (typing) diffs only that block instead of all of the body's blocks.
 */
export function lightenSyncBinding(binding: ProsemirrorBinding): void {
  const b = binding as unknown as BindingInternals;
  // Plugin views are recreated when plugins are registered; the binding object stays.
  if (lightened.has(binding)) return;
  lightened.add(binding);
  if (typeof b.beforeAllTransactions !== 'function' || typeof b._prosemirrorChanged !== 'function') return;
  const original = b.beforeAllTransactions;
  const lighter = () => {
    if (b.doc._transaction?.origin === ySyncPluginKey) return;
    original();
  };
  // `initView` registered the original; `destroy` unregisters whatever the field holds.
  b.doc.off('beforeAllTransactions', original);
  b.beforeAllTransactions = lighter;
  b.doc.on('beforeAllTransactions', lighter);
  // The sync plugin's view calls this after every view update, caret moves included; a document already written
  // (the very same node) is not diffed against the fragment again.
  let written: Node | null = null;
  b._prosemirrorChanged = (doc) => {
    if (doc === written) return;
    const next = doc as Node;
    const prev = written;
    b.doc.transact(() => {
      if (!updateOneBlock(b, binding, prev, next)) updateYFragment(b.doc, b.type, next, binding);
    }, ySyncPluginKey);
    written = next;
  };
}

/**
 * Writes `doc` to the fragment when it differs from `prev` (the document last written) in one top-level block only,
 * by diffing that block alone; false (nothing done) whenever that is not certain, e.g. after a remote change: the
 * fragment must still map to `prev` block for block, as the full diff would have left it.
 */
function updateOneBlock(b: BindingInternals, binding: ProsemirrorBinding, prev: Node | null, doc: Node): boolean {
  if (!prev || b.mapping.get(b.type) !== prev) return false;
  const count = doc.childCount;
  if (prev.childCount !== count || b.type.length !== count) return false;
  let changed = -1;
  for (let i = 0; i < count; i++) {
    if (doc.child(i) === prev.child(i)) continue;
    if (changed >= 0) return false;
    changed = i;
  }
  if (changed < 0) return false;
  const yBlock = b.type.get(changed);
  const block = doc.child(changed);
  if (!(yBlock instanceof Y.XmlElement) || yBlock.nodeName !== block.type.name) return false;
  if (b.mapping.get(yBlock) !== prev.child(changed)) return false;
  // As the full diff does: the fragment now stands for `doc`, and the block is diffed against its Yjs element.
  b.mapping.set(b.type, doc);
  updateYFragment(b.doc, yBlock, block, binding);
  return true;
}
