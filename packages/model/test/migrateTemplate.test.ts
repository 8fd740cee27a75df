import { describe, expect, it } from 'vitest';
import { type Migration, migrateTemplate, SchemaVersionError } from '../src/index.ts';

describe('migrateTemplate', () => {
  it('passes current files through unchanged', () => {
    expect(migrateTemplate({ schemaVersion: 1, id: 'x' })).toEqual({ schemaVersion: 1, id: 'x' });
  });

  it('refuses files from a newer Clausewright and nonsense versions', () => {
    expect(() => migrateTemplate({ schemaVersion: 2 })).toThrow(SchemaVersionError);
    expect(() => migrateTemplate({ schemaVersion: 2 })).toThrow(
      'schemaVersion 2 is newer than this Clausewright understands (1)',
    );
    expect(() => migrateTemplate({ schemaVersion: '1' })).toThrow('schemaVersion must be a whole number');
  });

  it('applies named migrations in order up to the target', () => {
    const steps: Migration[] = [
      { name: 'rename-numbering', from: 1, up: (r) => ({ ...r, numbering: r.scheme, scheme: undefined }) },
      { name: 'default-locale', from: 2, up: (r) => ({ locale: 'zh-CN', ...r }) },
    ];
    expect(migrateTemplate({ schemaVersion: 1, scheme: 'decimal' }, steps, 3)).toEqual({
      schemaVersion: 3,
      numbering: 'decimal',
      scheme: undefined,
      locale: 'zh-CN',
    });
    expect(() => migrateTemplate({ schemaVersion: 1 }, [], 2)).toThrow('no migration from schemaVersion 1');
  });
});
