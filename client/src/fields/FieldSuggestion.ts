import { FIELD_KEY } from '@clausewright/model';
import { Extension } from '@tiptap/core';
import { PluginKey } from '@tiptap/pm/state';
import { Suggestion, type SuggestionProps } from '@tiptap/suggestion';
import { ySyncPluginKey } from 'y-prosemirror';
import type * as Y from 'yjs';
import { fieldDefsSource } from './FieldDefsSource.ts';
import { fieldsMapOf } from './fieldsMapOf.ts';
import { type FieldSuggestionItem, matchFields } from './matchFields.ts';
import { newFieldForm } from './newFieldForm.ts';
import { SuggestionList } from './SuggestionList.ts';
import { uiText } from './uiText.ts';

export interface FieldSuggestionOptions {
  /** The template's `fields` map; by default the one of the Y.Doc the editor is bound to. */
  fields: Y.Map<unknown> | null;
}

/** What the typeahead inserts: a `field` atom for this key. */
interface FieldPick {
  key: string;
}

/** The key of the `{{` typeahead's plugin. */
export const fieldSuggestionKey = new PluginKey('fieldSuggestion');

/**
 * Typing `{{` opens a typeahead of the template's fields (label, key, type), narrowed as you type; picking one
 * inserts a field chip. Its last row, "New field…", opens a small form that adds the field to the `fields` map and
 * inserts it.
 */
export const FieldSuggestion = Extension.create<FieldSuggestionOptions>({
  name: 'fieldSuggestion',
  // Ahead of the clause keymap (priority 200): Enter and Tab pick a row while the popup is open.
  priority: 500,

  addOptions() {
    return { fields: null };
  },

  addProseMirrorPlugins() {
    const editor = this.editor;
    const mapOf = () => this.options.fields ?? fieldsMapOf(editor.state);
    return [
      Suggestion<FieldSuggestionItem, FieldPick>({
        editor,
        pluginKey: fieldSuggestionKey,
        char: '{{',
        // Chinese text has no space before a placeholder.
        allowedPrefixes: null,
        // A remote edit must never open my popup.
        shouldShow: ({ transaction }) => !transaction.getMeta(ySyncPluginKey)?.isChangeOrigin,
        items: ({ query }) => {
          const map = mapOf();
          return matchFields(map ? fieldDefsSource(map).snapshot() : [], query);
        },
        command: ({ editor, range, props }) => {
          editor
            .chain()
            .focus()
            .insertContentAt(range, [{ type: 'field', attrs: { key: props.key, filter: null } }])
            .run();
        },
        render: () => {
          let props: SuggestionProps<FieldSuggestionItem, FieldPick> | null = null;
          let unmount: (() => void) | null = null;
          let form = false;
          const list = new SuggestionList<FieldSuggestionItem>(fieldRow, (item) => {
            if (!props) return;
            if (item.kind === 'field') {
              props.command({ key: item.key });
              return;
            }
            const map = mapOf();
            if (!map) return;
            form = true;
            const typed = item.query;
            list.showContent(
              newFieldForm(
                FIELD_KEY.test(typed) ? { key: typed, label: '' } : { key: '', label: typed },
                () => new Set(map.keys()),
                (key, def) => {
                  map.set(key, def);
                  props?.command({ key });
                },
                () => {
                  form = false;
                  props?.editor.commands.focus();
                  if (props) list.setItems(props.items);
                },
              ),
            );
          });
          return {
            onStart: (p) => {
              props = p;
              form = false;
              // Rows arrive in the next update (items are fetched asynchronously); no "no match" flash meanwhile.
              if (!p.loading) list.setItems(p.items);
              unmount = p.mount(list.element);
            },
            onUpdate: (p) => {
              props = p;
              if (!form && !p.loading) list.setItems(p.items);
            },
            onKeyDown: ({ event }) => (form ? false : list.onKeyDown(event)),
            onExit: () => {
              unmount?.();
              unmount = null;
              props = null;
              form = false;
            },
          };
        },
      }),
    ];
  },
});

function fieldRow(item: FieldSuggestionItem): HTMLElement {
  const text = uiText();
  const row = document.createElement('div');
  if (item.kind === 'new') {
    row.dataset.kind = 'new';
    row.textContent = text.newField;
    return row;
  }
  row.dataset.key = item.key;
  const label = document.createElement('span');
  label.className = 'cw-suggestion-label';
  label.textContent = item.label;
  const key = document.createElement('code');
  key.className = 'cw-suggestion-key';
  key.textContent = item.key;
  const type = document.createElement('span');
  type.className = 'cw-suggestion-type';
  type.textContent = text.types[item.type];
  row.append(label, ' ', key, ' ', type);
  return row;
}
