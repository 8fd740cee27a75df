import { describe, expect, it } from 'vitest';
import { contentDispositionFilename } from './contentDisposition.ts';

describe('contentDispositionFilename', () => {
  it('reads the UTF-8 name the server sends for Chinese titles', () => {
    const name = encodeURIComponent('微信小程序服务合同书.docx');
    expect(contentDispositionFilename(`attachment; filename*=UTF-8''${name}`)).toBe('微信小程序服务合同书.docx');
    expect(contentDispositionFilename(`attachment; filename="fallback.docx"; filename*=UTF-8''${name}`)).toBe(
      '微信小程序服务合同书.docx',
    );
  });

  it('falls back to the plain name', () => {
    expect(contentDispositionFilename('attachment; filename="a b.txt"')).toBe('a b.txt');
    expect(contentDispositionFilename('attachment; filename=a.txt')).toBe('a.txt');
  });

  it('is null without a name', () => {
    expect(contentDispositionFilename(null)).toBeNull();
    expect(contentDispositionFilename('attachment')).toBeNull();
  });
});
