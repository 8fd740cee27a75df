import type { EditorView } from '@tiptap/pm/view';

type Side = number | { top: number; right: number; bottom: number; left: number };
interface Box {
  top: number;
  right: number;
  bottom: number;
  left: number;
}

const side = (value: Side, which: keyof Box) => (typeof value === 'number' ? value : value[which]);

/** The editor's ancestors that scroll (overflow other than visible/clip), found once per window size. */
const scrollers = new WeakMap<Element, { width: number; height: number; elements: Element[] }>();

/**
 * Whether the caret (the DOM selection's focus) is inside everything that can scroll it, by ProseMirror's own rule
 * (`scrollThreshold`): then `scrollIntoView` would not move anything. ProseMirror's check measures every ancestor
 * and reads its computed style on each keystroke; this one measures the caret and the few ancestors that scroll.
 * False whenever unsure (no DOM selection in the editor, an empty rect).
 */
export function caretInView(view: EditorView): boolean {
  const doc = view.dom.ownerDocument;
  const win = doc.defaultView;
  const selection = doc.getSelection();
  if (!win || !selection || selection.rangeCount === 0 || !view.dom.contains(selection.focusNode)) return false;
  const rect = selection.getRangeAt(0).getBoundingClientRect();
  if (rect.height === 0) return false;
  const threshold: Side = view.someProp('scrollThreshold') || 0;
  const inside = (box: Box) =>
    rect.top >= box.top + side(threshold, 'top') &&
    rect.bottom <= box.bottom - side(threshold, 'bottom') &&
    rect.left >= box.left + side(threshold, 'left') &&
    rect.right <= box.right - side(threshold, 'right');
  for (const el of scrollingAncestors(view, win)) {
    const r = el.getBoundingClientRect();
    const top = r.top + el.clientTop;
    const left = r.left + el.clientLeft;
    if (!inside({ top, left, bottom: top + el.clientHeight, right: left + el.clientWidth })) return false;
  }
  return inside({ top: 0, left: 0, bottom: win.innerHeight, right: win.innerWidth });
}

function scrollingAncestors(view: EditorView, win: Window): Element[] {
  const known = scrollers.get(view.dom);
  if (known && known.width === win.innerWidth && known.height === win.innerHeight) return known.elements;
  const elements: Element[] = [];
  const { body, documentElement } = view.dom.ownerDocument;
  for (let el = view.dom.parentElement; el && el !== body && el !== documentElement; el = el.parentElement) {
    const style = win.getComputedStyle(el);
    if (/auto|scroll|hidden/.test(`${style.overflowX} ${style.overflowY}`)) elements.push(el);
  }
  scrollers.set(view.dom, { width: win.innerWidth, height: win.innerHeight, elements });
  return elements;
}
