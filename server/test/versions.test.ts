import { createHash } from 'node:crypto';
import { parseTemplate } from '@clausewright/markdown';
import type { Template } from '@clausewright/model';
import { beforeAll, describe, expect, it } from 'vitest';
import { waitFor } from './collab/startCollab.ts';
import { typeIntoClause, useLiveServer } from './liveServer.ts';

const live = useLiveServer();
const join = async (id: string, name: string) => (await live.join(id, name)).doc;
let templateCount = 0;

const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

interface VersionRow {
  version: number;
  message: string;
  author: string | null;
  createdAt: string;
  hash: string;
}

/** A fresh blank template (one empty clause) for one test. */
async function newTemplate(): Promise<string> {
  const res = await live.server.post('/api/templates', { title: `Versions ${templateCount++}`, locale: 'en' });
  expect(res.status).toBe(201);
  return ((await res.json()) as { id: string }).id;
}

async function publish(id: string, body: unknown): Promise<VersionRow> {
  const res = await live.server.post(`/api/templates/${id}/versions`, body);
  expect(res.status).toBe(201);
  return (await res.json()) as VersionRow;
}

const text = async (path: string) => {
  const res = await live.server.get(path);
  expect(res.status).toBe(200);
  return res.text();
};

/** A y-websocket client on `id` as `name`, synced. */

