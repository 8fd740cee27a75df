import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import PizZip from 'pizzip';
import { beforeAll, describe, expect, it } from 'vitest';
import { waitFor } from '../collab/startCollab.ts';
import { typeIntoClause, useLiveServer } from '../liveServer.ts';
import { REPO_TEMPLATES } from '../startApp.ts';

const live = useLiveServer();
const ID = 'wechat-miniprogram-service';
const TITLE = '微信小程序服务合同书';
const RENDER = `/api/templates/${ID}/render`;
const DRAFT_WORDS = '只在草稿里的字句';
let sample: Record<string, unknown>;

beforeAll(async () => {
  sample = JSON.parse(await readFile(path.join(REPO_TEMPLATES, ID, 'sample.values.json'), 'utf8'));
});

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

interface Issued {
  res: Response;
  bytes: Uint8Array;
  text: string;
}

async function render(body: unknown, status = 200): Promise<Issued> {
  const res = await live.server.post(RENDER, body);
  const bytes = new Uint8Array(await res.arrayBuffer());
  const text = new TextDecoder().decode(bytes);
  expect(res.status, text.slice(0, 300)).toBe(status);
  return { res, bytes, text };
}

const json = async (p: string) => {
  const res = await live.server.get(p);
  expect(res.status).toBe(200);
  return res.json();
};

const coreDates = (docx: Uint8Array) =>
  new PizZip(docx)
    .file('docProps/core.xml')
    ?.asText()
    .match(/<dcterms:(?:created|modified)[^>]*>([^<]*)</g);

