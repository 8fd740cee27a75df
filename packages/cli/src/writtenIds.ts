import { eachBodyClause, type Template } from '@clausewright/model';

/**
 * The clause ids written in the file (`{#id …}`); the others were generated from the clause text when the file was
 * read, so they change whenever the text does.
 */
export function writtenIds(template: Template, source: string): Set<string> {
  const written = new Set<string>();
  // Attributes: `#id` right after `{` or a space inside braces, ended by a space or `}` (a `[[#id]]` reference is not).
  const attribute = /(?<=[{\s])#([A-Za-z][\w-]*)(?=[\s}])/g;
  const found = new Set<string>();
  for (const m of source.matchAll(attribute)) found.add(m[1] as string);
  for (const clause of eachBodyClause(template.body)) if (found.has(clause.id)) written.add(clause.id);
  return written;
}
