import { FormatError } from '@clausewright/format';
import type { Block } from './Block.ts';
import type { Clause } from './Clause.ts';
import { applyConditions } from './conditions.ts';
import type { Values } from './Field.ts';
import { FILTERS } from './filters.ts';
import { formatValue } from './formatValue.ts';
import type { Inline } from './Inline.ts';
import { type ClauseNumber, numberClauses } from './numberClauses.ts';
import type { Problem } from './Problem.ts';
import type {
  RenderMode,
  ResolvedBlock,
  ResolvedClause,
  ResolvedDocument,
  ResolvedInline,
} from './ResolvedDocument.ts';
import type { Template } from './Template.ts';
import { fieldName, validateValues } from './validateValues.ts';
import { eachBodyClause } from './walk.ts';

export interface ResolveOptions {
  /** `draft` prints gaps and marks broken references; `strict` is the same but callers refuse on any problem. */
  mode?: RenderMode;
}

/**
 * Applies values to a template: validates them, drops clauses whose conditions fail, numbers what is left
 * and prints every field and reference. The one function every renderer and preview starts from.
 */
export function resolveTemplate(
  template: Template,
  input: Values | unknown,
  options: ResolveOptions = {},
): ResolvedDocument {
  const mode = options.mode ?? 'draft';
  const { values, problems } = validateValues(template.fields, input ?? {});
  const invalid = new Set(problems.map((p) => p.field));
  const locale = template.meta.locale;

  const kept = template.body.map((block) =>
    block.type === 'clauses' ? { ...block, clauses: applyConditions(block.clauses, values) } : block,
  );
  const numbers = numberClauses(
    kept.flatMap((b) => (b.type === 'clauses' ? b.clauses : [])),
    template.meta.numbering,
  );
  // One walk of the whole template: every id (to tell omitted from missing targets) and every field a condition reads.
  const allIds = new Set<string>();
  const used = new Set<string>();
  for (const clause of eachBodyClause(template.body)) {
    allIds.add(clause.id);
    if (clause.condition) used.add(clause.condition.field);
  }

  const reported = new Set<string>();
  const report = (key: string, problem: Problem) => {
    if (reported.has(key)) return;
    reported.add(key);
    problems.push(problem);
  };

  const resolveInline = (inline: Inline, clause?: string): ResolvedInline => {
    switch (inline.type) {
      case 'text':
      case 'break':
        return inline;
      case 'field': {
        used.add(inline.key);
        const out: ResolvedInline = { type: 'value', field: inline.key, text: null };
        if (inline.filter !== undefined) out.filter = inline.filter;
        if (inline.marks) out.marks = inline.marks;
        const def = template.fields[inline.key];
        const value = values.get(inline.key);
        if (!def) {
          report(`field:${inline.key}`, {
            code: 'unknown-field',
            field: inline.key,
            message: `unknown field "${inline.key}"`,
          });
        } else if (inline.filter !== undefined && !FILTERS[inline.filter]) {
          report(`filter:${inline.filter}`, {
            code: 'unknown-filter',
            field: inline.key,
            message: `unknown filter "${inline.filter}"`,
          });
        } else if (value !== undefined) {
          try {
            out.text = formatValue(def, value, locale, inline.filter);
          } catch (e) {
            if (!(e instanceof FormatError)) throw e;
            report(`filter:${inline.key}|${inline.filter}`, {
              code: 'invalid-value',
              field: inline.key,
              message: `${fieldName(inline.key, def)} cannot be shown as ${inline.filter ?? def.type}: ${e.message}`,
            });
          }
        }
        return out;
      }
      case 'ref': {
        const target = numbers.get(inline.target);
        const out: ResolvedInline = { type: 'ref', target: inline.target, text: target?.refLabel ?? null };
        if (inline.marks) out.marks = inline.marks;
        if (!target) {
          const omitted = allIds.has(inline.target);
          report(`ref:${inline.target}:${clause ?? ''}`, {
            code: omitted ? 'omitted-ref' : 'broken-ref',
            message: omitted
              ? `reference to clause "#${inline.target}", which its condition omits`
              : `reference to unknown clause "#${inline.target}"`,
            ...(clause ? { clause } : {}),
          });
        }
        return out;
      }
    }
  };
  const inlines = (content: readonly Inline[], clause?: string): ResolvedInline[] =>
    content.map((inline) => resolveInline(inline, clause));

  const clauseOf = (clause: Clause): ResolvedClause => {
    const n = numbers.get(clause.id) as ClauseNumber;
    const out: ResolvedClause = {
      id: clause.id,
      level: n.level,
      label: n.label,
      refLabel: n.refLabel,
      path: n.path,
      content: inlines(clause.content, clause.id),
      paragraphs: clause.paragraphs.map((p) => inlines(p, clause.id)),
      children: clause.children.map(clauseOf),
    };
    if (clause.condition) out.condition = clause.condition;
    return out;
  };

  const resolveBlock = (block: Block): ResolvedBlock => {
    switch (block.type) {
      case 'heading':
        return { type: 'heading', level: block.level, content: inlines(block.content) };
      case 'paragraph':
        return { type: 'paragraph', content: inlines(block.content) };
      case 'table':
        return { type: 'table', align: block.align, rows: block.rows.map((row) => row.map((cell) => inlines(cell))) };
      case 'clauses':
        return { type: 'clauses', clauses: block.clauses.map(clauseOf) };
    }
  };
  const blocks = kept.map(resolveBlock);

  // A required value is missing only where the document shows it or a condition reads it.
  for (const [key, def] of Object.entries(template.fields)) {
    if (def.required && used.has(key) && !values.has(key) && !invalid.has(key)) {
      problems.push({ code: 'missing-value', field: key, message: `${fieldName(key, def)} is required` });
    }
  }

  return { meta: template.meta, fields: template.fields, mode, blocks, problems };
}
