import { diffArrays } from 'diff';
import type { TextChange } from './TemplateDiff.ts';
import { tokenize } from './tokenize.ts';

/**
 * The inline diff of two texts: word-level for Latin scripts, character-level for Chinese (see {@link tokenize}),
 * computed by jsdiff; lone one-token islands kept between a deletion and an insertion are folded into them so rewrites read as
 * one replacement rather than confetti.
 */
export function diffText(oldText: string, newText: string): TextChange[] {
  if (oldText === newText) return oldText ? [{ op: 'equal', text: oldText }] : [];
  // A bound on the edit script keeps a wholesale rewrite of a long clause cheap: it becomes one replacement.
  const parts = diffArrays(tokenize(oldText), tokenize(newText), { maxEditLength: MAX_EDIT });
  if (!parts) return [...(oldText ? [del(oldText)] : []), ...(newText ? [ins(newText)] : [])];
  const runs: TextChange[] = parts.map((p) => ({
    op: p.added ? 'insert' : p.removed ? 'delete' : 'equal',
    text: p.value.join(''),
  }));
  return tidy(runs);
}

/** Edits (tokens inserted + deleted) beyond which a text diff is given up for a whole replacement. */
const MAX_EDIT = 400;

const del = (text: string): TextChange => ({ op: 'delete', text });
const ins = (text: string): TextChange => ({ op: 'insert', text });

function isIsland(run: TextChange, tokens: number): boolean {
  return run.op === 'equal' && tokens <= 1 && !run.text.startsWith('{{') && !run.text.startsWith('[[#');
}

// Folds one-token equal runs lying between changes into the surrounding delete and insert, then merges neighbours.
function tidy(runs: TextChange[]): TextChange[] {
  const out: TextChange[] = [];
  for (let i = 0; i < runs.length; i++) {
    const run = runs[i] as TextChange;
    const before = runs[i - 1];
    const after = runs[i + 1];
    // Only between a deletion and an insertion: an island between two insertions stays a plain insertion.
    if (
      before &&
      after &&
      before.op !== 'equal' &&
      after.op !== 'equal' &&
      before.op !== after.op &&
      isIsland(run, tokenize(run.text).length)
    ) {
      push(out, { op: 'delete', text: run.text });
      push(out, { op: 'insert', text: run.text });
    } else push(out, run);
  }
  // Deletions before insertions within each changed stretch.
  const sorted: TextChange[] = [];
  let del = '';
  let ins = '';
  const flush = () => {
    if (del) sorted.push({ op: 'delete', text: del });
    if (ins) sorted.push({ op: 'insert', text: ins });
    del = '';
    ins = '';
  };
  for (const run of out) {
    if (run.op === 'delete') del += run.text;
    else if (run.op === 'insert') ins += run.text;
    else {
      flush();
      sorted.push(run);
    }
  }
  flush();
  return sorted;
}

function push(out: TextChange[], run: TextChange): void {
  if (!run.text) return;
  const last = out[out.length - 1];
  if (last && last.op === run.op) last.text += run.text;
  else out.push({ ...run });
}
