import { describe, expect, it } from 'vitest';
import { createLocator } from './createLocator.ts';

describe('createLocator', () => {
  it('maps offsets to 1-based lines and columns', () => {
    const locate = createLocator('ab\n中文\n\nx');
    expect(locate(0)).toEqual({ line: 1, column: 1 });
    expect(locate(2)).toEqual({ line: 1, column: 3 });
    expect(locate(4)).toEqual({ line: 2, column: 2 });
    expect(locate(6)).toEqual({ line: 3, column: 1 });
    expect(locate(7)).toEqual({ line: 4, column: 1 });
    expect(locate(99)).toEqual({ line: 4, column: 2 });
  });
});
