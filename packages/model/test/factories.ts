import type { Clause, Condition, FieldDef, Inline, Template } from '../src/index.ts';

/** Test factory: a clause with text, optional children and condition. */
export function clause(id: string, text: string | Inline[], children: Clause[] = [], condition?: Condition): Clause {
  const content: Inline[] = typeof text === 'string' ? [{ type: 'text', text }] : text;
  const out: Clause = { id, content, paragraphs: [], children };
  if (condition) out.condition = condition;
  return out;
}

/** Test factory: a template whose body is one clause list (plus optional leading blocks). */
export function template(
  clauses: Clause[],
  fields: Record<string, FieldDef> = {},
  meta: Partial<Template['meta']> = {},
): Template {
  return {
    meta: { schemaVersion: 1, id: 't', title: 'T', locale: 'zh-CN', numbering: 'zh-article', ...meta },
    fields,
    body: [{ type: 'clauses', clauses }],
  };
}

/** `count` sibling clauses with ids `c1` … `cN`. */
export function flat(count: number, prefix = 'c'): Clause[] {
  return Array.from({ length: count }, (_, i) => clause(`${prefix}${i + 1}`, `text ${i + 1}`));
}
