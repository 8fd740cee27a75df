import type { ResolvedDocument } from '@clausewright/model';

/** The line a render of the unpublished draft opens with, per the template's locale. */
export const DRAFT_MARK: Readonly<Record<string, string>> = {
  'zh-CN': '草稿 / DRAFT：依据未发布的草稿生成，不是正式文本',
  en: 'DRAFT: rendered from an unpublished draft, not a final text',
};

/**
 * The document with a "草稿 / DRAFT" line before everything else, so a file rendered from the live draft cannot
 * pass for an issued version. A plain paragraph, so every renderer (docx, txt, html) prints it the same way.
 */
export function markDraft(doc: ResolvedDocument): ResolvedDocument {
  const text = DRAFT_MARK[doc.meta.locale] ?? (DRAFT_MARK['zh-CN'] as string);
  return { ...doc, blocks: [{ type: 'paragraph', content: [{ type: 'text', text, marks: ['bold'] }] }, ...doc.blocks] };
}
