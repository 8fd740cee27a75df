import type { Editor } from '@tiptap/core';

/** Puts the caret at the start of the clause with this id and scrolls it to the middle of the window. */
export function jumpToClause(editor: Editor, id: string): boolean {
  let target = -1;
  editor.state.doc.forEach((node, offset) => {
    if (target < 0 && node.type.name === 'clause' && node.attrs.id === id) target = offset;
  });
  if (target < 0) return false;
  editor
    .chain()
    .setTextSelection(target + 1)
    .focus(undefined, { scrollIntoView: false })
    .run();
  const dom = editor.view.nodeDOM(target);
  if (dom instanceof HTMLElement) dom.scrollIntoView({ block: 'center', behavior: 'smooth' });
  return true;
}
