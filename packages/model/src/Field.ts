export const FIELD_TYPES = ['text', 'multiline', 'integer', 'number', 'money', 'date', 'boolean', 'choice'] as const;
export type FieldType = (typeof FIELD_TYPES)[number];

/** A value as it comes in a values file: validated against its {@link FieldDef}. */
export type FieldValue = string | number | boolean;
export type Values = Record<string, FieldValue | null | undefined>;

export interface FieldDef {
  label: string;
  type: FieldType;
  required?: boolean;
  default?: FieldValue;
  help?: string;
  /** The allowed values of a `choice` field. */
  options?: string[];
  /** ISO 4217 code of a `money` field; CNY when absent. */
  currency?: string;
}
