import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { waitFor } from '../collab/startCollab.ts';
import { typeIntoClause, useLiveServer } from '../liveServer.ts';
import { REPO_TEMPLATES } from '../startApp.ts';

const live = useLiveServer();
const ID = 'software-services-agreement';
const OTHER = 'wechat-miniprogram-service';
const samples: Record<string, Record<string, unknown>> = {};

beforeAll(async () => {
  for (const id of [ID, OTHER]) {
    samples[id] = JSON.parse(await readFile(path.join(REPO_TEMPLATES, id, 'sample.values.json'), 'utf8'));
  }
});

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');
const ISO = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/;

interface DocumentRow {
  id: string;
  templateId: string;
  templateTitle: string;
  version: number | 'draft';
  format: string;
  by: string | null;
  createdAt: string;
  sha256: string;
  bytes: number;
  filename: string;
}

/** Issues a document (a strict render); returns its bytes and the id the server gave it. */
async function issue(id: string, body: Record<string, unknown>) {
  const res = await live.server.post(`/api/templates/${id}/render`, { strict: true, values: samples[id], ...body });
  const bytes = new Uint8Array(await res.arrayBuffer());
  expect(res.status, new TextDecoder().decode(bytes.subarray(0, 300))).toBe(200);
  const documentId = res.headers.get('x-document-id');
  expect(documentId).toEqual(expect.any(String));
  return { res, bytes, id: documentId as string };
}

async function download(documentId: string) {
  const res = await live.server.get(`/api/documents/${documentId}/download`);
  return { res, bytes: new Uint8Array(await res.arrayBuffer()) };
}

const json = async (p: string) => {
  const res = await live.server.get(p);
  expect(res.status).toBe(200);
  return res.json();
};

describe('the documents log', () => {
  it('records an issued document with its template, version, values, format, who, when, hash, size and name', async () => {
    expect(await json('/api/documents')).toEqual([]);
    const before = Date.now();
    // `by` is the logged-in account's display name; the body's is ignored.
    const issued = await issue(ID, { format: 'docx', by: '王晓琳' });
    const listed = (await json('/api/documents')) as DocumentRow[];
    const { title } = (await json(`/api/templates/${ID}`)) as { title: string };
    const expected = {
      id: issued.id,
      templateId: ID,
      templateTitle: title,
      version: 'draft',
      format: 'docx',
      by: 'Admin',
      createdAt: expect.stringMatching(ISO),
      sha256: sha256(issued.bytes),
      bytes: issued.bytes.byteLength,
      filename: `${title}.docx`,
    };
    expect(listed).toEqual([expected]);
    expect(Date.parse(listed[0]?.createdAt ?? '')).toBeGreaterThanOrEqual(before - 1);
    expect(issued.res.headers.get('x-document-sha256')).toBe(expected.sha256);
    expect(await json(`/api/documents/${issued.id}`)).toEqual({ ...expected, values: samples[ID] });
  });

  it('re-downloads a byte-identical docx, txt and html of a version, with the same headers', async () => {
    const published = await live.server.post(`/api/templates/${ID}/versions`, { message: 'v1' });
    expect(published.status).toBe(201);
    for (const format of ['docx', 'txt', 'html']) {
      const issued = await issue(ID, { format, version: 1 });
      const again = await download(issued.id);
      expect(again.res.status).toBe(200);
      expect(sha256(again.bytes)).toBe(sha256(issued.bytes));
      for (const header of ['content-type', 'content-disposition', 'x-document-id', 'x-document-sha256']) {
        expect(again.res.headers.get(header), header).toBe(issued.res.headers.get(header));
      }
      expect(again.res.headers.get('x-template-version')).toBe('1');
    }
  });

  it('re-downloads a draft issue byte for byte after the draft changed, from the Markdown it recorded', async () => {
    const issued = await issue(ID, { format: 'docx', version: 'draft' });
    const txt = await issue(ID, { format: 'txt', version: 'draft' });
    const { doc } = await live.join(ID, 'Bob');
    typeIntoClause(doc, '后来加的字句');
    await waitFor(async () =>
      (await (await live.server.get(`/api/templates/${ID}/export`)).text()).includes('后来加的字句'),
    );
    const changed = await issue(ID, { format: 'txt', version: 'draft' });
    expect(new TextDecoder().decode(changed.bytes)).toContain('后来加的字句');
    for (const first of [issued, txt]) {
      const again = await download(first.id);
      expect(again.res.status).toBe(200);
      expect(sha256(again.bytes)).toBe(sha256(first.bytes));
      expect(again.res.headers.get('x-template-version')).toBe('draft');
    }
    expect(new TextDecoder().decode((await download(txt.id)).bytes)).not.toContain('后来加的字句');
  });

  it('lists newest first, all templates or one', async () => {
    const other = await issue(OTHER, { format: 'txt' });
    const all = (await json('/api/documents')) as DocumentRow[];
    expect(all[0]?.id).toBe(other.id);
    const times = all.map((d) => Date.parse(d.createdAt));
    expect([...times].sort((a, b) => b - a)).toEqual(times);
    const mine = (await json(`/api/documents?template=${ID}`)) as DocumentRow[];
    expect(mine.length).toBe(all.length - 1);
    expect(mine.every((d) => d.templateId === ID)).toBe(true);
    expect(await json(`/api/documents?template=${OTHER}`)).toEqual([all[0]]);
    expect(await json('/api/documents?template=nothing-here')).toEqual([]);
    const bad = await live.server.get('/api/documents?template=');
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { error: string }).error).toMatch(/"template"/);
  });

  it('answers 404 for an unknown document and 500, never a different file, when the re-render differs', async () => {
    for (const p of ['/api/documents/nope', '/api/documents/nope/download']) {
      const res = await live.server.get(p);
      expect(res.status).toBe(404);
      expect(((await res.json()) as { error: string }).error).toMatch(/no issued document "nope"/);
    }
    // A record whose hash no render gives, as if the renderer had changed since it was issued.
    const real = (await json(`/api/documents/${(await issue(OTHER, { format: 'txt' })).id}`)) as DocumentRow & {
      values: Record<string, unknown>;
    };
    const forged = await live.server.store.recordDocument({
      templateId: OTHER,
      templateTitle: real.templateTitle,
      version: 'draft',
      markdown: await (await live.server.get(`/api/templates/${OTHER}/export`)).text(),
      values: real.values,
      format: 'txt',
      by: null,
      sha256: '0'.repeat(64),
      bytes: real.bytes,
      filename: real.filename,
    });
    const res = await live.server.get(`/api/documents/${forged.id}/download`);
    expect(res.status).toBe(500);
    expect(res.headers.get('content-type')).toBe('application/json; charset=utf-8');
    expect(((await res.json()) as { error: string }).error).toMatch(/re-renders to different bytes/);
  });
});
