import { labelState, labelsOf, remoteAppend } from '../packages/schema/test/labelState.ts';
import { thousandClauseDoc } from '../packages/schema/test/thousandClauseDoc.ts';
import type { Bench } from './harness.ts';

/**
 * labels.keystroke.1000: one typed character in a 1,000-clause EditorState with ClauseLabels (Node, no view);
 * labels.remote.1000: the same arriving from y-prosemirror; labels.split.1000: an Enter in the middle (renumbers).
 */
export default async function labelsBench(bench: Bench): Promise<void> {
  let state = labelState(thousandClauseDoc());
  if (labelsOf(state).labels.size !== 1000) throw new Error('expected 1,000 labelled clauses');
  // Type into clauses spread over the document, as a user moving around would.
  let i = 0;
  const positions: number[] = [];
  state.doc.forEach((node, pos) => {
    positions.push(pos + 1 + Math.floor(node.content.size / 2));
  });
  await bench.time(
    'labels.keystroke.1000',
    () => {
      const pos = positions[(i++ * 37) % positions.length] ?? 1;
      const before = labelsOf(state).labels;
      state = state.apply(state.tr.insertText('k', pos));
      if (labelsOf(state).labels !== before) throw new Error('a keystroke recomputed the labels');
      // Keep every later caret position pointing into its clause (1,000 integer increments, well under 10 µs).
      for (let k = 0; k < positions.length; k++) if ((positions[k] ?? 0) >= pos) positions[k] = (positions[k] ?? 0) + 1;
    },
    { runs: 1000, warmup: 100, target: 4, targetOn: 'p95' },
  );
  // A remote keystroke as y-prosemirror dispatches it: the whole document replaced, unchanged blocks reused.
  await bench.time(
    'labels.remote.1000',
    () => {
      const before = labelsOf(state).labels;
      state = state.apply(remoteAppend(state, (i++ * 37) % 1000, 'r'));
      if (labelsOf(state).labels !== before) throw new Error('a remote keystroke recomputed the labels');
    },
    { runs: 500, warmup: 50 },
  );
  await bench.time(
    'labels.split.1000',
    () => {
      const at = state.doc.child(500);
      let pos = 0;
      for (let k = 0; k < 500; k++) pos += state.doc.child(k).nodeSize;
      const type = at.type;
      state = state.apply(state.tr.split(pos + 2, 1, [{ type, attrs: { ...at.attrs, id: `s${i++}` } }]));
    },
    { runs: 100, warmup: 10 },
  );
}
