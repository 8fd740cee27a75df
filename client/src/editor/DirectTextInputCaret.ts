import type { EditorView } from '@tiptap/pm/view';

type Side = number | { top: number; right: number; bottom: number; left: number };

const side = (value: Side, which: 'top' | 'right' | 'bottom' | 'left') =>
  typeof value === 'number' ? value : value[which];

/**
 * Whether the caret is far enough inside everything that scrolls it that one more typed character (which may wrap
 * it onto the next line) cannot need scrolling, by ProseMirror's own rule (`scrollThreshold`, each scrollable
 * ancestor, then the window). Then a keystroke can skip `scrollIntoView`, which measures the caret and every
 * ancestor after the change, i.e. forces a layout and reads a dozen boxes. Read before the change, while layout is
 * clean. False whenever unsure (no DOM selection in the editor, an empty rect).
 */
export function caretStaysInView(view: EditorView): boolean {
  const doc = view.dom.ownerDocument;
  const selection = doc.getSelection();
  if (!selection || selection.rangeCount === 0 || !view.dom.contains(selection.focusNode)) return false;
  const rect = selection.getRangeAt(0).getBoundingClientRect();
  if (rect.height === 0) return false;
  const threshold: Side = view.someProp('scrollThreshold') || 0;
  // Room for the caret to move one line down and one character right.
  const reach = 2 * rect.height;
  const inside = (box: { top: number; right: number; bottom: number; left: number }) =>
    rect.top >= box.top + side(threshold, 'top') &&
    rect.bottom + reach <= box.bottom - side(threshold, 'bottom') &&
    rect.left >= box.left + side(threshold, 'left') &&
    rect.right + reach <= box.right - side(threshold, 'right');
  for (let el = view.dom.parentElement; el && el !== doc.body && el !== doc.documentElement; el = el.parentElement) {
    // Only an element whose content overflows it can scroll (or clip) the caret.
    if (el.scrollHeight <= el.clientHeight && el.scrollWidth <= el.clientWidth) continue;
    if (!inside(el.getBoundingClientRect())) return false;
  }
  const win = doc.defaultView;
  if (!win) return false;
  return inside({ top: 0, left: 0, bottom: win.innerHeight, right: win.innerWidth });
}