// The tests run in order over one server: the seed starts unpublished, then gets version 1, then its draft moves on.
describe('POST /api/templates/:id/render', () => {
  it('refuses a strict render with 422 listing every problem, and records nothing', async () => {
    const { party_a: _dropped, party_b: _also, ...values } = sample;
    for (const format of ['docx', 'txt', 'html']) {
      const { text } = await render({ format, strict: true, values: { ...values, amount: 'lots', typo: 1 } }, 422);
      const body = JSON.parse(text) as { error: string; problems: { code: string; field?: string }[] };
      expect(body.error).toEqual(expect.any(String));
      expect(body.problems).toEqual(
        expect.arrayContaining([
          expect.objectContaining({ code: 'missing-value', field: 'party_a' }),
          expect.objectContaining({ code: 'missing-value', field: 'party_b' }),
          expect.objectContaining({ code: 'invalid-value', field: 'amount' }),
          expect.objectContaining({ code: 'unknown-value', field: 'typo' }),
        ]),
      );
    }
    // Strict is the default for a file.
    await render({ format: 'docx', values: {} }, 422);
    expect(await json('/api/documents')).toEqual([]);
  });

  it('renders the draft when nothing is published, marked as a draft, and issues it', async () => {
    const { res, text } = await render({ format: 'txt', values: sample, by: ' 王晓琳 ' });
    expect(res.headers.get('x-template-version')).toBe('draft');
    expect(res.headers.get('content-disposition')).toBe(
      `attachment; filename*=UTF-8''${encodeURIComponent(`${TITLE}.txt`)}`,
    );
    expect(text.split('\n')[0]).toMatch(/^草稿 \/ DRAFT/);
    expect(text).toContain(String(sample.party_a));
    expect(res.headers.get('x-document-id')).toEqual(expect.any(String));
  });

  it('previews with gaps when not strict: not recorded, no document id, the draft marked too', async () => {
    const before = ((await json('/api/documents')) as unknown[]).length;
    const txt = await render({ format: 'txt', strict: false, values: {} });
    expect(txt.res.headers.get('x-document-id')).toBeNull();
    expect(txt.res.headers.get('x-template-version')).toBe('draft');
    expect(txt.text).toContain('＿＿＿＿');
    expect(txt.text).toMatch(/^草稿 \/ DRAFT/);
    // html without strict stays the editor's live preview: a fragment with the gaps marked.
    const html = await render({ format: 'html', values: {} });
    expect(html.text).toMatch(/^<article class="cw-doc"/);
    expect(html.text).toContain('cw-missing');
    expect(html.text).toContain('草稿 / DRAFT');
    expect(html.res.headers.get('x-document-id')).toBeNull();
    expect(((await json('/api/documents')) as unknown[]).length).toBe(before);
  });

  it('renders version N, not the draft that changed after it, by default and when asked', async () => {
    const published = await live.server.post(`/api/templates/${ID}/versions`, { message: 'v1', author: 'Alice' });
    expect(published.status).toBe(201);
    const { doc } = await live.join(ID, 'Bob');
    typeIntoClause(doc, DRAFT_WORDS);
    await waitFor(async () =>
      (await (await live.server.get(`/api/templates/${ID}/export`)).text()).includes(DRAFT_WORDS),
    );

    for (const version of [undefined, 1]) {
      const { res, text } = await render({ format: 'txt', values: sample, ...(version ? { version } : {}) });
      expect(res.headers.get('x-template-version')).toBe('1');
      expect(text).not.toContain(DRAFT_WORDS);
      expect(text).not.toContain('DRAFT');
      expect(text).toContain(String(sample.party_b));
    }
    const draft = await render({ format: 'txt', values: sample, version: 'draft' });
    expect(draft.res.headers.get('x-template-version')).toBe('draft');
    expect(draft.text).toContain(DRAFT_WORDS);
    expect(draft.text).toMatch(/^草稿 \/ DRAFT/);

    const docx = await render({ format: 'docx', values: sample, version: 1 });
    const xml = new PizZip(docx.bytes).file('word/document.xml')?.asText() ?? '';
    expect(xml).toContain(String(sample.party_a));
    expect(xml).not.toContain(DRAFT_WORDS);
  });

  it('gives the same bytes for the same version, values and format; dated with the version', async () => {
    const [v1] = (await json(`/api/templates/${ID}/versions`)) as { createdAt: string }[];
    for (const format of ['docx', 'txt', 'html']) {
      const first = await render({ format, strict: true, values: sample, version: 1 });
      const second = await render({ format, strict: true, values: sample, version: 1 });
      if (format === 'html') expect(first.text).toMatch(/^<!doctype html>/);
      expect(sha256(second.bytes)).toBe(sha256(first.bytes));
      expect(first.res.headers.get('x-document-sha256')).toBe(sha256(first.bytes));
      expect(second.res.headers.get('x-document-id')).not.toBe(first.res.headers.get('x-document-id'));
    }
    const docx = await render({ format: 'docx', values: sample, version: 1 });
    const stamp = `${(v1?.createdAt ?? '').slice(0, 19)}Z`;
    expect(coreDates(docx.bytes)).toEqual([
      `<dcterms:created xsi:type="dcterms:W3CDTF">${stamp}<`,
      `<dcterms:modified xsi:type="dcterms:W3CDTF">${stamp}<`,
    ]);
    // A draft has no publish time: a fixed date, so it too is reproducible.
    const draft = await render({ format: 'docx', values: sample, version: 'draft' });
    expect(coreDates(draft.bytes)?.[0]).toContain('2000-01-01T00:00:00Z');
  });

  it('answers 404 for an unknown template or version, 400 naming a bad field', async () => {
    const error = async (res: Response, status: number, pattern: RegExp) => {
      expect(res.status).toBe(status);
      expect(((await res.json()) as { error: string }).error).toMatch(pattern);
    };
    await error(await live.server.post(RENDER, { format: 'txt', version: 9 }), 404, /has no version 9/);
    await error(
      await live.server.post('/api/templates/nope/render', { format: 'txt', version: 1 }),
      404,
      /no template/,
    );
    await error(await live.server.post('/api/templates/nope/render', { format: 'txt' }), 404, /no template/);
    for (const version of [0, -1, 1.5, '1', 'latest', null, true]) {
      await error(await live.server.post(RENDER, { format: 'txt', version }), 400, /"version"/);
    }
    await error(await live.server.post(RENDER, { format: 'txt', by: 7 }), 400, /"by"/);
    await error(await live.server.post(RENDER, { format: 'txt', by: 'x'.repeat(81) }), 400, /"by"/);
    await error(await live.server.post(RENDER, { format: 'txt', values: 'a' }), 400, /"values"/);
    await error(await live.server.post(RENDER, { format: 'odt' }), 400, /"format"/);
    await error(await live.server.post(RENDER, '\u0000\xff{'), 400, /not valid JSON/);
  });
});
