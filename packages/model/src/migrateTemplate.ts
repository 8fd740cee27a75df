import { SCHEMA_VERSION } from './Template.ts';

/** One named step from `from` to `from + 1` over a template's raw (file-level) data. */
export interface Migration {
  name: string;
  from: number;
  up(raw: Record<string, unknown>): Record<string, unknown>;
}

/**
 * Migrations in order. Version 1 is the first file format, so there are none yet; each future
 * format change appends one here with a test, so files written today open next year.
 */
export const MIGRATIONS: readonly Migration[] = [];

export class SchemaVersionError extends Error {}

/** Brings raw template data (front matter or JSON) up to {@link SCHEMA_VERSION}, refusing versions from the future. */
export function migrateTemplate(
  raw: Record<string, unknown>,
  migrations: readonly Migration[] = MIGRATIONS,
  target: number = SCHEMA_VERSION,
): Record<string, unknown> {
  const version = raw.schemaVersion;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) {
    throw new SchemaVersionError(`schemaVersion must be a whole number from 1 to ${target}`);
  }
  if (version > target) {
    throw new SchemaVersionError(`schemaVersion ${version} is newer than this Clausewright understands (${target})`);
  }
  let data = raw;
  for (let v = version; v < target; v++) {
    const step = migrations.find((m) => m.from === v);
    if (!step) throw new SchemaVersionError(`no migration from schemaVersion ${v}`);
    data = { ...step.up(data), schemaVersion: v + 1 };
  }
  return data;
}
