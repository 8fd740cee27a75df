import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { parseTemplate } from '@clausewright/markdown';
import { eachBodyClause, type Template } from '@clausewright/model';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO_TEMPLATES, startApp, type TestServer } from './startApp.ts';

const ID = 'wechat-miniprogram-service';
const REPO_IDS = ['software-development-contract', 'software-services-agreement', 'wechat-miniprogram-service'];
const RENDER = `/api/templates/${ID}/render`;

let server: TestServer;
let sample: Record<string, unknown>;

beforeAll(async () => {
  server = await startApp(REPO_TEMPLATES);
  sample = JSON.parse(await readFile(path.join(REPO_TEMPLATES, ID, 'sample.values.json'), 'utf8'));
});
afterAll(() => server.close());

describe('the API over the repository templates', () => {
  it('answers the health check', async () => {
    const res = await server.get('/healthz');
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ ok: true });
  });

  it('lists every seeded template from storage with its title and last change', async () => {
    const res = await server.get('/api/templates');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/json; charset=utf-8');
    const list = (await res.json()) as { id: string; updatedAt: string }[];
    expect(list.map((t) => t.id).sort()).toEqual(REPO_IDS);
    const wechat = list.find((t) => t.id === ID);
    expect(wechat).toEqual({
      id: ID,
      title: '微信小程序服务合同书',
      locale: 'zh-CN',
      numbering: 'zh-article',
      updatedAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/),
    });
  });

  it('returns the metadata of one template with its clause and field counts', async () => {
    const res = await server.get(`/api/templates/${ID}`);
    expect(res.status).toBe(200);
    const meta = (await res.json()) as Record<string, unknown>;
    const source = parseTemplate(await readFile(path.join(REPO_TEMPLATES, ID, 'template.md'), 'utf8'));
    let clauses = 0;
    for (const _ of eachBodyClause(source.body)) clauses++;
    expect(meta).toMatchObject({ id: ID, title: '微信小程序服务合同书', locale: 'zh-CN', numbering: 'zh-article' });
    expect(meta.clauses).toBe(clauses);
    expect(meta.fields).toBe(Object.keys(source.fields).length);
  });

  it('returns the model of one template', async () => {
    const res = await server.get(`/api/templates/${ID}/model`);
    expect(res.status).toBe(200);
    const model = (await res.json()) as Template;
    expect(Object.keys(model).sort()).toEqual(['body', 'fields', 'meta']);
    expect(model.meta.id).toBe(ID);
    expect(model.fields.party_a?.label).toBe('甲方名称');
    expect(model.body.some((b) => b.type === 'clauses')).toBe(true);
  });

  it('exports the draft as Clause Markdown that reads back as the same template', async () => {
    const res = await server.get(`/api/templates/${ID}/export`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/markdown; charset=utf-8');
    const text = await res.text();
    const model = (await (await server.get(`/api/templates/${ID}/model`)).json()) as Template;
    expect(parseTemplate(text, { expectedId: ID })).toEqual(model);
  });

  it('renders an HTML fragment with the values filled in', async () => {
    const res = await server.post(RENDER, { format: 'html', values: sample });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
    const html = await res.text();
    expect(html).toMatch(/^<article class="cw-doc"/);
    expect(html).toContain(String(sample.party_a));
    expect(html).not.toContain('cw-missing');
  });

  it('renders a standalone HTML page on request', async () => {
    const res = await server.post(RENDER, { format: 'html', standalone: true });
    expect(await res.text()).toMatch(/^<!doctype html>/);
  });

  it('renders plain text', async () => {
    const res = await server.post(RENDER, { format: 'txt', values: sample, strict: true });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/plain; charset=utf-8');
    const text = await res.text();
    expect(text).toContain('第一条');
    expect(text).toContain(String(sample.party_b));
  });

  it('renders a Word file as an attachment', async () => {
    const res = await server.post(RENDER, { format: 'docx', values: sample, strict: true });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe(
      'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    );
    expect(res.headers.get('content-disposition')).toBe(
      `attachment; filename*=UTF-8''${encodeURIComponent('微信小程序服务合同书.docx')}`,
    );
    const bytes = new Uint8Array(await res.arrayBuffer());
    // A .docx is a zip: it starts with the local file header "PK\x03\x04".
    expect([...bytes.subarray(0, 4)]).toEqual([0x50, 0x4b, 0x03, 0x04]);
  });

  it('renders a draft with gaps when values are missing', async () => {
    const res = await server.post(RENDER, { format: 'html' });
    expect(res.status).toBe(200);
    expect(await res.text()).toContain('cw-missing');
  });

  it('refuses a strict render with 422 listing every problem', async () => {
    const { party_a: _dropped, ...values } = sample;
    const res = await server.post(RENDER, {
      format: 'txt',
      mode: 'strict',
      values: { ...values, amount: 'lots', typo: 1 },
    });
    expect(res.status).toBe(422);
    const body = (await res.json()) as { error: string; problems: { code: string; field?: string }[] };
    expect(body.error).toEqual(expect.any(String));
    expect(body.problems).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ code: 'missing-value', field: 'party_a' }),
        expect.objectContaining({ code: 'invalid-value', field: 'amount' }),
        expect.objectContaining({ code: 'unknown-value', field: 'typo' }),
      ]),
    );
  });

  it('checks values without rendering', async () => {
    const empty = await server.post(`/api/templates/${ID}/check`, {});
    const problems = ((await empty.json()) as { problems: { code: string }[] }).problems;
    expect(problems.length).toBeGreaterThan(1);
    expect(problems.every((p) => p.code === 'missing-value')).toBe(true);

    const full = await server.post(`/api/templates/${ID}/check`, { values: sample });
    expect(await full.json()).toEqual({ problems: [] });
  });

  it('serves the sample values, the preview stylesheet and the formats', async () => {
    expect(await (await server.get(`/api/templates/${ID}/sample-values`)).json()).toEqual(sample);
    const css = await server.get('/api/preview.css');
    expect(css.headers.get('content-type')).toBe('text/css; charset=utf-8');
    expect(await css.text()).toContain('.cw-doc');
    const { formats } = (await (await server.get('/api/formats')).json()) as { formats: string[] };
    expect(formats).toEqual(['html', 'txt', 'docx']);
  });
});

