import { Extension } from '@tiptap/core';
import { PluginKey } from '@tiptap/pm/state';
import { Suggestion } from '@tiptap/suggestion';
import { ySyncPluginKey } from 'y-prosemirror';
import { SuggestionList } from '../fields/SuggestionList.ts';
import { clauseLabelsFromDom } from './clauseLabelsFromDom.ts';
import { type ClauseEntry, listClauses } from './listClauses.ts';
import { matchClauses } from './matchClauses.ts';

declare module '@tiptap/core' {
  interface Commands<ReturnType> {
    clauseRefSuggestion: {
      /** Opens the clause reference picker at the cursor (what typing `[[` does), for toolbars and menus. */
      openClauseRefPicker: () => ReturnType;
      /** Inserts a reference to clause `target` at the cursor. */
      insertClauseRef: (target: string) => ReturnType;
    };
  }
}

/** The key of the `[[` typeahead's plugin. */
export const clauseRefSuggestionKey = new PluginKey('clauseRefSuggestion');

/**
 * Typing `[[` opens a typeahead of the body's clauses by live label and first words; picking one inserts a
 * `clauseRef` chip. Labels are read from the editor's rendered clauses, so they are the ones the author sees.
 */
export const ClauseRefSuggestion = Extension.create({
  name: 'clauseRefSuggestion',
  // Ahead of the clause keymap (priority 200): Enter and Tab pick a row while the popup is open.
  priority: 500,

  addCommands() {
    return {
      openClauseRefPicker:
        () =>
        ({ commands }) =>
          commands.insertContent('[['),
      insertClauseRef:
        (target) =>
        ({ commands }) =>
          commands.insertContent([{ type: 'clauseRef', attrs: { target } }]),
    };
  },

  addProseMirrorPlugins() {
    const editor = this.editor;
    return [
      Suggestion<ClauseEntry, ClauseEntry>({
        editor,
        pluginKey: clauseRefSuggestionKey,
        char: '[[',
        allowedPrefixes: null,
        shouldShow: ({ transaction }) => !transaction.getMeta(ySyncPluginKey)?.isChangeOrigin,
        items: ({ query, editor }) => {
          const typing = clauseRefSuggestionKey.getState(editor.state)?.range;
          return matchClauses(listClauses(editor.state.doc, clauseLabelsFromDom(editor.view.dom), typing), query);
        },
        command: ({ editor, range, props }) => {
          editor
            .chain()
            .focus()
            .insertContentAt(range, [{ type: 'clauseRef', attrs: { target: props.id } }])
            .run();
        },
        render: () => {
          let pick: ((item: ClauseEntry) => void) | null = null;
          let unmount: (() => void) | null = null;
          const list = new SuggestionList<ClauseEntry>(clauseRow, (item) => pick?.(item));
          return {
            onStart: (props) => {
              pick = props.command;
              // Rows arrive in the next update (items are fetched asynchronously); no "no match" flash meanwhile.
              if (!props.loading) list.setItems(props.items);
              unmount = props.mount(list.element);
            },
            onUpdate: (props) => {
              pick = props.command;
              if (!props.loading) list.setItems(props.items);
            },
            onKeyDown: ({ event }) => list.onKeyDown(event),
            onExit: () => {
              unmount?.();
              unmount = null;
              pick = null;
            },
          };
        },
      }),
    ];
  },
});

function clauseRow(clause: ClauseEntry): HTMLElement {
  const row = document.createElement('div');
  row.dataset.id = clause.id;
  row.style.paddingInlineStart = `${(clause.level - 1) * 0.75 + 0.5}em`;
  const label = document.createElement('span');
  label.className = 'cw-suggestion-label';
  label.textContent = clause.label || clause.id;
  const text = document.createElement('span');
  text.className = 'cw-suggestion-text';
  text.textContent = clause.text;
  row.append(label, ' ', text);
  return row;
}
