import type { Problem, Template, Values } from '@clausewright/model';
import { ApiError, postJson, request, templatePath } from '../api.ts';
import { contentDispositionFilename } from './contentDisposition.ts';

/** What the fill page fills: a published version, or the live draft. */
export type FillVersion = number | 'draft';

/** A published version as `GET /api/templates/:id/versions` lists it (newest first). */
export interface VersionInfo {
  version: number;
  message: string;
  author: string | null;
  createdAt: string;
  hash: string;
}

export type DocumentFormat = 'docx' | 'txt' | 'html';

/** One issued document in the log (`GET /api/documents`). */
export interface DocumentRecord {
  id: string;
  templateId: string;
  templateTitle: string;
  version: FillVersion;
  format: DocumentFormat;
  by: string | null;
  createdAt: string;
  sha256: string;
  bytes: number;
  filename: string;
}

/** A saved set of values; `version` is the one it was filled against (null when it was not said). */
export interface ValuesSetInfo {
  id: string;
  name: string;
  templateId: string;
  version: FillVersion | null;
  createdAt: string;
  updatedAt: string;
  by: string | null;
}

export interface ValuesSet extends ValuesSetInfo {
  values: Record<string, unknown>;
}

/** A file the server rendered, with what its headers say about it. */
export interface RenderedFile {
  blob: Blob;
  filename: string;
  /** The documents log entry; absent for a render that was not issued. */
  documentId: string | null;
  sha256: string | null;
  version: string | null;
}

const init = (signal?: AbortSignal): RequestInit => (signal ? { signal } : {});

/** The published versions, newest first (empty when the template has none). */
export async function fetchVersions(id: string, signal?: AbortSignal): Promise<VersionInfo[]> {
  return (await request(`${templatePath(id)}/versions`, init(signal))).json();
}

/** A version's Template, or the live draft's. */
export async function fetchModel(id: string, version: FillVersion, signal?: AbortSignal): Promise<Template> {
  const path = version === 'draft' ? `${templatePath(id)}/model` : `${templatePath(id)}/versions/${version}/model`;
  return (await request(path, init(signal))).json();
}

async function readFile(res: Response, fallbackName: string): Promise<RenderedFile> {
  return {
    blob: await res.blob(),
    filename: contentDispositionFilename(res.headers.get('content-disposition')) ?? fallbackName,
    documentId: res.headers.get('x-document-id'),
    sha256: res.headers.get('x-document-sha256'),
    version: res.headers.get('x-template-version'),
  };
}

export interface IssueRequest {
  version: FillVersion;
  values: Values;
  format: DocumentFormat;
}

/**
 * Issues a document: a strict render on the server, recorded in the documents log. Throws ApiError; a 422 carries
 * every problem with the values.
 */
export async function issueDocument(id: string, req: IssueRequest, signal?: AbortSignal): Promise<RenderedFile> {
  // No `by`: the server records the logged-in account as who issued it.
  const body = { version: req.version, values: req.values, format: req.format, strict: true };
  const res = await postJson(`${templatePath(id)}/render`, body, signal);
  return readFile(res, `${id}.${req.format}`);
}

/** The documents log, newest first, optionally of one template. */
export async function fetchDocuments(templateId?: string, signal?: AbortSignal): Promise<DocumentRecord[]> {
  const query = templateId ? `?template=${encodeURIComponent(templateId)}` : '';
  return (await request(`/api/documents${query}`, init(signal))).json();
}

const documentPath = (id: string) => `/api/documents/${encodeURIComponent(id)}`;

/** An issued document rendered again from its record: the same bytes as the first time. */
export async function downloadDocument(record: DocumentRecord, signal?: AbortSignal): Promise<RenderedFile> {
  return readFile(await request(`${documentPath(record.id)}/download`, init(signal)), record.filename);
}

const valuesPath = (id: string, setId?: string) =>
  `${templatePath(id)}/values${setId === undefined ? '' : `/${encodeURIComponent(setId)}`}`;

const sendJson = (method: string, path: string, body: unknown) =>
  request(path, { method, headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });

/** The template's saved values sets, newest first. */
export async function fetchValuesSets(id: string, signal?: AbortSignal): Promise<ValuesSetInfo[]> {
  return (await request(valuesPath(id), init(signal))).json();
}

export async function fetchValuesSet(id: string, setId: string, signal?: AbortSignal): Promise<ValuesSet> {
  return (await request(valuesPath(id, setId), init(signal))).json();
}

export interface ValuesSetBody {
  name: string;
  version: FillVersion;
  values: Values;
}

/** Saves a new set; the server records the logged-in account as who made it. */
export async function createValuesSet(id: string, body: ValuesSetBody): Promise<ValuesSet> {
  return (await sendJson('POST', valuesPath(id), body)).json();
}

/** Overwrites a set's values (and the version they were filled against), keeping its name. */
export async function updateValuesSet(id: string, setId: string, body: Partial<ValuesSetBody>): Promise<ValuesSet> {
  return (await sendJson('PUT', valuesPath(id, setId), body)).json();
}

export async function deleteValuesSet(id: string, setId: string): Promise<void> {
  await request(valuesPath(id, setId), { method: 'DELETE' });
}

/** The problems a failed request carries (a strict render's 422), or none. */
export function problemsOf(error: unknown): Problem[] {
  return error instanceof ApiError ? error.problems : [];
}
