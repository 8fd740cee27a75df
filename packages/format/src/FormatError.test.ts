import { describe, expect, it } from 'vitest';
import { FormatError, showInput } from './FormatError.ts';

describe('FormatError', () => {
  it('is an Error named FormatError', () => {
    const error = new FormatError('not a number: "abc"');
    expect(error).toBeInstanceOf(Error);
    expect(error.name).toBe('FormatError');
    expect(String(error)).toBe('FormatError: not a number: "abc"');
  });

  it('shows inputs so blanks and signs stay visible', () => {
    expect(showInput('')).toBe('""');
    expect(showInput(' 12')).toBe('" 12"');
    expect(showInput(-0)).toBe('-0');
    expect(showInput(1680.32)).toBe('1680.32');
  });
});
