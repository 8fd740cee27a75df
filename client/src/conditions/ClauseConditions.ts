import { changedBlocks } from '@clausewright/schema';
import { Extension } from '@tiptap/core';
import type { Node as PMNode } from '@tiptap/pm/model';
import { type EditorState, Plugin, PluginKey, type Transaction } from '@tiptap/pm/state';
import { Decoration, DecorationSet, type EditorView } from '@tiptap/pm/view';
import type * as Y from 'yjs';
import { type FieldDefsSource, fieldDefsSource } from '../fields/FieldDefsSource.ts';
import { fieldsMapOf } from '../fields/fieldsMapOf.ts';
import { openPopover } from '../fields/openPopover.ts';
import { uiText } from '../fields/uiText.ts';
import { clauseConditionAttrs } from './clauseConditionAttrs.ts';
import { conditionMenu } from './conditionMenu.ts';
import { conditionMenuModel } from './conditionMenuModel.ts';
import { describeCondition } from './describeCondition.ts';
import { readClauseCondition } from './readClauseCondition.ts';
import './conditions.css';

declare module '@tiptap/core' {
  interface Commands<ReturnType> {
    clauseConditions: {
      /** Opens the condition menu of the clause holding the cursor. */
      openConditionMenu: () => ReturnType;
    };
  }
}

export interface ClauseConditionsOptions {
  /** The template's `fields` map; by default the one of the Y.Doc the editor is bound to. */
  fields: Y.Map<unknown> | null;
}

/** The key of the conditions plugin; a transaction with this meta set redraws the tags (field labels changed). */
export const clauseConditionsKey = new PluginKey<ConditionsState>('clauseConditions');

interface ConditionsState {
  decorations: DecorationSet;
}

/**
 * Clause conditions in the editor: each conditional clause gets the class `cw-conditional` and a tag saying its
 * condition ("仅当 付款方式 = 分期"); the clause holding the cursor gets a small button that opens the condition
 * menu (only boolean and choice fields are offered). Clicking a tag opens the menu too.
 */
export const ClauseConditions = Extension.create<ClauseConditionsOptions>({
  name: 'clauseConditions',

  addOptions() {
    return { fields: null };
  },

  addCommands() {
    return {
      openConditionMenu:
        () =>
        ({ state, view }) => {
          const at = clauseAtSelection(state);
          if (!at) return false;
          const dom = view.nodeDOM(at.pos);
          if (!(dom instanceof HTMLElement)) return false;
          openMenu(view, sourceOf(this.options.fields, state), at.id, dom.getBoundingClientRect());
          return true;
        },
    };
  },

  addProseMirrorPlugins() {
    const options = this.options;
    return [
      new Plugin<ConditionsState>({
        key: clauseConditionsKey,
        state: {
          init: (_, state) => ({ decorations: build(state, sourceOf(options.fields, state)) }),
          apply(tr, prev, old, state) {
            if (!tr.docChanged && !tr.selectionSet && !tr.getMeta(clauseConditionsKey)) return prev;
            if (!tr.getMeta(clauseConditionsKey) && onlyTextInSameClause(tr, old, state)) {
              return { decorations: prev.decorations.map(tr.mapping, tr.doc) };
            }
            return { decorations: build(state, sourceOf(options.fields, state)) };
          },
        },
        props: {
          decorations: (state) => clauseConditionsKey.getState(state)?.decorations,
        },
        view(view) {
          const source = sourceOf(options.fields, view.state);
          let destroyed = false;
          // Field labels show in the tags: redraw when a definition changes, after the Yjs transaction has ended.
          const unsubscribe = source?.subscribe(() =>
            queueMicrotask(() => {
              if (!destroyed) view.dispatch(view.state.tr.setMeta(clauseConditionsKey, true));
            }),
          );
          return {
            destroy() {
              destroyed = true;
              unsubscribe?.();
            },
          };
        },
      }),
    ];
  },
});

function sourceOf(fields: Y.Map<unknown> | null, state: EditorState): FieldDefsSource | null {
  const map = fields ?? fieldsMapOf(state);
  return map ? fieldDefsSource(map) : null;
}

// Typing inside a clause (the hot path) changes no condition and keeps the caret's clause: the decorations only
// need mapping, not a walk over every block.
function onlyTextInSameClause(tr: Transaction, old: EditorState, state: EditorState): boolean {
  if (clauseAtSelection(old)?.id !== clauseAtSelection(state)?.id) return false;
  if (!tr.docChanged) return true;
  const change = changedBlocks(tr.before, tr.doc, tr.steps);
  if (!change) return true;
  if (change.oldEnd - change.start !== 1 || change.newEnd - change.start !== 1) return false;
  const before = tr.before.child(change.start);
  const after = tr.doc.child(change.start);
  return (
    before.type === after.type &&
    before.attrs.id === after.attrs.id &&
    before.attrs.if === after.attrs.if &&
    before.attrs.unless === after.attrs.unless
  );
}

