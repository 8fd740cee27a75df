import type { ClauseNumber, NumberingScheme } from '@clausewright/model';
import { Extension } from '@tiptap/core';
import type { Node } from '@tiptap/pm/model';
import { type EditorState, Plugin, PluginKey, type Transaction } from '@tiptap/pm/state';
import { type BlockChange, changedBlocks } from './changedBlocks.ts';
import { LabelDecorations } from './LabelDecorations.ts';
import { numberDocClauses } from './numberDocClauses.ts';

/** What {@link ClauseLabels} keeps: the labels, a version that changes exactly when they do, the decorations. */
export interface ClauseLabelsState {
  /** Clause id → its number, for every top-level clause (conditions ignored). */
  labels: ReadonlyMap<string, ClauseNumber>;
  /** Starts at 0 and grows by one whenever `labels` is replaced; typing never changes it. */
  version: number;
  /** The label decorations; `find()` lists them. */
  decorations: LabelDecorations;
}

export interface ClauseLabelsOptions {
  /**
   * The template's numbering scheme, read whenever labels are recomputed (e.g. from the Y.Doc's meta map). After it
   * changes, run the `relabelClauses` command.
   * @default () => 'zh-article'
   */
  getScheme: () => NumberingScheme;
  /** Called after the view updated, only when the labels changed (version grew), and once at start. */
  onChange?: ((labels: ReadonlyMap<string, ClauseNumber>, version: number) => void) | null;
}

declare module '@tiptap/core' {
  interface Commands<ReturnType> {
    clauseLabels: {
      /** Recomputes every label, e.g. after the numbering scheme changed. */
      relabelClauses: () => ReturnType;
    };
  }
}

/** The key of the {@link ClauseLabels} plugin; a transaction with meta `{ relabel: true }` under it relabels. */
export const clauseLabelsKey = new PluginKey<ClauseLabelsState>('clauseLabels');

/** The label state of an editor state, or undefined when ClauseLabels is not installed. */
export function getClauseLabels(state: EditorState): ClauseLabelsState | undefined {
  return clauseLabelsKey.getState(state);
}

/**
 * Live clause labels (第一条, 1-1, 1.1 …) as node decorations: `data-label` on each clause (plus class
 * `cw-conditional` when it has a condition) and on each clause reference (the target's reference label, or
 * `data-missing`). Incremental: a transaction is reduced to the window of top-level blocks it replaced (from its
 * steps, then by node identity, so a remote change is as cheap as a local one); typing inside a clause only maps the
 * decorations and redraws that block's. Numbering is recomputed only when the window's clause structure (ids,
 * levels, what ends a run of clauses) changed, or on `relabel`.
 */
export const ClauseLabels = Extension.create<ClauseLabelsOptions>({
  name: 'clauseLabels',

  addOptions() {
    return { getScheme: () => 'zh-article', onChange: null };
  },

  addCommands() {
    return {
      relabelClauses:
        () =>
        ({ tr }) => {
          tr.setMeta(clauseLabelsKey, { relabel: true });
          return true;
        },
    };
  },

  addProseMirrorPlugins() {
    return [clauseLabelsPlugin(this.options)];
  },
});

/** The plugin behind {@link ClauseLabels}, for an `EditorState` without Tiptap (benchmarks, the server). */
export function clauseLabelsPlugin({ getScheme, onChange }: ClauseLabelsOptions): Plugin<ClauseLabelsState> {
  return new Plugin<ClauseLabelsState>({
    key: clauseLabelsKey,
    state: {
      init: (_config, state) => fullState(state.doc, numberDocClauses(state.doc, getScheme()), 0),
      apply: (tr, value) => applyLabels(tr, value, getScheme),
    },
    props: {
      decorations: (state) => clauseLabelsKey.getState(state)?.decorations,
    },
    view: (view) => {
      let seen = -1;
      const notify = () => {
        const current = clauseLabelsKey.getState(view.state);
        if (!current || current.version === seen) return;
        seen = current.version;
        onChange?.(current.labels, current.version);
      };
      notify();
      return { update: notify };
    },
  });
}

function applyLabels(tr: Transaction, value: ClauseLabelsState, getScheme: () => NumberingScheme): ClauseLabelsState {
  const meta = tr.getMeta(clauseLabelsKey) as { relabel?: boolean } | undefined;
  const relabel = meta?.relabel === true || tr.getMeta('relabel') === true;
  const change = tr.docChanged ? changedBlocks(tr.before, tr.doc, tr.steps) : null;
  if (!change && !relabel) return value;
  if (relabel || (change && structureChanged(tr.before, tr.doc, change))) {
    const labels = numberDocClauses(tr.doc, getScheme());
    if (!sameLabels(labels, value.labels)) return fullState(tr.doc, labels, value.version + 1);
  }
  if (!change) return value;
  return { ...value, decorations: value.decorations.replace(tr.doc, change, value.labels) };
}

function fullState(doc: Node, labels: ReadonlyMap<string, ClauseNumber>, version: number): ClauseLabelsState {
  return { labels, version, decorations: LabelDecorations.build(doc, labels) };
}

/**
 * Whether the window's blocks differ in what numbering reads: clause ids and levels, and which blocks end a run of
 * clauses (clause paragraphs never do; consecutive other blocks count as one break).
 */
function structureChanged(oldDoc: Node, newDoc: Node, change: BlockChange): boolean {
  const before = structure(oldDoc, change.start, change.oldEnd);
  const after = structure(newDoc, change.start, change.newEnd);
  return before.length !== after.length || before.some((token, i) => token !== after[i]);
}

function structure(doc: Node, start: number, end: number): string[] {
  const tokens: string[] = [];
  for (let i = start; i < end; i++) {
    const node = doc.child(i);
    const name = node.type.name;
    if (name === 'clause') tokens.push(`${String(node.attrs.id)}\u0000${String(node.attrs.level)}`);
    else if (name !== 'clauseParagraph' && tokens[tokens.length - 1] !== '\u0001') tokens.push('\u0001');
  }
  return tokens;
}

function sameLabels(a: ReadonlyMap<string, ClauseNumber>, b: ReadonlyMap<string, ClauseNumber>): boolean {
  if (a.size !== b.size) return false;
  for (const [id, number] of a) {
    const other = b.get(id);
    if (
      !other ||
      other.label !== number.label ||
      other.refLabel !== number.refLabel ||
      other.path.join('.') !== number.path.join('.')
    ) {
      return false;
    }
  }
  return true;
}
