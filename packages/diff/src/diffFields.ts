import type { FieldDef } from '@clausewright/model';
import type { FieldChange, PropertyChange } from './TemplateDiff.ts';

// The order properties are reported in; any other property follows in the order found.
const ORDER = ['type', 'label', 'required', 'options', 'default', 'currency', 'help'];

/** Field definitions added, removed or changed (property by property); keys in the new order, then removed ones. */
export function diffFields(oldFields: Record<string, FieldDef>, newFields: Record<string, FieldDef>): FieldChange[] {
  const changes: FieldChange[] = [];
  for (const [key, def] of Object.entries(newFields)) {
    const before = Object.hasOwn(oldFields, key) ? oldFields[key] : undefined;
    if (!before) {
      changes.push({ key, status: 'added', new: def });
      continue;
    }
    const props = diffProperties(before, def);
    if (props.length > 0) changes.push({ key, status: 'changed', old: before, new: def, changes: props });
  }
  for (const [key, def] of Object.entries(oldFields)) {
    if (!Object.hasOwn(newFields, key)) changes.push({ key, status: 'removed', old: def });
  }
  return changes;
}

function diffProperties(a: FieldDef, b: FieldDef): PropertyChange[] {
  const keys = new Set([...ORDER, ...Object.keys(a), ...Object.keys(b)]);
  const out: PropertyChange[] = [];
  for (const property of keys) {
    const x = (a as unknown as Record<string, unknown>)[property];
    const y = (b as unknown as Record<string, unknown>)[property];
    // `required: false` and no `required` mean the same.
    if (property === 'required' ? Boolean(x) === Boolean(y) : same(x, y)) continue;
    const change: PropertyChange = { property };
    if (x !== undefined) change.old = x;
    if (y !== undefined) change.new = y;
    out.push(change);
  }
  return out;
}

function same(x: unknown, y: unknown): boolean {
  if (x === y) return true;
  if (Array.isArray(x) && Array.isArray(y)) return x.length === y.length && x.every((v, i) => v === y[i]);
  return false;
}
