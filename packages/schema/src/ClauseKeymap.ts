import { type CommandProps, Extension } from '@tiptap/core';
import type { Node, ResolvedPos } from '@tiptap/pm/model';
import { clampLevel } from './Clause.ts';
import { newClauseId } from './newClauseId.ts';
import { shiftClauseLevels } from './shiftClauseLevels.ts';

/** A clause condition as the `clause` node stores it: `key` or `key=value`; at most one of the two is set. */
export interface ClauseCondition {
  if?: string | null;
  unless?: string | null;
}

declare module '@tiptap/core' {
  interface Commands<ReturnType> {
    clauseKeymap: {
      /**
       * Enter in a clause: splits it into a new clause at the same level with a new id (the first part keeps the
       * id, so references stay); at the start of a non-empty clause inserts an empty clause before it; in an empty
       * clause below level 1 promotes it instead, as Word does.
       */
      splitClause: () => ReturnType;
      /** Tab: demotes every clause the selection touches by one level (never more than one below the clause before). */
      indentClause: () => ReturnType;
      /** Shift-Tab: promotes every clause the selection touches by one level (not above 1). */
      outdentClause: () => ReturnType;
      /** Sets or clears the condition of the clause at `target` (a position or a clause id). */
      setClauseCondition: (target: number | string, condition: ClauseCondition) => ReturnType;
    };
  }
}

/**
 * Word-like editing of flat clauses: Enter, Tab / Shift-Tab, Backspace at the start of a clause, and the commands
 * behind them. Shift-Enter (hard break) comes from HardBreak; in a table Tab is left to the table.
 */
export const ClauseKeymap = Extension.create({
  name: 'clauseKeymap',
  // Ahead of the core keymap (Enter = splitBlock, Backspace = joinBackward), which would copy or drop ids.
  priority: 200,

  addCommands() {
    return {
      splitClause:
        () =>
        ({ tr, dispatch }) => {
          if (!clauseAt(tr.selection.$from) || !tr.selection.$from.sameParent(tr.selection.$to)) return false;
          if (!dispatch) return true;
          if (!tr.selection.empty) tr.deleteSelection();
          const { $from } = tr.selection;
          const clause = $from.parent;
          const level = clampLevel(clause.attrs.level);
          if (clause.content.size === 0 && level > 1) {
            tr.setNodeMarkup($from.before(), undefined, { ...clause.attrs, level: level - 1 });
            return true;
          }
          // A new clause takes the level only: its id is new and a condition stays with the clause it was set on.
          const attrs = { id: newClauseId(), level, if: null, unless: null };
          if ($from.parentOffset === 0 && clause.content.size > 0) {
            tr.insert($from.before(), clause.type.create(attrs));
            return true;
          }
          const marks = tr.storedMarks ?? ($from.parentOffset > 0 ? $from.marks() : null);
          tr.split($from.pos, 1, [{ type: clause.type, attrs }]);
          if (marks) tr.ensureMarks(marks);
          tr.scrollIntoView();
          return true;
        },
      indentClause: () => (props) => shiftSelection(props, 1),
      outdentClause: () => (props) => shiftSelection(props, -1),
      setClauseCondition:
        (target, condition) =>
        ({ tr, dispatch }) => {
          const pos = typeof target === 'number' ? target : findClause(tr.doc, target);
          const node = pos === null ? null : tr.doc.nodeAt(pos);
          if (pos === null || !node || node.type.name !== 'clause') return false;
          const ifValue = condition.if || null;
          const unlessValue = ifValue ? null : condition.unless || null;
          if (dispatch) tr.setNodeMarkup(pos, undefined, { ...node.attrs, if: ifValue, unless: unlessValue });
          return true;
        },
    };
  },

  addKeyboardShortcuts() {
    return {
      Enter: () => this.editor.commands.splitClause(),
      Tab: () => this.editor.commands.indentClause(),
      'Shift-Tab': () => this.editor.commands.outdentClause(),
      Backspace: () => this.editor.commands.command(backspaceAtClauseStart),
    };
  },
});

function shiftSelection({ tr, state, dispatch }: CommandProps, delta: 1 | -1): boolean {
  const { $from, $to, from, to } = tr.selection;
  if (inTable($from) || inTable($to)) return false;
  // A dry run (`editor.can()`) works on a throw-away transaction.
  return shiftClauseLevels(dispatch ? tr : state.tr, from, to, delta);
}

/** Backspace with the caret at the start of a clause: promote an empty indented clause, else join backwards. */
function backspaceAtClauseStart(props: CommandProps): boolean {
  const { tr, dispatch, commands } = props;
  const { selection } = tr;
  const clause = clauseAt(selection.$from);
  if (!selection.empty || !clause || selection.$from.parentOffset !== 0) return false;
  const $from = selection.$from;
  const level = clampLevel(clause.attrs.level);
  if (clause.content.size === 0 && level > 1) {
    if (dispatch) tr.setNodeMarkup($from.before(), undefined, { ...clause.attrs, level: level - 1 });
    return true;
  }
  // The first block has nothing to join with; say handled, or the core keymap turns the clause into a paragraph.
  if ($from.index($from.depth - 1) === 0) return true;
  // ProseMirror's join keeps the earlier node and its attributes, so the merged clause keeps the previous id.
  return commands.joinBackward();
}

function clauseAt($pos: ResolvedPos): Node | null {
  return $pos.parent.type.name === 'clause' ? $pos.parent : null;
}

function inTable($pos: ResolvedPos): boolean {
  for (let d = $pos.depth; d > 0; d--) {
    const role = $pos.node(d).type.spec.tableRole;
    if (role === 'cell' || role === 'header_cell') return true;
  }
  return false;
}

function findClause(doc: Node, id: string): number | null {
  let found: number | null = null;
  doc.descendants((node, pos) => {
    if (found !== null) return false;
    if (node.type.name === 'clause' && node.attrs.id === id) found = pos;
    return node.type.name !== 'clause' && !node.isTextblock;
  });
  return found;
}
