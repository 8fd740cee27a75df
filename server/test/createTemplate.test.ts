import type { Template } from '@clausewright/model';
import { BODY_FIELD, META_MAP } from '@clausewright/schema';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { connect, synced, waitFor } from './collab/startCollab.ts';
import { REPO_TEMPLATES, startApp, type TestServer } from './startApp.ts';

let server: TestServer;

beforeAll(async () => {
  // Idle documents unload quickly, so a test can read a draft back from storage alone.
  server = await startApp(REPO_TEMPLATES, { unloadAfterMs: 50 });
});
afterAll(() => server.close());

interface Created {
  id: string;
  title: string;
  locale: string;
  numbering: string;
  updatedAt: string;
}

const model = async (id: string) => (await (await server.get(`/api/templates/${id}/model`)).json()) as Template;

const NDA = `---
schemaVersion: 1
id: mutual-nda
title: Mutual NDA
locale: en
numbering: decimal
fields:
  party:
    label: Party
    type: text
---

1. The parties are {{party}}.
   1. Each keeps the other's secrets. {#secrets}
1. See [[#secrets]].
`;

describe('POST /api/templates: blank', () => {
  it('creates a blank template with exactly one empty clause, and lists it', async () => {
    const res = await server.post('/api/templates', { title: 'Service Agreement', locale: 'en' });
    expect(res.status).toBe(201);
    const created = (await res.json()) as Created;
    expect(created).toEqual({
      id: 'service-agreement',
      title: 'Service Agreement',
      locale: 'en',
      numbering: 'decimal',
      updatedAt: expect.any(String),
    });
    expect(res.headers.get('location')).toBe('/api/templates/service-agreement');
    const { body, fields } = await model(created.id);
    expect(fields).toEqual({});
    expect(body).toHaveLength(1);
    const [block] = body;
    expect(block?.type).toBe('clauses');
    const clauses = block?.type === 'clauses' ? block.clauses : [];
    expect(clauses).toHaveLength(1);
    expect(clauses[0]?.id).toMatch(/^c[0-9a-f]{12}$/);
    expect(clauses[0]?.content).toEqual([]);
    const list = (await (await server.get('/api/templates')).json()) as Created[];
    expect(list.find((t) => t.id === created.id)).toEqual(created);
  });

  it('gives every blank template a fresh clause id', async () => {
    const a = (await (await server.post('/api/templates', { title: 'Fresh ids' })).json()) as Created;
    const b = (await (await server.post('/api/templates', { title: 'Fresh ids' })).json()) as Created;
    const first = (t: Template) => (t.body[0]?.type === 'clauses' ? t.body[0].clauses[0]?.id : undefined);
    expect(first(await model(a.id))).not.toBe(first(await model(b.id)));
  });

  it('numbers generated ids that clash, uses a UUID for titles without Latin letters', async () => {
    const first = (await (await server.post('/api/templates', { title: 'Lease' })).json()) as Created;
    const second = (await (await server.post('/api/templates', { title: 'Lease' })).json()) as Created;
    expect([first.id, second.id]).toEqual(['lease', 'lease-2']);
    const zh = (await (await server.post('/api/templates', { title: '劳动合同' })).json()) as Created;
    expect(zh.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    expect(zh).toMatchObject({ title: '劳动合同', locale: 'zh-CN', numbering: 'zh-article' });
  });

  it('takes an explicit id and answers 409 when it exists', async () => {
    const res = await server.post('/api/templates', { title: 'Mine', id: 'my-own-id', numbering: 'legal-en' });
    expect(res.status).toBe(201);
    expect(await res.json()).toMatchObject({ id: 'my-own-id', numbering: 'legal-en' });
    const again = await server.post('/api/templates', { title: 'Other', id: 'my-own-id' });
    expect(again.status).toBe(409);
    expect(await again.json()).toEqual({ error: 'a template with id "my-own-id" already exists' });
    expect((await model('my-own-id')).meta.title).toBe('Mine');
  });

  it('refuses bad input with 400 naming the field', async () => {
    const cases: [unknown, RegExp][] = [
      [[], /must be a JSON object/],
      [{}, /"title" must be a non-empty string/],
      [{ title: '  ' }, /"title"/],
      [{ title: 'x'.repeat(201) }, /"title" must be at most 200/],
      [{ title: 'T', locale: 'fr' }, /"locale" must be one of zh-CN, en/],
      [{ title: 'T', numbering: 'roman' }, /"numbering" must be one of/],
      [{ title: 'T', id: 'Has Spaces' }, /"id" must be lowercase/],
      [{ title: 'T', id: '../etc' }, /"id"/],
      [{ markdown: 42 }, /"markdown" must be a non-empty string/],
    ];
    for (const [body, error] of cases) {
      const res = await server.post('/api/templates', body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(((await res.json()) as { error: string }).error).toMatch(error);
    }
  });
});

describe('POST /api/templates: Clause Markdown import', () => {
  it('imports a template, generating ids for clauses written without one', async () => {
    const res = await server.post('/api/templates', { markdown: NDA });
    expect(res.status).toBe(201);
    expect(await res.json()).toMatchObject({ id: 'mutual-nda', title: 'Mutual NDA', locale: 'en' });
    const { body, fields } = await model('mutual-nda');
    expect(fields.party?.label).toBe('Party');
    const clauses = body.find((b) => b.type === 'clauses');
    const ids = clauses?.type === 'clauses' ? [clauses.clauses[0]?.id, clauses.clauses[0]?.children[0]?.id] : [];
    expect(ids[0]).toMatch(/^c[0-9a-z]{8}$/);
    expect(ids[1]).toBe('secrets');
    const again = await server.post('/api/templates', { markdown: NDA });
    expect(again.status).toBe(409);
  });

  it('answers 422 with every syntax problem as file:line:column', async () => {
    const broken = NDA.replace('id: mutual-nda', 'id: broken-nda').replace('{{party}}', '{{nobody}}');
    const res = await server.post('/api/templates', { markdown: broken });
    expect(res.status).toBe(422);
    const body = (await res.json()) as { error: string; problems: unknown[] };
    expect(body.error).toBe('the Clause Markdown has errors');
    expect(body.problems).toEqual([
      { file: 'template.md', line: 13, column: expect.any(Number), message: expect.stringContaining('nobody') },
    ]);
    expect((await server.get('/api/templates/broken-nda')).status).toBe(404);
  });
});

describe('reading the current draft', () => {
  it('reads live edits from the loaded document, then from storage once it is unloaded', async () => {
    const { id } = (await (
      await server.post('/api/templates', { markdown: NDA.replace('mutual-nda', 'live-nda') })
    ).json()) as Created;
    const doc = new Y.Doc();
    const provider = connect(server.wsUrl, id, doc, 'editor', { authorization: server.authorization });
    try {
      await synced(provider);
      doc.transact(() => {
        doc.getMap(META_MAP).set('title', 'Renamed NDA');
        const clause = doc
          .getXmlFragment(BODY_FIELD)
          .toArray()
          .find((n) => n instanceof Y.XmlElement && n.nodeName === 'clause');
        const text = (clause as Y.XmlElement).toArray().find((n) => n instanceof Y.XmlText) as Y.XmlText;
        text.insert(0, 'EDITED ');
      });
      await waitFor(async () => (await (await server.get(`/api/templates/${id}/export`)).text()).includes('EDITED'));
      // The list reads the stored summary, written once the edit is stored.
      await waitFor(async () => {
        const list = (await (await server.get('/api/templates')).json()) as Created[];
        return list.find((t) => t.id === id)?.title === 'Renamed NDA';
      });
      expect((await model(id)).meta.title).toBe('Renamed NDA');
    } finally {
      provider.destroy();
      doc.destroy();
    }
    await waitFor(() => server.hub.loaded(id) === undefined);
    const exported = await (await server.get(`/api/templates/${id}/export`)).text();
    expect(exported).toContain('EDITED The parties are');
    expect(exported).toContain('title: Renamed NDA');
  });
});
