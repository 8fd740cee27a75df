import type { Logger } from '../createLogger.ts';
import { HttpError } from '../HttpError.ts';
import { parseRenderRequest } from '../parseRenderRequest.ts';
import { readJsonBody } from '../readJsonBody.ts';
import { renderFile } from '../renderFile.ts';
import type { DocumentStore } from '../storage/DocumentStore.ts';
import { type ApiRoute, callerOf } from './ApiRoute.ts';
import { issueDocument } from './issueDocument.ts';
import { sendFile } from './sendFile.ts';
import type { VersionTemplates } from './VersionTemplates.ts';

/**
 * `POST /api/templates/:id/render`: strict (the default, html aside) issues the document — 422 with every problem,
 * or the file recorded in the documents log with `x-document-id` and `x-document-sha256`; `strict: false` is a
 * preview with gaps, never recorded. Either way `x-template-version` says which text was rendered.
 */
export function renderRoute(options: {
  store: DocumentStore;
  templates: VersionTemplates;
  logger: Logger;
  bodyLimit: number;
}): ApiRoute {
  const { store, templates, logger, bodyLimit } = options;
  return {
    method: 'POST',
    path: /^\/api\/templates\/([^/]+)\/render$/,
    // Viewers issue documents too: rendering never changes the template.
    access: { role: 'viewer' },
    handle: async (req, res, [id], caller) => {
      // Issued by the logged-in account, whatever the body says.
      const request = {
        ...parseRenderRequest(await readJsonBody(req, bodyLimit)),
        by: callerOf(caller).user.displayName,
      };
      const source = await templates.source(id as string, request.version);
      const version = String(source.version);
      if (!request.strict) {
        const preview = await renderFile(source, request);
        if (!preview.ok) throw new Error('a preview render reported problems');
        return sendFile(res, preview.file, { 'x-template-version': version });
      }
      const issued = await issueDocument(store, id as string, source, request);
      if (!issued.ok) throw new HttpError(422, 'the document has problems', { problems: issued.problems });
      const { file, document } = issued;
      logger.info({ docId: id, documentId: document.id, version, format: document.format }, 'document issued');
      sendFile(res, file, {
        'x-document-id': document.id,
        'x-document-sha256': document.sha256,
        'x-template-version': version,
      });
    },
  };
}
