import { parseFieldDefs } from '@clausewright/model';

/** The model's validation messages for a whole `fields` map (as stored, maybe written by another client), by field key. */
export function issuesByField(raw: Record<string, unknown>): Map<string, string[]> {
  const byKey = new Map<string, string[]>();
  for (const issue of parseFieldDefs(raw).issues) {
    const key = String(issue.path[0] ?? '');
    byKey.set(key, [...(byKey.get(key) ?? []), issue.message]);
  }
  return byKey;
}
