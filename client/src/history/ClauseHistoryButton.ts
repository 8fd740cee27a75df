import { Extension } from '@tiptap/core';
import type { EditorState } from '@tiptap/pm/state';
import { Plugin, PluginKey } from '@tiptap/pm/state';
import { Decoration, DecorationSet } from '@tiptap/pm/view';
import { createElement } from 'react';
import { createRoot } from 'react-dom/client';
import { type OpenPopover, openPopover } from '../fields/openPopover.ts';
import { translate } from '../i18n/translate.ts';
import { uiStore } from '../state/uiStore.ts';
import { ClauseHistoryPopover } from './ClauseHistoryPopover.tsx';
import './history.css';

export interface ClauseHistoryButtonOptions {
  /** The template the editor shows: the history is asked of the server by template and clause id. */
  templateId: string;
}

interface ButtonState {
  clauseId: string | null;
  decorations: DecorationSet;
}

const key = new PluginKey<ButtonState>('clauseHistoryButton');

/**
 * A small "history" button beside the clause holding the cursor (in the right margin, next to the condition menu's
 * button), opening a popover with the clause's changes across versions, who edited it since the latest one, links
 * to the diffs and "restore from version N".
 */
export const ClauseHistoryButton = Extension.create<ClauseHistoryButtonOptions>({
  name: 'clauseHistoryButton',

  addOptions() {
    return { templateId: '' };
  },

  addProseMirrorPlugins() {
    const templateId = this.options.templateId;
    // The popover this editor opened, closed with the editor so none outlives the page.
    const opened: { popover: OpenPopover | null } = { popover: null };
    const build = (state: EditorState): ButtonState => {
      const at = clauseAtSelection(state);
      if (!at || !templateId) return { clauseId: null, decorations: DecorationSet.empty };
      const widget = Decoration.widget(at.pos + 1, () => button(templateId, at.id, opened), {
        side: -3,
        key: `history-button:${at.id}`,
        stopEvent: () => true,
        ignoreSelection: true,
      });
      return { clauseId: at.id, decorations: DecorationSet.create(state.doc, [widget]) };
    };
    return [
      new Plugin<ButtonState>({
        key,
        state: {
          init: (_, state) => build(state),
          // Typing keeps the caret in its clause: the one widget is mapped, not rebuilt.
          apply(tr, prev, _old, state) {
            if (!tr.docChanged && !tr.selectionSet) return prev;
            const at = clauseAtSelection(state);
            if (at?.id === prev.clauseId && at) {
              const mapped = prev.decorations.map(tr.mapping, tr.doc);
              if (mapped.find(at.pos + 1, at.pos + 1).length === 1) return { clauseId: at.id, decorations: mapped };
            }
            return build(state);
          },
        },
        props: { decorations: (state) => key.getState(state)?.decorations },
        view: () => ({ destroy: () => opened.popover?.close() }),
      }),
    ];
  },
});

function clauseAtSelection(state: EditorState): { id: string; pos: number } | null {
  const { $from } = state.selection;
  if ($from.depth < 1) return null;
  const block = $from.node(1);
  if (block.type.name !== 'clause' || typeof block.attrs.id !== 'string' || !block.attrs.id) return null;
  return { id: block.attrs.id, pos: $from.before(1) };
}

function button(templateId: string, clauseId: string, opened: { popover: OpenPopover | null }): HTMLElement {
  const el = document.createElement('button');
  el.type = 'button';
  el.className = 'cw-history-button';
  el.contentEditable = 'false';
  el.dataset.testid = 'clause-history-button';
  const title = translate(uiStore.getState().lang, 'history.clauseHistoryTitle');
  el.setAttribute('aria-label', title);
  el.title = title;
  el.addEventListener('mousedown', (event) => event.preventDefault());
  el.addEventListener('click', () => {
    // The label is the live one the labels plugin put on the clause's paragraph.
    const label = el.closest('p[data-type=clause]')?.getAttribute('data-label') ?? '';
    const clause = el.closest('p[data-type=clause]');
    // A read-only editor (a viewer's) offers the history but not restoring from it.
    const canRestore = el.closest('[contenteditable=false].ProseMirror') === null;
    opened.popover = open(
      el.getBoundingClientRect(),
      clause?.getBoundingClientRect().top,
      templateId,
      clauseId,
      label,
      canRestore,
    );
  });
  return el;
}

/** Opens the popover under the button, or above the clause (`clauseTop`) when there is no room below. */
function open(
  anchor: DOMRect,
  clauseTop: number | undefined,
  templateId: string,
  clauseId: string,
  label: string,
  canRestore: boolean,
): OpenPopover {
  const host = document.createElement('div');
  const root = createRoot(host);
  const popover = openPopover(anchor, host, () => {
    // Unmounted after the event that closed it, which may be a click inside this very root.
    setTimeout(() => root.unmount());
  });
  popover.element.classList.add('cw-clause-history-popover');
  // The button sits in the right margin: keep the (fixed-width) popover inside the window, and open it upwards
  // from the button when the room below could not hold it at its tallest.
  const style = popover.element.style;
  const overflow = anchor.left + popover.element.offsetWidth + 8 - window.innerWidth;
  if (overflow > 0) style.left = `${Math.max(4, anchor.left - overflow)}px`;
  const tallest = Number.parseFloat(getComputedStyle(popover.element).maxHeight) || 0;
  const top = Math.min(anchor.top, clauseTop ?? anchor.top);
  if (anchor.bottom + 4 + tallest > window.innerHeight && top > window.innerHeight / 2) {
    style.top = 'auto';
    style.bottom = `${window.innerHeight - top + 4}px`;
  }
  root.render(
    createElement(ClauseHistoryPopover, { templateId, clauseId, label, canRestore, onNavigate: () => popover.close() }),
  );
  return popover;
}
