import type { NumberingScheme } from './Template.ts';

/** How one counter prints; the names are Word's `w:numFmt` values so the docx renderer maps them 1:1. */
export type CounterFormat = 'decimal' | 'chineseCounting' | 'lowerLetter' | 'upperLetter' | 'lowerRoman' | 'upperRoman';

/** One level of a numbering scheme, in Word's terms so that Word's live numbering prints what we print. */
export interface NumberingLevel {
  format: CounterFormat;
  /** Label pattern; `%k` is level k's counter (Word's `w:lvlText`). */
  text: string;
  /** Pattern a cross-reference prints: the label without trailing punctuation, or with its parents for context. */
  ref: string;
  /** Word's `w:isLgl`: every `%k` prints as a decimal (第一条's children read 1-1, not 一-1). */
  legal: boolean;
}

export interface NumberingSchemeDef {
  name: NumberingScheme;
  /** Nine levels, as in Word; deeper clauses are refused by the model check. */
  levels: readonly NumberingLevel[];
}

const MAX_LEVELS = 9;

function chain(depth: number, separator: string): string {
  return Array.from({ length: depth }, (_, i) => `%${i + 1}`).join(separator);
}

function levels(make: (depth: number) => NumberingLevel): NumberingLevel[] {
  return Array.from({ length: MAX_LEVELS }, (_, i) => make(i + 1));
}

const LEGAL_EN_DEEP: readonly CounterFormat[] = ['lowerLetter', 'lowerRoman', 'upperLetter', 'upperRoman'];

/** Every numbering scheme, keyed by the name a template's `numbering` gives. */
export const NUMBERING: Readonly<Record<NumberingScheme, NumberingSchemeDef>> = {
  'zh-article': {
    name: 'zh-article',
    levels: levels((d) =>
      d === 1
        ? { format: 'chineseCounting', text: '第%1条', ref: '第%1条', legal: false }
        : { format: 'decimal', text: chain(d, '-'), ref: chain(d, '-'), legal: true },
    ),
  },
  decimal: {
    name: 'decimal',
    levels: levels((d) =>
      d === 1
        ? { format: 'decimal', text: '%1.', ref: '%1', legal: false }
        : { format: 'decimal', text: chain(d, '.'), ref: chain(d, '.'), legal: false },
    ),
  },
  'legal-en': {
    name: 'legal-en',
    levels: levels((d) => {
      if (d === 1) return { format: 'decimal', text: 'Article %1', ref: 'Article %1', legal: false };
      if (d === 2) return { format: 'decimal', text: 'Section %1.%2', ref: 'Section %1.%2', legal: false };
      const format = LEGAL_EN_DEEP[(d - 3) % LEGAL_EN_DEEP.length] ?? 'lowerLetter';
      const ref = `Section %1.%2${Array.from({ length: d - 2 }, (_, i) => `(%${i + 3})`).join('')}`;
      return { format, text: `(%${d})`, ref, legal: false };
    }),
  },
};
