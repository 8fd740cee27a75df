import type { IncomingMessage, RequestListener, ServerResponse } from 'node:http';
import { resolveTemplate } from '@clausewright/model';
import { HTML_STYLE } from '@clausewright/render';
import { HttpError } from './HttpError.ts';
import { parseCheckRequest, parseRenderRequest } from './parseRenderRequest.ts';
import { BODY_LIMIT, readJsonBody } from './readJsonBody.ts';
import { RENDER_FORMATS, renderFile } from './renderFile.ts';
import type { LibraryEntry, TemplateLibrary } from './TemplateLibrary.ts';

export interface AppOptions {
  /** Largest request body accepted, in bytes; 1 MB by default. */
  bodyLimit?: number;
}

type LoadedEntry = Extract<LibraryEntry, { errors?: undefined }>;

interface Route {
  method: 'GET' | 'POST';
  path: RegExp;
  handle(req: IncomingMessage, res: ServerResponse, params: string[]): Promise<void> | void;
}

/**
 * The HTTP API as a request listener, separate from `listen` so tests can bind port 0.
 * Every failure is answered as JSON `{ error, problems? }`; nothing a client sends can crash the process.
 */
export function createApp(library: TemplateLibrary, options: AppOptions = {}): RequestListener {
  const bodyLimit = options.bodyLimit ?? BODY_LIMIT;

  const loaded = (id: string): LoadedEntry => {
    const entry = library.get(id);
    if (!entry) throw new HttpError(404, `no template "${id}"`);
    if (!entry.template) throw new HttpError(422, `template "${id}" has errors`, { problems: entry.errors });
    return entry;
  };

  const routes: Route[] = [
    { method: 'GET', path: /^\/healthz$/, handle: (_req, res) => sendJson(res, 200, { ok: true }) },
    { method: 'GET', path: /^\/api\/templates$/, handle: (_req, res) => sendJson(res, 200, library.list()) },
    {
      method: 'GET',
      path: /^\/api\/templates\/([^/]+)$/,
      handle: (_req, res, [id]) => {
        const { meta, fields, body } = loaded(id as string).template;
        sendJson(res, 200, { meta, fields, body });
      },
    },
    {
      method: 'GET',
      path: /^\/api\/templates\/([^/]+)\/sample-values$/,
      handle: (_req, res, [id]) => {
        const { sample } = loaded(id as string);
        if (!sample) throw new HttpError(404, `template "${id}" has no sample values`);
        if (sample.error) throw new HttpError(422, 'the sample values cannot be read', { problems: [sample.error] });
        sendJson(res, 200, sample.values);
      },
    },
    {
      method: 'POST',
      path: /^\/api\/templates\/([^/]+)\/render$/,
      handle: async (req, res, [id]) => {
        const { template } = loaded(id as string);
        const request = parseRenderRequest(await readJsonBody(req, bodyLimit));
        const result = await renderFile(template, request);
        if (!result.ok) throw new HttpError(422, 'the document has problems', { problems: result.problems });
        const { file } = result;
        const body = typeof file.body === 'string' ? Buffer.from(file.body, 'utf8') : file.body;
        res.writeHead(200, {
          'content-type': file.contentType,
          'content-length': body.byteLength,
          'content-disposition': `${file.attachment ? 'attachment' : 'inline'}; filename="${encodeURIComponent(file.filename)}"`,
          'x-content-type-options': 'nosniff',
        });
        res.end(body);
      },
    },
    {
      method: 'POST',
      path: /^\/api\/templates\/([^/]+)\/check$/,
      handle: async (req, res, [id]) => {
        const { template } = loaded(id as string);
        const { values } = parseCheckRequest(await readJsonBody(req, bodyLimit));
        const { problems } = resolveTemplate(template, values ?? {}, { mode: 'strict' });
        sendJson(res, 200, { problems });
      },
    },
    { method: 'GET', path: /^\/api\/formats$/, handle: (_req, res) => sendJson(res, 200, { formats: RENDER_FORMATS }) },
    {
      method: 'GET',
      path: /^\/api\/preview\.css$/,
      handle: (_req, res) => {
        res.writeHead(200, { 'content-type': 'text/css; charset=utf-8', 'x-content-type-options': 'nosniff' });
        res.end(HTML_STYLE);
      },
    },
  ];

  const dispatch = async (req: IncomingMessage, res: ServerResponse) => {
    const pathname = (req.url ?? '/').split('?')[0] ?? '/';
    const matching = routes.filter((r) => r.path.test(pathname));
    if (matching.length === 0) throw new HttpError(404, `no route ${pathname}`);
    const method = req.method === 'HEAD' ? 'GET' : req.method;
    const route = matching.find((r) => r.method === method);
    if (!route) {
      const allow = matching.map((r) => r.method).join(', ');
      throw new HttpError(405, `${req.method} is not allowed on ${pathname}`, { headers: { allow } });
    }
    const params = (route.path.exec(pathname) ?? []).slice(1).map(decodeParam);
    await route.handle(req, res, params);
  };

  return (req, res) => {
    dispatch(req, res).catch((e: unknown) => {
      if (res.headersSent) {
        res.destroy();
        return;
      }
      if (e instanceof HttpError) {
        res.setHeader('x-content-type-options', 'nosniff');
        for (const [name, value] of Object.entries(e.headers)) res.setHeader(name, value);
        sendJson(res, e.status, e.problems ? { error: e.message, problems: e.problems } : { error: e.message });
        return;
      }
      console.error(`${req.method} ${req.url}:`, e);
      sendJson(res, 500, { error: 'internal server error' });
    });
  };
}

function sendJson(res: ServerResponse, status: number, data: unknown): void {
  const body = Buffer.from(JSON.stringify(data), 'utf8');
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'content-length': body.byteLength });
  res.end(body);
}

function decodeParam(raw: string): string {
  try {
    return decodeURIComponent(raw);
  } catch {
    throw new HttpError(400, `malformed URL segment "${raw}"`);
  }
}
