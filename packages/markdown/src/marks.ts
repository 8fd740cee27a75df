import { MARKS, type Mark } from '@clausewright/model';

/** Marks as bits, in the model's canonical order: bold, italic, strike. */
export const BOLD = 1;
export const ITALIC = 2;
export const STRIKE = 4;

const BITS: Readonly<Record<Mark, number>> = { bold: BOLD, italic: ITALIC, strike: STRIKE };

/** The bit set of a mark list. */
export function markBits(marks: readonly Mark[] | undefined): number {
  let bits = 0;
  for (const mark of marks ?? []) bits |= BITS[mark];
  return bits;
}

/** The mark list of a bit set, in canonical order. */
export function markNames(bits: number): Mark[] {
  return MARKS.filter((_, i) => bits & (1 << i));
}