describe('bad requests', () => {
  const expectError = async (res: Response, status: number, pattern: RegExp) => {
    expect(res.status).toBe(status);
    expect(res.headers.get('content-type')).toBe('application/json; charset=utf-8');
    const body = (await res.json()) as { error: string };
    expect(body.error).toMatch(pattern);
  };

  it('answers 404 for an unknown template', async () => {
    await expectError(await server.get('/api/templates/no-such-template'), 404, /no template "no-such-template"/);
    await expectError(
      await server.post('/api/templates/no-such-template/render', { format: 'txt' }),
      404,
      /no template/,
    );
  });

  it('answers 404 for an unknown route and 405 for a wrong method', async () => {
    await expectError(await server.get('/api/nothing'), 404, /no route/);
    const res = await server.post('/api/templates/x/model', {});
    expect(res.headers.get('allow')).toBe('GET');
    await expectError(res, 405, /POST is not allowed/);
  });

  it('answers 400 for malformed JSON', async () => {
    await expectError(await server.post(RENDER, '{"format": "html",'), 400, /not valid JSON/);
  });

  it('answers 400 for a body that is not an object, a bad format or bad options', async () => {
    await expectError(await server.post(RENDER, '[]'), 400, /must be a JSON object/);
    await expectError(await server.post(RENDER, ''), 400, /must be a JSON object/);
    await expectError(await server.post(RENDER, { format: 'pdf' }), 400, /"format" must be one of html, txt, docx/);
    await expectError(await server.post(RENDER, {}), 400, /"format"/);
    await expectError(await server.post(RENDER, { format: 'txt', values: [1] }), 400, /"values" must be a JSON object/);
    await expectError(
      await server.post(RENDER, { format: 'txt', strict: 'yes' }),
      400,
      /"strict" must be true or false/,
    );
    await expectError(await server.post(RENDER, { format: 'txt', mode: 'final' }), 400, /"mode" must be/);
  });

  it('answers 400 for a malformed URL segment', async () => {
    await expectError(await server.get('/api/templates/%E0%A4%A'), 400, /malformed URL/);
  });

  it('answers 413 for a body over 1 MB and keeps serving', async () => {
    const big = JSON.stringify({ format: 'txt', values: { party_a: 'x'.repeat(1024 * 1024) } });
    await expectError(await server.post(RENDER, big), 413, /larger than 1048576 bytes/);
    expect((await server.get('/healthz')).status).toBe(200);
  });

  it('answers 413 for an oversize chunked body that announces no length', async () => {
    const chunk = new TextEncoder().encode(' '.repeat(64 * 1024));
    let sent = 0;
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        // 2 MB in all; the server refuses after the first 1 MB.
        if (sent >= 32) controller.close();
        else controller.enqueue(chunk);
        sent++;
      },
    });
    const res = await server.fetch(RENDER, { method: 'POST', body, duplex: 'half' } as RequestInit);
    await expectError(res, 413, /larger than/);
    expect((await server.get('/healthz')).status).toBe(200);
  });
});
