import { z } from 'zod';
import { FIELD_TYPES, type FieldDef } from './Field.ts';
import { validateValue } from './validateValue.ts';

/** Field keys are identifiers so `{{key}}` and `if=key` can never be ambiguous. */
export const FIELD_KEY = /^[A-Za-z_][A-Za-z0-9_]*$/;

const fieldDefSchema = z
  .strictObject({
    label: z.string().trim().min(1, 'label must not be empty'),
    type: z.enum(FIELD_TYPES, { error: `type must be one of ${FIELD_TYPES.join(', ')}` }),
    required: z.boolean().optional(),
    default: z.union([z.string(), z.number(), z.boolean()]).optional(),
    help: z.string().optional(),
    options: z.array(z.string().min(1)).min(1, 'options must list at least one choice').optional(),
    currency: z
      .string()
      .regex(/^[A-Z]{3}$/, 'currency must be an ISO 4217 code such as CNY')
      .optional(),
  })
  .superRefine((def, ctx) => {
    if (def.type === 'choice' && !def.options) {
      ctx.addIssue({ code: 'custom', path: ['options'], message: 'a choice field needs options' });
    }
    if (def.type !== 'choice' && def.options) {
      ctx.addIssue({
        code: 'custom',
        path: ['options'],
        message: `options only apply to choice fields, not ${def.type}`,
      });
    }
    if (def.options && new Set(def.options).size !== def.options.length) {
      ctx.addIssue({ code: 'custom', path: ['options'], message: 'options must be distinct' });
    }
    if (def.currency && def.type !== 'money') {
      ctx.addIssue({ code: 'custom', path: ['currency'], message: 'currency only applies to money fields' });
    }
    if (def.default !== undefined) {
      const check = validateValue(def as FieldDef, def.default);
      if (!check.ok) ctx.addIssue({ code: 'custom', path: ['default'], message: `default ${check.message}` });
    }
  });

export interface FieldDefIssue {
  /** Path inside the `fields` map, e.g. `['amount', 'type']`. */
  path: (string | number)[];
  message: string;
}

/** Validates a raw `fields` map (from YAML or JSON); every issue carries its path for locating it. */
export function parseFieldDefs(raw: unknown): { fields: Record<string, FieldDef>; issues: FieldDefIssue[] } {
  const fields: Record<string, FieldDef> = {};
  const issues: FieldDefIssue[] = [];
  if (raw === undefined || raw === null) return { fields, issues };
  if (typeof raw !== 'object' || Array.isArray(raw)) {
    issues.push({ path: [], message: 'fields must be a map of field key to definition' });
    return { fields, issues };
  }
  for (const [key, value] of Object.entries(raw)) {
    if (!FIELD_KEY.test(key)) {
      issues.push({
        path: [key],
        message: `field key "${key}" must be letters, digits and _ (not starting with a digit)`,
      });
      continue;
    }
    const result = fieldDefSchema.safeParse(value);
    if (result.success) {
      fields[key] = stripUndefined(result.data) as FieldDef;
      continue;
    }
    for (const issue of result.error.issues) {
      const at = issue.path.length > 0 ? issue.path.map(String) : [];
      const message =
        issue.code === 'unrecognized_keys'
          ? `unknown key${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((k) => `"${k}"`).join(', ')} in field "${key}"`
          : issue.code === 'invalid_type' && at.length > 0 && issue.input === undefined
            ? `field "${key}" needs ${at.join('.')}`
            : `field "${key}": ${issue.message}`;
      issues.push({ path: [key, ...at], message });
    }
  }
  return { fields, issues };
}

function stripUndefined<T extends object>(o: T): T {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;
}
