import { Extension } from '@tiptap/core';
import type { Plugin, PluginView } from '@tiptap/pm/state';
import type { EditorView } from '@tiptap/pm/view';
import { yCursorPlugin } from 'y-prosemirror';
import type { Awareness } from 'y-protocols/awareness';

export interface CollabCaretsOptions {
  /** The provider's awareness; each client's `user: { name, color }` is drawn on its caret. */
  awareness: Awareness | null;
}

// The flag's look lives in the caret's shadow root, where the page's stylesheet does not reach.
const FLAG_STYLE =
  'position:absolute;left:-1px;bottom:100%;padding:1px 5px;border-radius:3px 3px 3px 0;color:#fff;' +
  'font:600 11px/1.3 system-ui,-apple-system,"Segoe UI","PingFang SC","Microsoft YaHei",sans-serif;' +
  'white-space:nowrap;text-indent:0;user-select:none;pointer-events:none;';

/**
 * A caret with a name flag, in y-prosemirror's markup (`.ProseMirror-yjs-cursor`). Its content sits in a shadow
 * root so that the clause's text (`textContent`, what tests and assistive reads see) never includes other people's
 * names; the name is also on `data-name`.
 */
function caret(user: { name?: unknown; color?: unknown }): HTMLElement {
  const name = typeof user.name === 'string' && user.name ? user.name : '?';
  const color = typeof user.color === 'string' ? user.color : '#888888';
  const el = document.createElement('span');
  el.className = 'ProseMirror-yjs-cursor';
  el.style.borderColor = color;
  el.setAttribute('data-name', name);
  el.setAttribute('aria-hidden', 'true');
  const shadow = el.attachShadow({ mode: 'open' });
  const flag = document.createElement('span');
  flag.setAttribute('style', `${FLAG_STYLE}background-color:${color};`);
  flag.textContent = name;
  // Word joiners keep the caret from becoming a line-break opportunity, as in y-prosemirror's own caret.
  shadow.append('\u2060', flag, '\u2060');
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
    const plugin = yCursorPlugin(awareness, {
      cursorBuilder: caret,
      selectionBuilder: (user: { color?: unknown }) => ({
        class: 'ProseMirror-yjs-selection',
        style: `background-color: ${typeof user.color === 'string' ? user.color : '#888888'}33`,
      }),
    });
    deferViewUpdates(plugin);
    return [plugin];
  },
});

/**
 * Runs a plugin view's `update` in a task after the transaction instead of inside it. The cursor plugin's update
 * turns the selection into Yjs relative positions (a walk over the body) and publishes them through awareness;
 * done inside every keystroke that is a millisecond or more of the keystroke's budget. Its update reads
 * `view.state` when it runs, so a burst of keystrokes publishes the caret once.
 */
function deferViewUpdates(plugin: Plugin): void {
  const spec = plugin.spec as { view?: (view: EditorView) => PluginView };
  const makeView = spec.view;
  if (!makeView) return;
  spec.view = (view) => {
    const inner = makeView(view);
    let timer: ReturnType<typeof setTimeout> | undefined;
    return {
      update: (v, prevState) => {
        if (timer !== undefined) return;
        timer = setTimeout(() => {
          timer = undefined;
          if (!v.isDestroyed) inner.update?.(v, prevState);
        }, 0);
      },
      destroy: () => {
        clearTimeout(timer);
        inner.destroy?.();
      },
    };
  };
}