describe('named versions over HTTP', () => {
  it('publishes the draft as versions 1, 2, 3 with message, author (the logged-in account), time and the hash of its export', async () => {
    const id = await newTemplate();
    const before = Date.now();
    const draft1 = await text(`/api/templates/${id}/export`);
    // The body's author is ignored: the version is signed by the account that publishes it.
    const v1 = await publish(id, { message: 'v1 — 初稿', author: 'Alice' });
    expect(v1).toEqual({
      version: 1,
      message: 'v1 — 初稿',
      author: 'Admin',
      createdAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/),
      hash: sha256(draft1),
    });
    expect(Date.parse(v1.createdAt)).toBeGreaterThanOrEqual(before - 1);
    const v2 = await publish(id, { message: '  second  ' });
    const v3 = await publish(id, { message: 'third', author: null });
    expect([v2.version, v3.version]).toEqual([2, 3]);
    expect(v2).toMatchObject({ message: 'second', author: 'Admin' });

    const res = await live.server.get(`/api/templates/${id}/versions`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual([v3, v2, v1]);

    const exported = await live.server.get(`/api/templates/${id}/versions/1/export`);
    expect(exported.headers.get('content-type')).toBe('text/markdown; charset=utf-8');
    expect(await exported.text()).toBe(draft1);
    const model = (await (await live.server.get(`/api/templates/${id}/versions/1/model`)).json()) as Template;
    expect(model).toEqual(parseTemplate(draft1, { expectedId: id }));
  });

  it('never changes a stored version when the draft is edited through a websocket client afterwards', async () => {
    const id = await newTemplate();
    const alice = await join(id, 'Alice');
    typeIntoClause(alice, 'The supplier shall deliver. ');
    await waitFor(async () => (await text(`/api/templates/${id}/export`)).includes('The supplier shall deliver.'));
    const v1 = await publish(id, { message: 'v1' });
    const export1 = await text(`/api/templates/${id}/versions/1/export`);
    const model1 = await text(`/api/templates/${id}/versions/1/model`);
    expect(export1).toContain('The supplier shall deliver.');
    expect(sha256(export1)).toBe(v1.hash);

    typeIntoClause(alice, 'Amended: ');
    alice.getMap('meta').set('title', 'Renamed after v1');
    await waitFor(async () => (await text(`/api/templates/${id}/export`)).includes('Amended: '));
    const v2 = await publish(id, { message: 'v2' });
    expect(v2.hash).not.toBe(v1.hash);

    expect(await text(`/api/templates/${id}/versions/1/export`)).toBe(export1);
    expect(await text(`/api/templates/${id}/versions/1/model`)).toBe(model1);
    const listed = (await (await live.server.get(`/api/templates/${id}/versions`)).json()) as VersionRow[];
    expect(listed.find((v) => v.version === 1)).toEqual(v1);
    expect(await text(`/api/templates/${id}/versions/2/export`)).toContain('Amended: The supplier shall deliver.');
  });

  it('lists no versions for a template never published', async () => {
    const id = await newTemplate();
    const res = await live.server.get(`/api/templates/${id}/versions`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual([]);
    expect((await live.server.get(`/api/templates/${id}/versions/1/export`)).status).toBe(404);
  });

  it('gives concurrent publishes distinct numbers', async () => {
    const id = await newTemplate();
    const made = await Promise.all(Array.from({ length: 8 }, (_, i) => publish(id, { message: `m${i}` })));
    expect(made.map((v) => v.version).sort((a, b) => a - b)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    const listed = (await (await live.server.get(`/api/templates/${id}/versions`)).json()) as VersionRow[];
    expect(listed.map((v) => v.version)).toEqual([8, 7, 6, 5, 4, 3, 2, 1]);
  });

  it('records which connection sent each update, by display name', async () => {
    const id = await newTemplate();
    const alice = await join(id, 'Alice');
    const bob = await join(id, 'Bob');
    typeIntoClause(alice, 'from alice ');
    await waitFor(() => bob.getXmlFragment('body').toString().includes('from alice'));
    typeIntoClause(bob, 'from bob ');
    await waitFor(async () => (await text(`/api/templates/${id}/export`)).includes('from bob from alice'));
    const loaded = live.server.hub.loaded(id);
    if (loaded) await live.server.hub.whenStored(loaded);
    const runs = await live.server.store.authorship(id);
    const inserted = (author: string) =>
      runs.filter((r) => r.author === author && r.kind === 'insert').map((r) => r.client);
    expect(inserted('Alice')).toContain(alice.clientID);
    expect(inserted('Bob')).toContain(bob.clientID);
    expect(inserted('Alice')).not.toContain(bob.clientID);
    expect(inserted('Bob')).not.toContain(alice.clientID);
    // The template's first content is attributed to its creation.
    expect(runs.some((r) => r.author === 'create')).toBe(true);
  });
});

describe('version requests that are refused', () => {
  let id: string;
  beforeAll(async () => {
    id = await newTemplate();
    await publish(id, { message: 'only' });
  });

  it.each([
    ['no body', undefined, /JSON object/],
    ['no message', { author: 'A' }, /"message" is required/],
    ['a blank message', { message: '   ' }, /"message" must be 1–500/],
    ['a message over 500 characters', { message: 'x'.repeat(501) }, /"message" must be 1–500/],
    ['an author that is not a string', { message: 'm', author: 7 }, /"author" must be a string/],
    ['an author over 80 characters', { message: 'm', author: 'a'.repeat(81) }, /"author" must be at most 80/],
  ])('400 for %s', async (_label, body, error) => {
    const res = await live.server.post(`/api/templates/${id}/versions`, body === undefined ? '' : body);
    expect(res.status).toBe(400);
    expect(((await res.json()) as { error: string }).error).toMatch(error);
  });

  it('400 for malformed JSON', async () => {
    const res = await live.server.post(`/api/templates/${id}/versions`, '{"message":');
    expect(res.status).toBe(400);
  });

  it('takes a 500-character CJK message (characters, not bytes)', async () => {
    const v = await publish(id, { message: '条'.repeat(500) });
    expect(v.message).toHaveLength(500);
  });

  it.each([
    ['POST', '/api/templates/no-such-template/versions'],
    ['GET', '/api/templates/no-such-template/versions'],
    ['GET', '/api/templates/no-such-template/versions/1/export'],
    ['GET', '/api/templates/no-such-template/versions/1/model'],
  ])('404 for %s %s (unknown template)', async (method, path) => {
    const res = method === 'POST' ? await live.server.post(path, { message: 'm' }) : await live.server.get(path);
    expect(res.status).toBe(404);
    expect(((await res.json()) as { error: string }).error).toMatch(/no template "no-such-template"/);
  });

  it.each(['0', '99', 'abc', '1.5'])('404 for version %s', async (n) => {
    for (const what of ['export', 'model']) {
      const res = await live.server.get(`/api/templates/${id}/versions/${n}/${what}`);
      expect(res.status).toBe(404);
      expect(res.headers.get('content-type')).toBe('application/json; charset=utf-8');
    }
  });
});

describe('GET /api/templates/:id/diff', () => {
  it('diffs a version against the draft and against another version, clause by clause', async () => {
    const id = await newTemplate();
    const alice = await join(id, 'Alice');
    typeIntoClause(alice, 'The supplier shall deliver.');
    await waitFor(async () => (await text(`/api/templates/${id}/export`)).includes('The supplier shall deliver.'));
    await publish(id, { message: 'v1' });
    typeIntoClause(alice, 'Promptly, ');
    await waitFor(async () => (await text(`/api/templates/${id}/export`)).includes('Promptly, '));

    const res = await live.server.get(`/api/templates/${id}/diff?from=1`);
    expect(res.status).toBe(200);
    const diff = (await res.json()) as DiffJson;
    expect(diff.identical).toBe(false);
    const [clause] = diff.clauses;
    expect(clause?.status).toBe('modified');
    expect(clause?.text).toContainEqual({ op: 'insert', text: expect.stringContaining('Promptly') });

    await publish(id, { message: 'v2' });
    const same = (await (await live.server.get(`/api/templates/${id}/diff?from=2&to=draft`)).json()) as DiffJson;
    expect(same.identical).toBe(true);
    const between = (await (await live.server.get(`/api/templates/${id}/diff?from=1&to=2`)).json()) as DiffJson;
    expect(between.clauses[0]?.status).toBe('modified');
  });

  it('refuses a missing or malformed side with 400 and an unknown version with 404', async () => {
    const id = await newTemplate();
    expect((await live.server.get(`/api/templates/${id}/diff`)).status).toBe(400);
    const bad = await live.server.get(`/api/templates/${id}/diff?from=v1`);
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { error: string }).error).toContain('"from"');
    expect((await live.server.get(`/api/templates/${id}/diff?from=1&to=draft`)).status).toBe(404);
    expect((await live.server.get('/api/templates/no-such-template/diff?from=draft')).status).toBe(404);
  });
});

interface DiffJson {
  identical: boolean;
  clauses: { status: string; text?: { op: string; text: string }[] }[];
}
