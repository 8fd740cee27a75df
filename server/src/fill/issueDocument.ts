import { createHash } from 'node:crypto';
import { parseTemplate, serializeTemplate } from '@clausewright/markdown';
import type { Problem, Template } from '@clausewright/model';
import { HttpError } from '../HttpError.ts';
import { type RenderedFile, type RenderFormat, type RenderSource, renderFile } from '../renderFile.ts';
import type { DocumentStore, IssuedDocumentInfo } from '../storage/DocumentStore.ts';

export type IssueResult =
  | { ok: true; file: RenderedFile; document: IssuedDocumentInfo }
  | { ok: false; problems: Problem[] };

export const sha256Hex = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

/**
 * The draft as its Clause Markdown and the template read back from it. An issued draft is rendered from this read-back
 * (not the live template) because a re-download can only start from the stored Markdown: both take the same path.
 */
export function draftSnapshot(source: RenderSource): { markdown: string; source: RenderSource } {
  const markdown = serializeTemplate(source.template);
  return { markdown, source: { ...source, template: templateOfMarkdown(markdown) } };
}

/** The template a stored draft Markdown holds; 422 when it cannot be read. */
export function templateOfMarkdown(markdown: string): Template {
  try {
    return parseTemplate(markdown);
  } catch (error) {
    throw new HttpError(422, `the draft cannot be read back from its Markdown: ${(error as Error).message}`);
  }
}

/**
 * Issues a document: a strict render of `source` with `values` (every problem instead of a file), recorded in the
 * documents log with its hash; the record holds what rendering it again needs (the draft's Markdown for a draft).
 */
export async function issueDocument(
  store: DocumentStore,
  templateId: string,
  source: RenderSource,
  request: { format: RenderFormat; values: Record<string, unknown>; by: string | null },
): Promise<IssueResult> {
  const snapshot = source.version === 'draft' ? draftSnapshot(source) : null;
  const rendered = await renderFile(snapshot?.source ?? source, { ...request, strict: true });
  if (!rendered.ok) return rendered;
  const { file } = rendered;
  const document = await store.recordDocument({
    templateId,
    templateTitle: source.template.meta.title,
    version: source.version,
    markdown: snapshot?.markdown ?? null,
    values: request.values,
    format: request.format,
    by: request.by,
    sha256: sha256Hex(file.body),
    bytes: file.body.byteLength,
    filename: file.filename,
  });
  return { ok: true, file, document };
}
