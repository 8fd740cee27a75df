import { Plugin, PluginKey, type Transaction } from '@tiptap/pm/state';
import { Decoration, DecorationSet, type EditorView } from '@tiptap/pm/view';

/** The block being typed in, held at the height it had, and where its content sat inside it (px from its top). */
interface HeldBlock {
  pos: number;
  height: number;
  contentTop: number;
  contentBottom: number;
  decorations: DecorationSet;
}

type Meta = { hold: Omit<HeldBlock, 'decorations'> } | { release: true };

const heldBlockKey = new PluginKey<HeldBlock | null>('directTextInputBlockSize');

/** Typing pauses this long: the block gets its natural size back. */
const RELEASE_AFTER_MS = 1000;
/** A line moved by more than this: the block's height no longer fits its content. */
const TOLERANCE_PX = 0.5;

/**
 * Keeps the top-level block being typed in at a fixed size while its content still fits that size, so each
 * keystroke's layout stops at that block. Otherwise Chromium lays out the block's parent again, i.e. walks all of the
 * document's top-level blocks (1,000 clauses: most of a keystroke's layout), even when the block's height did not
 * change. The size is `contain: size` with the block's own measured height, so the page lays out exactly as without
 * it. After every change the content is measured against where it sat when the size was taken; when a line came or
 * went, the block is released in the same task (before anything is painted) and the next keystroke holds it again.
 * It is also released when typing pauses, on a composition (the browser edits the DOM itself) and on blur.
 */
export function directTextInputBlockSize(): Plugin<HeldBlock | null> {
  return new Plugin<HeldBlock | null>({
    key: heldBlockKey,
    state: {
      init: () => null,
      apply: (tr, held) => {
        const meta = tr.getMeta(heldBlockKey) as Meta | undefined;
        if (meta && 'release' in meta) return null;
        if (meta) return withDecorations(tr, meta.hold);
        if (!held || !tr.docChanged) return held;
        const mapped = tr.mapping.mapResult(held.pos, 1);
        const node = mapped.deleted ? null : tr.doc.nodeAt(mapped.pos);
        if (!node || tr.doc.resolve(mapped.pos).depth !== 0) return null;
        return { ...held, pos: mapped.pos, decorations: held.decorations.map(tr.mapping, tr.doc) };
      },
    },
    props: {
      decorations: (state) => heldBlockKey.getState(state)?.decorations,
      handleDOMEvents: {
        compositionstart: (view) => release(view),
        blur: (view) => release(view),
      },
    },
    view: () => {
      let timer: ReturnType<typeof setTimeout> | undefined;
      let changedAt = 0;
      // One timer per pause, not one per keystroke: it re-arms itself while changes keep coming.
      const releaseWhenPaused = (view: EditorView) => {
        const wait = changedAt + RELEASE_AFTER_MS - performance.now();
        timer = wait > 0 ? setTimeout(() => releaseWhenPaused(view), wait) : undefined;
        if (wait <= 0) release(view);
      };
      return {
        update: (view, prevState) => {
          const held = heldBlockKey.getState(view.state);
          if (!held) return;
          if (held !== heldBlockKey.getState(prevState)) {
            // Held anew, or its content changed: the pause before release starts again.
            changedAt = performance.now();
            if (timer === undefined) timer = setTimeout(() => releaseWhenPaused(view), RELEASE_AFTER_MS);
          }
          if (prevState.doc === view.state.doc) return;
          // Measured now, not in the next frame: the frame must already lay out the right size.
          if (!stillFits(view, held)) queueMicrotask(() => release(view));
        },
        destroy: () => clearTimeout(timer),
      };
    },
  });
}

/**
 * Adds to `tr` (a keystroke's text insertion, not yet dispatched) holding the caret's top-level block at its
 * current size, unless it is held already. Measures the block, so call it before the change while layout is clean.
 */
export function holdTypedBlock(view: EditorView, tr: Transaction): Transaction {
  const { $from } = view.state.selection;
  if ($from.depth < 1) return tr;
  const pos = $from.before(1);
  if (heldBlockKey.getState(view.state)?.pos === pos) return tr;
  const dom = view.nodeDOM(pos);
  if (!(dom instanceof HTMLElement) || dom.parentElement !== view.dom) return tr;
  const content = contentBox(dom);
  if (!content) return tr;
  const style = getComputedStyle(dom);
  const padding =
    Number.parseFloat(style.paddingTop) +
    Number.parseFloat(style.paddingBottom) +
    Number.parseFloat(style.borderTopWidth) +
    Number.parseFloat(style.borderBottomWidth);
  const height = dom.getBoundingClientRect().height - padding;
  if (!(height > 0)) return tr;
  return tr.setMeta(heldBlockKey, { hold: { pos, height, ...content } } satisfies Meta);
}

function withDecorations(tr: Transaction, hold: Omit<HeldBlock, 'decorations'>): HeldBlock | null {
  const node = tr.doc.nodeAt(hold.pos);
  if (!node) return null;
  const style = `contain: size; contain-intrinsic-block-size: ${hold.height}px`;
  const decorations = DecorationSet.create(tr.doc, [Decoration.node(hold.pos, hold.pos + node.nodeSize, { style })]);
  return { ...hold, decorations };
}

function release(view: EditorView): boolean {
  if (!view.isDestroyed && heldBlockKey.getState(view.state)) {
    view.dispatch(view.state.tr.setMeta(heldBlockKey, { release: true } satisfies Meta).setMeta('addToHistory', false));
  }
  return false;
}

function stillFits(view: EditorView, held: HeldBlock): boolean {
  const dom = view.nodeDOM(held.pos);
  if (!(dom instanceof HTMLElement)) return false;
  const content = contentBox(dom);
  return (
    content !== null &&
    Math.abs(content.contentTop - held.contentTop) <= TOLERANCE_PX &&
    Math.abs(content.contentBottom - held.contentBottom) <= TOLERANCE_PX
  );
}

/** Where the block's content (every line box's inline content) starts and ends, in px from the block's top. */
function contentBox(dom: HTMLElement): { contentTop: number; contentBottom: number } | null {
  const range = dom.ownerDocument.createRange();
  range.selectNodeContents(dom);
  const content = range.getBoundingClientRect();
  if (content.height === 0) return null;
  const top = dom.getBoundingClientRect().top;
  return { contentTop: content.top - top, contentBottom: content.bottom - top };
}