function clausePos(doc: PMNode, id: string): number | null {
  let found: number | null = null;
  doc.forEach((block, offset) => {
    if (found === null && block.type.name === 'clause' && block.attrs.id === id) found = offset;
  });
  return found;
}

function clauseAtSelection(state: EditorState): { id: string; pos: number } | null {
  const { $from } = state.selection;
  if ($from.depth < 1) return null;
  const block = $from.node(1);
  if (block.type.name !== 'clause' || typeof block.attrs.id !== 'string') return null;
  return { id: block.attrs.id, pos: $from.before(1) };
}

// One pass over the top-level blocks: cheap next to a keystroke, and only conditional clauses and the cursor's
// clause get decorations, so the set stays tiny.
function build(state: EditorState, source: FieldDefsSource | null): DecorationSet {
  const decorations: Decoration[] = [];
  const current = clauseAtSelection(state);
  state.doc.forEach((block, pos) => {
    if (block.type.name !== 'clause') return;
    const id = typeof block.attrs.id === 'string' ? block.attrs.id : '';
    const condition = readClauseCondition(block.attrs);
    if (condition) {
      const text = describeCondition(condition, source?.get(condition.field)?.label);
      const unknown = source !== null && !source.get(condition.field);
      decorations.push(
        Decoration.node(pos, pos + block.nodeSize, {
          class: 'cw-conditional cw-condition-tagged',
          'data-condition': text,
        }),
        Decoration.widget(pos + 1, (view) => tag(view, source, id, text, unknown), {
          side: -1,
          key: `cond:${id}:${text}:${unknown}`,
          stopEvent: () => true,
          ignoreSelection: true,
        }),
      );
    }
    if (current?.pos === pos && id) {
      decorations.push(
        Decoration.widget(pos + 1, (view) => menuButton(view, source, id), {
          side: -2,
          key: `cond-button:${id}`,
          stopEvent: () => true,
          ignoreSelection: true,
        }),
      );
    }
  });
  return DecorationSet.create(state.doc, decorations);
}

function tag(
  view: EditorView,
  source: FieldDefsSource | null,
  id: string,
  text: string,
  unknown: boolean,
): HTMLElement {
  const el = document.createElement('span');
  el.className = unknown ? 'cw-condition-tag cw-condition-unknown' : 'cw-condition-tag';
  el.contentEditable = 'false';
  el.dataset.testid = 'condition-tag';
  // Shown through CSS so the clause's text content stays the contract text.
  el.dataset.text = text;
  el.title = unknown ? `${text} · ${uiText().unknownField}` : text;
  el.addEventListener('mousedown', (event) => event.preventDefault());
  el.addEventListener('click', () => openMenu(view, source, id, el.getBoundingClientRect()));
  return el;
}

function menuButton(view: EditorView, source: FieldDefsSource | null, id: string): HTMLElement {
  const el = document.createElement('button');
  el.type = 'button';
  el.className = 'cw-condition-button';
  el.contentEditable = 'false';
  el.dataset.testid = 'condition-button';
  el.setAttribute('aria-label', uiText().conditionMenu);
  el.title = uiText().conditionMenu;
  el.addEventListener('mousedown', (event) => event.preventDefault());
  el.addEventListener('click', () => openMenu(view, source, id, el.getBoundingClientRect()));
  return el;
}

function openMenu(view: EditorView, source: FieldDefsSource | null, id: string, anchor: DOMRect): void {
  if (!view.editable) return;
  const pos = clausePos(view.state.doc, id);
  const node = pos === null ? null : view.state.doc.nodeAt(pos);
  if (!node) return;
  const current = readClauseCondition(node.attrs);
  const items = conditionMenuModel(source?.snapshot() ?? [], current);
  const popover = openPopover(
    anchor,
    conditionMenu(items, current, (condition) => {
      popover.close();
      // Looked up again: the clause may have moved while the menu was open.
      const at = clausePos(view.state.doc, id);
      const clause = at === null ? null : view.state.doc.nodeAt(at);
      if (at === null || !clause) return;
      view.dispatch(
        view.state.tr.setNodeMarkup(at, undefined, { ...clause.attrs, ...clauseConditionAttrs(condition) }),
      );
      view.focus();
    }),
  );
}
