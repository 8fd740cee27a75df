import type { Clause } from './Clause.ts';
import { closest } from './closest.ts';
import { FILTERS } from './filters.ts';
import type { FieldInline, RefInline } from './Inline.ts';
import { NUMBERING } from './numberingSchemes.ts';
import type { Template } from './Template.ts';
import { eachInline } from './walk.ts';

/** Clause ids are also Word bookmark names and URL fragments, so keep them plain. */
export const CLAUSE_ID = /^[A-Za-z][A-Za-z0-9_-]*$/;

export type TemplateIssueCode =
  | 'unknown-field'
  | 'unknown-filter'
  | 'filter-type'
  | 'duplicate-id'
  | 'broken-ref'
  | 'condition-field'
  | 'condition-value'
  | 'bad-id'
  | 'too-deep';

/** A structural mistake in a template; `node` is the model object at fault, for the caller to locate. */
export interface TemplateIssue {
  code: TemplateIssueCode;
  message: string;
  node: Clause | FieldInline | RefInline;
}

/** Checks what the types cannot: fields, filters, ids, references and conditions all point at something real. */
export function checkTemplate(template: Template): TemplateIssue[] {
  const issues: TemplateIssue[] = [];
  const fieldKeys = Object.keys(template.fields);
  const ids = new Set<string>();
  const maxDepth = NUMBERING[template.meta.numbering].levels.length;

  const visit = (clauses: readonly Clause[], depth: number) => {
    for (const clause of clauses) {
      if (!CLAUSE_ID.test(clause.id)) {
        issues.push({
          code: 'bad-id',
          node: clause,
          message: `clause id "${clause.id}" must start with a letter and use only letters, digits, - and _`,
        });
      }
      if (ids.has(clause.id))
        issues.push({ code: 'duplicate-id', node: clause, message: `duplicate clause id "${clause.id}"` });
      ids.add(clause.id);
      if (depth > maxDepth)
        issues.push({ code: 'too-deep', node: clause, message: `clauses nest at most ${maxDepth} levels deep` });
      const condition = clause.condition;
      if (condition) {
        const def = template.fields[condition.field];
        if (!def) {
          issues.push({
            code: 'condition-field',
            node: clause,
            message: `condition names unknown field "${condition.field}"${hint(condition.field, fieldKeys)}`,
          });
        } else if (
          condition.equals !== undefined &&
          def.type === 'choice' &&
          !def.options?.includes(condition.equals)
        ) {
          issues.push({
            code: 'condition-value',
            node: clause,
            message: `"${condition.equals}" is not an option of field "${condition.field}" (${(def.options ?? []).join(', ')})`,
          });
        }
      }
      visit(clause.children, depth + 1);
    }
  };
  for (const block of template.body) if (block.type === 'clauses') visit(block.clauses, 1);

  for (const { inline } of eachInline(template.body)) {
    if (inline.type === 'field') {
      const def = template.fields[inline.key];
      if (!def) {
        issues.push({
          code: 'unknown-field',
          node: inline,
          message: `unknown field "${inline.key}"${hint(inline.key, fieldKeys)}`,
        });
        continue;
      }
      if (inline.filter === undefined) continue;
      const filter = FILTERS[inline.filter];
      if (!filter) {
        issues.push({
          code: 'unknown-filter',
          node: inline,
          message: `unknown filter "${inline.filter}"${hint(inline.filter, Object.keys(FILTERS))}`,
        });
      } else if (!filter.appliesTo.includes(def.type)) {
        issues.push({
          code: 'filter-type',
          node: inline,
          message: `filter "${inline.filter}" does not apply to ${def.type} field "${inline.key}" (it takes ${filter.appliesTo.join(', ')})`,
        });
      }
    } else if (inline.type === 'ref' && !ids.has(inline.target)) {
      issues.push({
        code: 'broken-ref',
        node: inline,
        message: `reference to unknown clause "#${inline.target}"${hint(inline.target, ids)}`,
      });
    }
  }
  return issues;
}

function hint(name: string, candidates: Iterable<string>): string {
  const guess = closest(name, candidates);
  return guess ? ` (did you mean "${guess}"?)` : '';
}
