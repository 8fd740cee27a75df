import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { TemplateSummary } from '@clausewright/model';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApp, type TestServer } from './startApp.ts';

const GOOD = `---
schemaVersion: 1
id: good
title: Good Agreement
locale: en
numbering: decimal
fields:
  party:
    label: Party
    type: text
    required: true
---

# Good Agreement

1. The party is {{party}}. {#parties}
   1. First detail. {#detail-one}
   1. Second detail. {#detail-two}
1. See [[#parties]]. {#see}
`;

// Line 14 names a field the template does not define.
const BROKEN = `---
schemaVersion: 1
id: broken
title: Broken Agreement
locale: en
numbering: decimal
fields:
  party:
    label: Party
    type: text
---

1. Fine. {#fine}
1. Uses {{nope}}. {#bad}
`;

let dir: string;
let server: TestServer;

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'cw-templates-'));
  const put = async (id: string, files: Record<string, string>) => {
    await mkdir(path.join(dir, id));
    for (const [name, text] of Object.entries(files)) await writeFile(path.join(dir, id, name), text);
  };
  await put('good', { 'template.md': GOOD, 'sample.values.json': '{"party": "ACME Ltd"}' });
  await put('broken', { 'template.md': BROKEN });
  await put('empty', {});
  await put('plain', { 'template.md': GOOD.replace('id: good', 'id: plain') });
  await put('bad-sample', { 'template.md': GOOD.replace('id: good', 'id: bad-sample'), 'sample.values.json': '{' });
  server = await startApp(dir);
});

afterAll(async () => {
  await server.close();
  await rm(dir, { recursive: true, force: true });
});

describe('TemplateLibrary', () => {
  it('lists good and broken templates in id order', () => {
    expect(server.library.list().map((t) => t.id)).toEqual(['bad-sample', 'broken', 'empty', 'good', 'plain']);
  });

  it('summarises a good template, counting nested clauses', () => {
    const good = server.library.list().find((t) => t.id === 'good');
    expect(good).toEqual<TemplateSummary>({
      id: 'good',
      title: 'Good Agreement',
      locale: 'en',
      numbering: 'decimal',
      clauses: 4,
    });
  });

  it('keeps a broken template with its file:line:column errors', () => {
    const broken = server.library.get('broken');
    expect(broken?.template).toBeUndefined();
    const file = path.join(path.basename(dir), 'broken', 'template.md');
    expect(broken?.errors).toEqual([
      expect.objectContaining({ file, line: 14, column: expect.any(Number), message: expect.stringContaining('nope') }),
    ]);
  });

  it('reports a template folder without template.md', () => {
    expect(server.library.get('empty')?.errors).toEqual([
      expect.objectContaining({ line: 1, column: 1, message: 'missing template.md' }),
    ]);
  });

  it('keeps a template whose sample values are unreadable, with the sample error', () => {
    const entry = server.library.get('bad-sample');
    expect(entry?.template?.meta.id).toBe('bad-sample');
    expect(entry?.sample?.error?.message).toMatch(/invalid JSON/);
  });
});

describe('the API over a folder with a broken template', () => {
  it('imports only the good templates for editing and still serves them', async () => {
    const list = (await (await server.get('/api/templates')).json()) as { id: string }[];
    expect(list.map((t) => t.id).sort()).toEqual(['bad-sample', 'good', 'plain']);
    const res = await server.post('/api/templates/good/render', { format: 'txt', values: { party: 'ACME Ltd' } });
    expect(res.status).toBe(200);
    expect(await res.text()).toContain('ACME Ltd');
  });

  it('answers 404 for the model or a render of a template that was never imported', async () => {
    for (const res of [
      await server.get('/api/templates/broken/model'),
      await server.post('/api/templates/broken/render', { format: 'html' }),
    ]) {
      expect(res.status).toBe(404);
      expect(await res.json()).toEqual({ error: 'no template "broken"' });
    }
  });

  it('serves sample values, 404 without them and 422 when unreadable', async () => {
    expect(await (await server.get('/api/templates/good/sample-values')).json()).toEqual({ party: 'ACME Ltd' });
    expect((await server.get('/api/templates/plain/sample-values')).status).toBe(404);
    expect((await server.get('/api/templates/broken/sample-values')).status).toBe(404);
    expect((await server.get('/api/templates/bad-sample/sample-values')).status).toBe(422);
  });

  it('refuses a strict render listing the missing value', async () => {
    const res = await server.post('/api/templates/good/render', { format: 'html', strict: true });
    expect(res.status).toBe(422);
    expect(await res.json()).toEqual({
      error: 'the document has problems',
      problems: [expect.objectContaining({ code: 'missing-value', field: 'party' })],
    });
  });
});
