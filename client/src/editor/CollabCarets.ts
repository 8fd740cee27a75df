import { Extension } from '@tiptap/core';
import { yCursorPlugin } from 'y-prosemirror';
import type { Awareness } from 'y-protocols/awareness';

export interface CollabCaretsOptions {
  /** The provider's awareness; each client's `user: { name, color }` is drawn on its caret. */
  awareness: Awareness | null;
}

/** A caret with a name flag, in y-prosemirror's markup (`.ProseMirror-yjs-cursor`) so tests and styles can find it. */
function caret(user: { name?: unknown; color?: unknown }): HTMLElement {
  const name = typeof user.name === 'string' && user.name ? user.name : '?';
  const color = typeof user.color === 'string' ? user.color : '#888888';
  const el = document.createElement('span');
  el.className = 'ProseMirror-yjs-cursor';
  el.style.borderColor = color;
  el.setAttribute('data-name', name);
  el.setAttribute('aria-hidden', 'true');
  const flag = document.createElement('span');
  flag.className = 'cw-caret-flag';
  flag.style.backgroundColor = color;
  flag.textContent = name;
  // Word joiners keep the caret from becoming a line-break opportunity, as in y-prosemirror's own caret.
  el.append('\u2060', flag, '\u2060');
  return el;
}

/** Other people's carets and selections, each with their name and colour (y-prosemirror's cursor plugin). */
export const CollabCarets = Extension.create<CollabCaretsOptions>({
  name: 'collabCarets',

  addOptions() {
    return { awareness: null };
  },

  addProseMirrorPlugins() {
    const { awareness } = this.options;
    if (!awareness) return [];
    return [
      yCursorPlugin(awareness, {
        cursorBuilder: caret,
        selectionBuilder: (user: { color?: unknown }) => ({
          class: 'ProseMirror-yjs-selection',
          style: `background-color: ${typeof user.color === 'string' ? user.color : '#888888'}33`,
        }),
      }),
    ];
  },
});
