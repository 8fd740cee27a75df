import type { FieldDef } from '@clausewright/model';
import type { Editor } from '@tiptap/core';
import { useCallback, useMemo, useState, useSyncExternalStore } from 'react';
import type * as Y from 'yjs';
import { clauseLabelsFromDom } from '../refs/clauseLabelsFromDom.ts';
import { useUi } from '../state/uiStore.ts';
import { deleteFieldIfUnused } from './deleteFieldIfUnused.ts';
import { describeUsages } from './describeUsages.ts';
import { fieldDefsSource } from './FieldDefsSource.ts';
import { FieldRow } from './FieldRow.tsx';
import { fieldsMapOf } from './fieldsMapOf.ts';
import { issuesByField } from './issuesByField.ts';
import { NewFieldForm } from './NewFieldForm.tsx';
import { uiText } from './uiText.ts';
import './fields.css';

interface FieldsPanelProps {
  editor: Editor;
  /** The template's `fields` map; by default the one of the Y.Doc the editor is bound to. */
  fields?: Y.Map<unknown>;
}

/**
 * The side panel listing the template's fields live from the `fields` map: add, rename, change type, required and
 * options, validated by the model; a field still used in the body (chips or clause conditions) is not deleted, the
 * panel lists where it is used instead. Renders on field changes only, never per editor transaction.
 */
export function FieldsPanel({ editor, fields }: FieldsPanelProps) {
  const lang = useUi((s) => s.lang);
  const text = uiText(lang);
  const map = useMemo(() => fields ?? fieldsMapOf(editor.state), [fields, editor]);
  const source = useMemo(() => (map ? fieldDefsSource(map) : null), [map]);
  const subscribe = useCallback((listener: () => void) => source?.subscribe(listener) ?? (() => {}), [source]);
  const defs = useSyncExternalStore(subscribe, () => source?.snapshot() ?? EMPTY);
  // biome-ignore lint/correctness/useExhaustiveDependencies: a new snapshot means the map changed
  const issues = useMemo(() => (map ? issuesByField(map.toJSON()) : new Map<string, string[]>()), [map, defs]);
  const [adding, setAdding] = useState(false);
  const [inUse, setInUse] = useState<{ key: string; where: string[] } | null>(null);

  if (!map) return null;

  const remove = (key: string) => {
    const result = deleteFieldIfUnused(map, editor.state.doc, key);
    setInUse(
      result.deleted
        ? null
        : {
            key,
            where: describeUsages(result.usages, clauseLabelsFromDom(editor.view.dom), {
              outside: text.preamble,
              condition: text.condition,
            }),
          },
    );
  };

  return (
    <section className="cw-fields-panel" data-testid="fields-panel" aria-label={text.fields}>
      <h2>{text.fields}</h2>
      {defs.size === 0 && <p className="muted">{text.noFields}</p>}
      <ul className="cw-field-list">
        {[...defs].map(([key, def]) => (
          <FieldRow
            key={key}
            fieldKey={key}
            def={def}
            storedIssues={issues.get(key)}
            inUse={inUse?.key === key ? inUse.where : null}
            text={text}
            onCommit={(next) => map.set(key, next)}
            onDelete={() => remove(key)}
          />
        ))}
      </ul>
      {adding ? (
        <NewFieldForm
          existing={new Set(defs.keys())}
          text={text}
          onCreate={(key, def) => {
            map.set(key, def);
            setAdding(false);
          }}
          onCancel={() => setAdding(false)}
        />
      ) : (
        <button type="button" data-testid="add-field" onClick={() => setAdding(true)}>
          {text.addField}
        </button>
      )}
    </section>
  );
}

const EMPTY: ReadonlyMap<string, FieldDef> = new Map();
