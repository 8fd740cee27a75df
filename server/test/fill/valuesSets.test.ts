import { describe, expect, it } from 'vitest';
import { useLiveServer } from '../liveServer.ts';

const live = useLiveServer();
const ID = 'wechat-miniprogram-service';
const OTHER = 'software-development-contract';
const SETS = `/api/templates/${ID}/values`;
const ISO = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/;

interface ValuesSet {
  id: string;
  name: string;
  templateId: string;
  version: number | 'draft' | null;
  createdAt: string;
  updatedAt: string;
  by: string | null;
  values?: Record<string, unknown>;
}

const send = (method: string, p: string, body?: unknown) =>
  live.server.fetch(p, {
    method,
    headers: { 'content-type': 'application/json' },
    ...(body === undefined ? {} : { body: typeof body === 'string' ? body : JSON.stringify(body) }),
  });

async function create(body: unknown, id = ID): Promise<ValuesSet> {
  const res = await send('POST', `/api/templates/${id}/values`, body);
  expect(res.status).toBe(201);
  const set = (await res.json()) as ValuesSet;
  expect(res.headers.get('location')).toBe(`/api/templates/${id}/values/${set.id}`);
  return set;
}

async function expectError(res: Response, status: number, pattern: RegExp) {
  expect(res.status).toBe(status);
  expect(res.headers.get('content-type')).toBe('application/json; charset=utf-8');
  expect(((await res.json()) as { error: string }).error).toMatch(pattern);
}

const info = (set: ValuesSet) => {
  const { values: _values, ...rest } = set;
  return rest;
};

describe('values sets', () => {
  it('creates, lists (most recently updated first), reads, changes and deletes a set', async () => {
    expect(await (await send('GET', SETS)).json()).toEqual([]);
    const half = { party_a: '某某公司', amount: 12800 };
    // `by` is the logged-in account's display name; the body's is ignored.
    const renewal = await create({ name: '  某某公司 2027 续约 ', values: half, by: '王晓琳' });
    expect(renewal).toEqual({
      id: expect.any(String),
      name: '某某公司 2027 续约',
      templateId: ID,
      version: null,
      createdAt: expect.stringMatching(ISO),
      updatedAt: renewal.createdAt,
      by: 'Admin',
      values: half,
    });
    const draft = await create({ name: '草稿试填', values: {}, version: 'draft' });
    expect(draft).toMatchObject({ version: 'draft', by: 'Admin', values: {} });
    expect(await (await send('GET', SETS)).json()).toEqual([info(draft), info(renewal)]);
    expect(await (await send('GET', `${SETS}/${renewal.id}`)).json()).toEqual(renewal);

    await new Promise((resolve) => setTimeout(resolve, 5));
    const changed = await send('PUT', `${SETS}/${renewal.id}`, { values: { ...half, amount: 9900 } });
    expect(changed.status).toBe(200);
    const updated = (await changed.json()) as ValuesSet;
    expect(updated).toEqual({ ...renewal, updatedAt: expect.stringMatching(ISO), values: { ...half, amount: 9900 } });
    expect(Date.parse(updated.updatedAt)).toBeGreaterThan(Date.parse(renewal.updatedAt));
    expect(((await (await send('GET', SETS)).json()) as ValuesSet[]).map((s) => s.id)).toEqual([renewal.id, draft.id]);
    const renamed = (await (
      await send('PUT', `${SETS}/${renewal.id}`, { name: '改名', version: 'draft' })
    ).json()) as ValuesSet;
    expect(renamed).toMatchObject({ name: '改名', version: 'draft', values: { ...half, amount: 9900 } });

    const removed = await send('DELETE', `${SETS}/${renewal.id}`);
    expect(removed.status).toBe(204);
    expect(await removed.text()).toBe('');
    await expectError(await send('GET', `${SETS}/${renewal.id}`), 404, /no values set/);
    await expectError(await send('DELETE', `${SETS}/${renewal.id}`), 404, /no values set/);
    expect(await (await send('GET', SETS)).json()).toEqual([info(draft)]);
  });

  it('remembers a published version, and refuses one the template does not have', async () => {
    await expectError(await send('POST', SETS, { name: 'v3', values: {}, version: 3 }), 400, /"version".*no version 3/);
    expect((await live.server.post(`/api/templates/${ID}/versions`, { message: 'v1' })).status).toBe(201);
    const set = await create({ name: 'v1 填写', values: { party_a: 'A' }, version: 1 });
    expect(set.version).toBe(1);
    await expectError(await send('PUT', `${SETS}/${set.id}`, { version: 2 }), 400, /no version 2/);
    const cleared = (await (await send('PUT', `${SETS}/${set.id}`, { version: null })).json()) as ValuesSet;
    expect(cleared.version).toBeNull();
  });

  it('keeps sets per template: 404 for an unknown template, or a set of another template', async () => {
    const elsewhere = await create({ name: 'other', values: {} }, OTHER);
    await expectError(await send('GET', `${SETS}/${elsewhere.id}`), 404, /no values set/);
    await expectError(await send('PUT', `${SETS}/${elsewhere.id}`, { name: 'x' }), 404, /no values set/);
    await expectError(await send('DELETE', `${SETS}/${elsewhere.id}`), 404, /no values set/);
    expect(((await (await send('GET', SETS)).json()) as ValuesSet[]).some((s) => s.id === elsewhere.id)).toBe(false);
    for (const [method, body] of [
      ['GET', undefined],
      ['POST', { name: 'n', values: {} }],
    ] as const) {
      await expectError(await send(method, '/api/templates/nope/values', body), 404, /no template "nope"/);
    }
    await expectError(await send('GET', `/api/templates/nope/values/${elsewhere.id}`), 404, /no template/);
    await expectError(await send('PATCH', SETS, {}), 405, /PATCH is not allowed/);
  });

  it('answers 400 naming the field for a bad name, values, version or body', async () => {
    const cases: [unknown, RegExp][] = [
      [{ values: {} }, /"name" is required/],
      [{ name: '   ', values: {} }, /"name" must be 1–200 characters/],
      [{ name: '名'.repeat(201), values: {} }, /"name" must be 1–200 characters/],
      [{ name: 7, values: {} }, /"name" must be a string/],
      [{ name: 'n' }, /"values" is required/],
      [{ name: 'n', values: [1, 2] }, /"values" must be a JSON object/],
      [{ name: 'n', values: 'a=1' }, /"values" must be a JSON object/],
      [{ name: 'n', values: {}, version: 'v1' }, /"version"/],
      [{ name: 'n', values: {}, version: 0 }, /"version"/],
      [{ name: 'n', values: {}, by: {} }, /"by"/],
      [[], /must be a JSON object/],
      ['{"name":', /not valid JSON/],
      ['', /must be a JSON object/],
    ];
    for (const [body, pattern] of cases) await expectError(await send('POST', SETS, body), 400, pattern);
    expect(await create({ name: '名'.repeat(200), values: {} })).toMatchObject({ name: '名'.repeat(200) });
    const set = await create({ name: 'n', values: {} });
    await expectError(await send('PUT', `${SETS}/${set.id}`, {}), 400, /at least one of/);
    await expectError(await send('PUT', `${SETS}/${set.id}`, { values: null }), 400, /"values"/);
    await expectError(await send('PUT', `${SETS}/${set.id}`, { name: '' }), 400, /"name"/);
    await expectError(await send('PUT', `/api/templates/${ID}/values/%E0%A4%A`, { name: 'x' }), 400, /malformed URL/);
  });
});
