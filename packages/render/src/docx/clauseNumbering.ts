import { type CounterFormat, NUMBERING, type NumberingScheme } from '@clausewright/model';
import {
  AlignmentType,
  type ILevelsOptions,
  type IParagraphStyleOptions,
  LevelFormat,
  LevelSuffix,
  type NumberingDefinition,
} from 'docx';

/** The numbering reference every clause paragraph uses: one list, so numbering runs on across clause lists. */
export const CLAUSE_NUMBERING = 'clauses';

/** Left indent in twips per nesting step (two CJK characters at 12 pt). */
const INDENT_STEP = 480;

const FORMATS: Record<CounterFormat, (typeof LevelFormat)[keyof typeof LevelFormat]> = {
  decimal: LevelFormat.DECIMAL,
  // Word's chineseCounting prints 101 as 一○一; chineseCountingThousand prints 一百零一, as numberClauses does.
  chineseCounting: LevelFormat.CHINESE_COUNTING_THOUSAND,
  lowerLetter: LevelFormat.LOWER_LETTER,
  upperLetter: LevelFormat.UPPER_LETTER,
  lowerRoman: LevelFormat.LOWER_ROMAN,
  upperRoman: LevelFormat.UPPER_ROMAN,
};

/**
 * Left indent of a clause at `level` (1-based) and of its further paragraphs: articles and their
 * sections sit at the margin, deeper levels step in.
 */
export function clauseIndent(level: number): number {
  return Math.max(0, level - 2) * INDENT_STEP;
}

/**
 * Word's multi-level list for a numbering scheme: nine levels with the scheme's counter formats and
 * label patterns, so Word renumbers the clauses itself when a lawyer deletes or moves one.
 */
export function clauseNumbering(scheme: NumberingScheme): NumberingDefinition {
  const levels = NUMBERING[scheme].levels.map(
    (def, i): ILevelsOptions => ({
      level: i,
      format: FORMATS[def.format],
      text: def.text,
      alignment: AlignmentType.LEFT,
      start: 1,
      // Our text form is `<label> <text>`: a space, not Word's default tab, follows the number.
      suffix: LevelSuffix.SPACE,
      isLegalNumberingStyle: def.legal,
      style: { paragraph: { indent: { left: clauseIndent(i + 1), hanging: 0 } } },
    }),
  );
  return { reference: CLAUSE_NUMBERING, levels };
}

/** The paragraph style of a clause at `level` (1-based): `Clause1` … `Clause9`. */
export function clauseStyleId(level: number): string {
  return `Clause${level}`;
}

/**
 * One paragraph style per clause level carrying that level's numbering, as Word's outline-numbered
 * headings do: a lawyer who gives a new paragraph the style `Clause 2` gets a numbered section.
 */
export function clauseStyles(): IParagraphStyleOptions[] {
  return Array.from({ length: 9 }, (_, i) => ({
    id: clauseStyleId(i + 1),
    name: `Clause ${i + 1}`,
    basedOn: 'Normal',
    next: clauseStyleId(i + 1),
    quickFormat: true,
    paragraph: { numbering: { reference: CLAUSE_NUMBERING, level: i, custom: true } },
  }));
}

/**
 * Makes docx's lists Word outline lists: `multilevel` rather than `hybridMultilevel` (which Word treats as
 * nine single-level lists in its list dialogs), and no level marked `tentative` (unused), since clauses use them.
 */
export function outlineNumberingXml(xml: string): string {
  return xml
    .replaceAll('<w:multiLevelType w:val="hybridMultilevel"/>', '<w:multiLevelType w:val="multilevel"/>')
    .replaceAll(' w:tentative="1"', '');
}
