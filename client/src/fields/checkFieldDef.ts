import { type FieldDef, parseFieldDefs } from '@clausewright/model';

/** The model's validation messages for one field definition, keyed by the part they are about (`label`, `options`, …; `''` for the key itself). */
export function checkFieldDef(key: string, def: FieldDef): Map<string, string[]> {
  const byPart = new Map<string, string[]>();
  for (const issue of parseFieldDefs({ [key]: def }).issues) {
    const part = issue.path.length > 1 ? String(issue.path[1]) : '';
    byPart.set(part, [...(byPart.get(part) ?? []), issue.message]);
  }
  return byPart;
}
