import type { Auth } from '../auth/Auth.ts';
import type { Logger } from '../createLogger.ts';
import { HttpError } from '../HttpError.ts';
import type { DocumentStore, IssuedDocumentInfo } from '../storage/DocumentStore.ts';
import { type ApiRoute, callerOf } from './ApiRoute.ts';
import { reissueDocument } from './reissueDocument.ts';
import { sendFile } from './sendFile.ts';
import { sendJson } from './sendJson.ts';
import type { VersionTemplates } from './VersionTemplates.ts';

/** An issued document as the API shows it: the record with its time as ISO 8601. */
export function documentJson(info: IssuedDocumentInfo) {
  const { id, templateId, templateTitle, version, format, by, createdAt, sha256, bytes, filename } = info;
  return {
    id,
    templateId,
    templateTitle,
    version,
    format,
    by,
    createdAt: new Date(createdAt).toISOString(),
    sha256,
    bytes,
    filename,
  };
}

/** `?template=<id>`, the only filter of the log; a repeated or empty one is a 400. */
function templateFilter(url: string): { templateId?: string } {
  const query = new URLSearchParams(url.includes('?') ? url.slice(url.indexOf('?') + 1) : '');
  const given = query.getAll('template');
  if (given.length === 0) return {};
  if (given.length > 1 || !given[0]) throw new HttpError(400, '"template" must be one template id');
  return { templateId: given[0] };
}

/** The documents log: `GET /api/documents[?template=]`, `/api/documents/:id` and `/api/documents/:id/download`. */
export function documentRoutes(options: {
  store: DocumentStore;
  templates: VersionTemplates;
  logger: Logger;
  auth: Auth | undefined;
}): ApiRoute[] {
  const { store, templates, logger, auth } = options;
  const record = async (id: string) => {
    const found = await store.getDocument(id);
    if (!found) throw new HttpError(404, `no issued document "${id}"`);
    return found;
  };
  // A document is as visible as its template: a viewer of it may read and download it.
  const access = {
    role: 'viewer',
    template: async ([id]: string[]) => (await record(id as string)).templateId,
  } as const;
  return [
    {
      method: 'GET',
      path: /^\/api\/documents$/,
      access: 'user',
      handle: async (req, res, _params, caller) => {
        // Only documents of templates the caller has a role on (an admin sees them all).
        const visible = auth ? await auth.visibleTemplates(callerOf(caller).user) : new Set<string>();
        const documents = await store.listDocuments(templateFilter(req.url ?? ''));
        sendJson(res, 200, documents.filter((d) => !visible || visible.has(d.templateId)).map(documentJson));
      },
    },
    {
      method: 'GET',
      path: /^\/api\/documents\/([^/]+)$/,
      access,
      handle: async (_req, res, [id]) => {
        const found = await record(id as string);
        sendJson(res, 200, { ...documentJson(found), values: found.values });
      },
    },
    {
      method: 'GET',
      path: /^\/api\/documents\/([^/]+)\/download$/,
      access,
      handle: async (_req, res, [id]) => {
        const found = await record(id as string);
        const file = await reissueDocument(templates, found, logger);
        sendFile(res, file, {
          'x-document-id': found.id,
          'x-document-sha256': found.sha256,
          'x-template-version': String(found.version),
          etag: `"sha256-${found.sha256}"`,
        });
      },
    },
  ];
}
