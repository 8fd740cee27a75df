import { cnLower } from '@clausewright/format';
import type { CounterFormat } from './numberingSchemes.ts';

const ROMAN: readonly [number, string][] = [
  [1000, 'm'],
  [900, 'cm'],
  [500, 'd'],
  [400, 'cd'],
  [100, 'c'],
  [90, 'xc'],
  [50, 'l'],
  [40, 'xl'],
  [10, 'x'],
  [9, 'ix'],
  [5, 'v'],
  [4, 'iv'],
  [1, 'i'],
];

/** Prints counter `n` (1-based) the way Word prints the same `w:numFmt`. */
export function formatCounter(n: number, format: CounterFormat): string {
  switch (format) {
    case 'decimal':
      return String(n);
    case 'chineseCounting':
      return cnLower(n);
    case 'lowerLetter':
      return letter(n);
    case 'upperLetter':
      return letter(n).toUpperCase();
    case 'lowerRoman':
      return roman(n);
    case 'upperRoman':
      return roman(n).toUpperCase();
  }
}

// Word continues a, …, z with aa, bb, …: the letter repeats once per pass through the alphabet.
function letter(n: number): string {
  const ch = String.fromCharCode(97 + ((n - 1) % 26));
  return ch.repeat(Math.floor((n - 1) / 26) + 1);
}

function roman(n: number): string {
  let out = '';
  let rest = n;
  for (const [value, digits] of ROMAN) {
    while (rest >= value) {
      out += digits;
      rest -= value;
    }
  }
  return out;
}
