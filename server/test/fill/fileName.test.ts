import type { Template } from '@clausewright/model';
import { describe, expect, it } from 'vitest';
import { contentDisposition } from '../../src/fill/sendFile.ts';
import { fileNameOf } from '../../src/renderFile.ts';

const titled = (title: string, id = 'nda') => ({ meta: { id, title } }) as Template;

describe('issued file names', () => {
  it('names a file after the title, with what no file system accepts replaced', () => {
    expect(fileNameOf(titled('微信小程序服务合同书'), 'docx')).toBe('微信小程序服务合同书.docx');
    expect(fileNameOf(titled('A/B: "合同" <v2>?*|\\\u0007'), 'txt')).toBe('A_B_ _合同_ _v2______.txt');
    expect(fileNameOf(titled('..hidden'), 'html')).toBe('hidden.html');
    expect(fileNameOf(titled('   '), 'docx')).toBe('nda.docx');
    expect(fileNameOf(titled('长'.repeat(300)), 'docx')).toBe(`${'长'.repeat(120)}.docx`);
  });

  it('writes the name as RFC 5987 UTF-8, quotes and brackets escaped too', () => {
    expect(contentDisposition('attachment', "合同 (v1) it's*.docx")).toBe(
      "attachment; filename*=UTF-8''%E5%90%88%E5%90%8C%20%28v1%29%20it%27s%2A.docx",
    );
    expect(contentDisposition('inline', 'a.txt')).toBe("inline; filename*=UTF-8''a.txt");
  });
});
