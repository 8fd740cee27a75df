import type { Logger } from '../createLogger.ts';
import { HttpError } from '../HttpError.ts';
import { type RenderedFile, type RenderSource, renderFile } from '../renderFile.ts';
import type { IssuedDocument } from '../storage/DocumentStore.ts';
import { sha256Hex, templateOfMarkdown } from './issueDocument.ts';
import type { VersionTemplates } from './VersionTemplates.ts';

/**
 * Renders an issued document again from its record: the same version (or the stored draft Markdown), values and
 * format. Answers only a byte-identical file: when the hash differs (the renderer changed since) or the render now
 * fails, it logs that and throws a 500 rather than hand out a different file under the same record.
 */
export async function reissueDocument(
  templates: VersionTemplates,
  record: IssuedDocument,
  logger: Logger,
): Promise<RenderedFile> {
  let source: RenderSource;
  if (record.version === 'draft') {
    if (record.markdown === null) throw new Error(`issued document ${record.id} is a draft without its Markdown`);
    source = { template: templateOfMarkdown(record.markdown), version: 'draft', publishedAt: null };
  } else {
    source = await templates.source(record.templateId, record.version);
  }
  const rendered = await renderFile(source, { format: record.format, values: record.values, strict: true });
  const sha256 = rendered.ok ? sha256Hex(rendered.file.body) : null;
  if (rendered.ok && sha256 === record.sha256) return { ...rendered.file, filename: record.filename };
  const context = { documentId: record.id, docId: record.templateId, version: record.version, format: record.format };
  if (!rendered.ok) {
    logger.error({ ...context, problems: rendered.problems }, 'issued document no longer renders');
    throw new HttpError(500, `issued document ${record.id} can no longer be rendered from its record`, {
      problems: rendered.problems,
    });
  }
  logger.error({ ...context, expected: record.sha256, actual: sha256 }, 'issued document re-rendered differently');
  throw new HttpError(
    500,
    `issued document ${record.id} re-renders to different bytes (sha256 ${sha256}, issued ${record.sha256}): ` +
      'the renderer changed since it was issued; refusing to serve a different file',
  );
}
