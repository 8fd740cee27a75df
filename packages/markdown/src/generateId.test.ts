import { CLAUSE_ID } from '@clausewright/model';
import { describe, expect, it } from 'vitest';
import { generateId } from './generateId.ts';

describe('generateId', () => {
  const content = [{ type: 'text' as const, text: '甲方应当按期付款' }];

  it('is "c" and 8 base-36 digits, a valid clause id', () => {
    const id = generateId(content, new Set());
    expect(id).toMatch(/^c[0-9a-z]{8}$/);
    expect(CLAUSE_ID.test(id)).toBe(true);
  });

  it('depends only on the plain text, fields and references included', () => {
    expect(generateId(content, new Set())).toBe(generateId([{ type: 'text', text: '甲方应当按期付款' }], new Set()));
    expect(generateId(content, new Set())).not.toBe(
      generateId([{ type: 'text', text: '乙方应当按期付款' }], new Set()),
    );
    expect(generateId([{ type: 'field', key: 'a' }], new Set())).not.toBe(
      generateId([{ type: 'field', key: 'a', filter: 'money' }], new Set()),
    );
  });

  it('adds the first free numeric suffix when the id is taken', () => {
    const base = generateId(content, new Set());
    expect(generateId(content, new Set([base]))).toBe(`${base}-2`);
    expect(generateId(content, new Set([base, `${base}-2`]))).toBe(`${base}-3`);
  });
});
