import { escapeXml } from './docx/escapeXml.ts';

const QUOTES: Record<string, string> = { '"': '&quot;', "'": '&#39;' };

/** Text safe inside HTML content and quoted attributes; characters XML forbids are dropped, as in docx. */
export function escapeHtml(text: string): string {
  return escapeXml(text).replace(/["']/g, (c) => QUOTES[c] ?? c);
}
