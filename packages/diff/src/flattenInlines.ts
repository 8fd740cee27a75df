import type { Inline } from '@clausewright/model';

/**
 * Inline content as one string: fields as `{{key}}` / `{{key|filter}}`, references as `[[#id]]`, breaks as `\n`.
 * With `marks`, each marked run is wrapped in control characters naming its marks, so formatting changes compare unequal.
 */
export function flattenInlines(content: readonly Inline[], marks = false): string {
  let s = '';
  for (const inline of content) {
    let piece: string;
    if (inline.type === 'text') piece = inline.text;
    else if (inline.type === 'field')
      piece = inline.filter ? `{{${inline.key}|${inline.filter}}}` : `{{${inline.key}}}`;
    else if (inline.type === 'ref') piece = `[[#${inline.target}]]`;
    else piece = '\n';
    if (marks && inline.type !== 'break' && inline.marks && inline.marks.length > 0) {
      piece = `\u0001${inline.marks.join(',')}\u0002${piece}\u0003`;
    }
    s += piece;
  }
  return s;
}

/** Whether any run carries a mark: only then is the marked form worth building. */
export function hasMarks(content: readonly Inline[]): boolean {
  for (const inline of content) if (inline.type !== 'break' && inline.marks && inline.marks.length > 0) return true;
  return false;
}
