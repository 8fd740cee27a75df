import { type ProsemirrorBinding, updateYFragment, ySyncPluginKey } from 'y-prosemirror';
import type * as Y from 'yjs';

// y-prosemirror 1.3.7 internals used below (pinned; YCollaboration.test.ts covers selection after remote changes).
interface BindingInternals {
  doc: Y.Doc & { _transaction: { origin: unknown } | null };
  type: Y.XmlFragment;
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
 * document (a caret move) does not diff the document against the fragment.
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
  let written: unknown = null;
  b._prosemirrorChanged = (doc) => {
    if (doc === written) return;
    b.doc.transact(() => updateYFragment(b.doc, b.type, doc as never, binding), ySyncPluginKey);
    written = doc;
  };
}
