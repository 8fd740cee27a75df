import type { Clause } from './Clause.ts';
import { formatCounter } from './formatCounter.ts';
import { NUMBERING, type NumberingLevel } from './numberingSchemes.ts';
import type { NumberingScheme } from './Template.ts';

/** A clause's derived number. */
export interface ClauseNumber {
  /** As printed before the clause text: `第四条`, `4-2`, `1.`, `Article 1`, `(a)`. */
  label: string;
  /** As printed by a cross-reference: `第四条`, `4-2`, `1`, `Section 1.2(a)`. */
  refLabel: string;
  /** 1-based depth. */
  level: number;
  /** Counters from the top level down, e.g. [4, 2] for 4-2. */
  path: number[];
}

type Piece = string | number;

/** A pattern split once into literal text and 0-based counter indexes, so labelling is concatenation only. */
function compile(pattern: string): Piece[] {
  const pieces: Piece[] = [];
  const re = /%([1-9])/g;
  let last = 0;
  for (let m = re.exec(pattern); m; m = re.exec(pattern)) {
    if (m.index > last) pieces.push(pattern.slice(last, m.index));
    pieces.push(Number(m[1]) - 1);
    last = m.index + m[0].length;
  }
  if (last < pattern.length) pieces.push(pattern.slice(last));
  return pieces;
}

interface CompiledLevel {
  def: NumberingLevel;
  text: Piece[];
  ref: Piece[];
}

const compiled = new Map<NumberingScheme, CompiledLevel[]>();

function compiledLevels(scheme: NumberingScheme): CompiledLevel[] {
  let levels = compiled.get(scheme);
  if (!levels) {
    levels = NUMBERING[scheme].levels.map((def) => ({ def, text: compile(def.text), ref: compile(def.ref) }));
    compiled.set(scheme, levels);
  }
  return levels;
}

function print(pieces: Piece[], path: number[], levels: CompiledLevel[], legal: boolean): string {
  let out = '';
  for (const piece of pieces) {
    if (typeof piece === 'string') out += piece;
    else {
      const n = path[piece] ?? 0;
      const format = legal ? 'decimal' : (levels[piece]?.def.format ?? 'decimal');
      out += formatCounter(n, format);
    }
  }
  return out;
}

/**
 * Labels every clause of a (condition-filtered) clause forest, in document order.
 * Numbering is derived, never stored: the same tree always yields the same labels.
 */
export function numberClauses(clauses: readonly Clause[], scheme: NumberingScheme): Map<string, ClauseNumber> {
  const levels = compiledLevels(scheme);
  const out = new Map<string, ClauseNumber>();
  const path: number[] = [];
  const walk = (list: readonly Clause[]) => {
    const depth = path.length;
    const level = levels[Math.min(depth, levels.length - 1)];
    if (!level) return;
    path.push(0);
    for (const clause of list) {
      path[depth] = (path[depth] ?? 0) + 1;
      const here = path.slice(0, depth + 1);
      out.set(clause.id, {
        label: print(level.text, here, levels, level.def.legal),
        refLabel: print(level.ref, here, levels, level.def.legal),
        level: depth + 1,
        path: here,
      });
      if (clause.children.length > 0) walk(clause.children);
    }
    path.pop();
  };
  walk(clauses);
  return out;
}
