import { describe, expect, it } from 'vitest';
import { safeNext } from './goToLogin.ts';

describe('safeNext', () => {
  it('goes back only to a page of this app, never to another origin or the login page itself', () => {
    expect(safeNext('/t/nda?x=1')).toBe('/t/nda?x=1');
    expect(safeNext(null)).toBe('/');
    expect(safeNext('https://evil.example/')).toBe('/');
    expect(safeNext('//evil.example/')).toBe('/');
    expect(safeNext('/login?next=/x')).toBe('/');
  });
});
