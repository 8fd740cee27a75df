import type { IncomingMessage } from 'node:http';
import { HttpError } from '../HttpError.ts';
import { readJsonBody } from '../readJsonBody.ts';
import type { DocumentStore, ValuesSetInfo, VersionRef } from '../storage/DocumentStore.ts';
import { type ApiRoute, callerOf } from './ApiRoute.ts';
import { parseNewValuesSet, parseValuesSetPatch } from './parseValuesSetRequest.ts';
import { sendJson } from './sendJson.ts';

/** A values set as the API shows it: times as ISO 8601. */
export function valuesSetJson(set: ValuesSetInfo & { values?: Record<string, unknown> }) {
  const { id, name, templateId, version, createdAt, updatedAt, by } = set;
  const info = {
    id,
    name,
    templateId,
    version,
    createdAt: new Date(createdAt).toISOString(),
    updatedAt: new Date(updatedAt).toISOString(),
    by,
  };
  return set.values === undefined ? info : { ...info, values: set.values };
}

const SETS = /^\/api\/templates\/([^/]+)\/values$/;
const SET = /^\/api\/templates\/([^/]+)\/values\/([^/]+)$/;

/**
 * Named values sets of a template: list, create, read, change, delete under `/api/templates/:id/values`. They are fill
 * data, not the template, so viewers (who fill) may save them too; `by` is the account that created the set.
 */
export function valuesSetRoutes(options: { store: DocumentStore; bodyLimit: number }): ApiRoute[] {
  const { store, bodyLimit } = options;
  const template = async (id: string) => {
    if (!(await store.summary(id))) throw new HttpError(404, `no template "${id}"`);
  };
  // A set remembers a version that exists: a number the template has, the draft, or none.
  const checkVersion = async (id: string, version: VersionRef | null | undefined) => {
    if (typeof version !== 'number') return;
    const versions = await store.listVersions(id);
    if (!versions.some((v) => v.version === version)) {
      throw new HttpError(400, `"version": template "${id}" has no version ${version}`);
    }
  };
  const notFound = (id: string, setId: string) => new HttpError(404, `template "${id}" has no values set "${setId}"`);
  const body = (req: IncomingMessage) => readJsonBody(req, bodyLimit);
  return [
    {
      method: 'GET',
      path: SETS,
      access: { role: 'viewer' },
      handle: async (_req, res, [id]) => {
        await template(id as string);
        sendJson(res, 200, (await store.listValuesSets(id as string)).map(valuesSetJson));
      },
    },
    {
      method: 'POST',
      path: SETS,
      access: { role: 'viewer' },
      handle: async (req, res, [id], caller) => {
        await template(id as string);
        const set = { ...parseNewValuesSet(await body(req)), by: callerOf(caller).user.displayName };
        await checkVersion(id as string, set.version);
        const created = await store.createValuesSet({ ...set, templateId: id as string });
        res.setHeader('location', `/api/templates/${encodeURIComponent(id as string)}/values/${created.id}`);
        sendJson(res, 201, valuesSetJson(created));
      },
    },
    {
      method: 'GET',
      path: SET,
      access: { role: 'viewer' },
      handle: async (_req, res, [id, setId]) => {
        await template(id as string);
        const set = await store.getValuesSet(id as string, setId as string);
        if (!set) throw notFound(id as string, setId as string);
        sendJson(res, 200, valuesSetJson(set));
      },
    },
    {
      method: 'PUT',
      path: SET,
      access: { role: 'viewer' },
      handle: async (req, res, [id, setId]) => {
        await template(id as string);
        const patch = parseValuesSetPatch(await body(req));
        await checkVersion(id as string, patch.version);
        const updated = await store.updateValuesSet(id as string, setId as string, patch);
        if (!updated) throw notFound(id as string, setId as string);
        sendJson(res, 200, valuesSetJson(updated));
      },
    },
    {
      method: 'DELETE',
      path: SET,
      access: { role: 'viewer' },
      handle: async (_req, res, [id, setId]) => {
        await template(id as string);
        if (!(await store.deleteValuesSet(id as string, setId as string)))
          throw notFound(id as string, setId as string);
        res.writeHead(204);
        res.end();
      },
    },
  ];
}
