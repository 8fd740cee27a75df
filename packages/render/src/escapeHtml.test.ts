import { describe, expect, it } from 'vitest';
import { escapeHtml } from './escapeHtml.ts';

describe('escapeHtml', () => {
  it('escapes markup and quotes and drops control characters', () => {
    expect(escapeHtml(`<script>alert("x") & 'y'</script>\u0000\u0008\u000b`)).toBe(
      '&lt;script&gt;alert(&quot;x&quot;) &amp; &#39;y&#39;&lt;/script&gt;',
    );
  });

  it('keeps Chinese, emoji, RTL marks, tabs and newlines', () => {
    expect(escapeHtml('甲方\u200f😀\t\n')).toBe('甲方\u200f😀\t\n');
  });
});
