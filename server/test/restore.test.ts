import { serializeTemplate } from '@clausewright/markdown';
import { yDocToTemplate } from '@clausewright/schema';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { waitFor } from './collab/startCollab.ts';
import { typeIntoClause, useLiveServer } from './liveServer.ts';

const live = useLiveServer();
const { join } = live;
let count = 0;

/** A fresh template: alpha; beta (uses {{fee}}) with children beta-1, beta-2 (uses {{days}}); gamma. */
async function newTemplate(): Promise<string> {
  const id = `restore-${count++}`;
  const markdown = `---
schemaVersion: 1
id: ${id}
title: Restore ${id}
locale: en
numbering: decimal
fields:
  fee:
    label: Fee
    type: number
  days:
    label: Days
    type: number
---

1. Alpha clause. {#alpha}
1. Beta costs {{fee}}. {#beta}
   1. Beta child one. {#beta-1}
   1. Beta child two within {{days}} days. {#beta-2}
1. Gamma clause. {#gamma}
`;
  const res = await live.server.post('/api/templates', { markdown });
  expect(res.status).toBe(201);
  return id;
}

async function publish(id: string): Promise<number> {
  const res = await live.server.post(`/api/templates/${id}/versions`, { message: 'v' });
  expect(res.status).toBe(201);
  return ((await res.json()) as { version: number }).version;
}

const text = async (path: string) => {
  const res = await live.server.get(path);
  expect(res.status).toBe(200);
  return res.text();
};

const exportOf = (doc: Y.Doc) => serializeTemplate(yDocToTemplate(doc));

const blocks = (doc: Y.Doc) => doc.getXmlFragment('body').toArray() as Y.XmlElement[];
const indexOf = (doc: Y.Doc, id: string) => blocks(doc).findIndex((b) => b.getAttribute('id') === id);

/** The export's line holding clause `id`. */
const line = (markdown: string, id: string) => markdown.split('\n').find((l) => l.includes(`{#${id}`));

async function post(path: string, body: unknown) {
  const res = await live.server.post(path, body);
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

describe('restore through Yjs', () => {
  it('restores a whole version in every client: the export equals the version again', async () => {
    const id = await newTemplate();
    const a = await join(id, 'ann');
    const b = await join(id, 'bob');
    await publish(id);
    const v1 = await text(`/api/templates/${id}/versions/1/export`);
    typeIntoClause(a.doc, 'Changed ', 'alpha');
    b.doc.getXmlFragment('body').delete(indexOf(b.doc, 'gamma'), 1);
    b.doc.getMap('fields').delete('days');
    b.doc.getMap('meta').set('title', 'Renamed');
    await waitFor(async () => (await text(`/api/templates/${id}/export`)).includes('Renamed'));
    expect(await text(`/api/templates/${id}/export`)).not.toBe(v1);

    const res = await post(`/api/templates/${id}/versions/1/restore`, {});
    expect(res).toEqual({ status: 200, body: { restored: 'version', version: 1 } });
    expect(await text(`/api/templates/${id}/export`)).toBe(v1);
    await waitFor(() => exportOf(a.doc) === v1 && exportOf(b.doc) === v1);
  });

  it('restoring a newer version undoes a restore', async () => {
    const id = await newTemplate();
    const a = await join(id, 'ann');
    await publish(id);
    typeIntoClause(a.doc, 'Newer ', 'beta');
    await waitFor(async () => (await text(`/api/templates/${id}/export`)).includes('Newer'));
    await publish(id);
    const v1 = await text(`/api/templates/${id}/versions/1/export`);
    const v2 = await text(`/api/templates/${id}/versions/2/export`);
    expect(v2).not.toBe(v1);
    expect((await post(`/api/templates/${id}/versions/1/restore`, {})).status).toBe(200);
    await waitFor(() => exportOf(a.doc) === v1);
    expect((await post(`/api/templates/${id}/versions/2/restore`, {})).status).toBe(200);
    await waitFor(() => exportOf(a.doc) === v2);
    expect(await text(`/api/templates/${id}/export`)).toBe(v2);
  });

  it('restores one clause in place with its children and fields; nothing else changes', async () => {
    const id = await newTemplate();
    const a = await join(id, 'ann');
    const b = await join(id, 'bob');
    await publish(id);
    const v1 = await text(`/api/templates/${id}/versions/1/export`);
    typeIntoClause(a.doc, 'Edited ', 'beta');
    typeIntoClause(a.doc, 'Kept ', 'alpha');
    typeIntoClause(b.doc, 'Also kept ', 'gamma');
    b.doc.getXmlFragment('body').delete(indexOf(b.doc, 'beta-2'), 1);
    b.doc.getMap('fields').delete('days');
    await waitFor(() => exportOf(a.doc) === exportOf(b.doc) && !exportOf(a.doc).includes('{#beta-2}'));
    const before = await text(`/api/templates/${id}/export`);

    const res = await post(`/api/templates/${id}/clauses/beta/restore`, { version: 1 });
    expect(res).toEqual({ status: 200, body: { restored: 'clause', version: 1, clauseId: 'beta' } });
    const after = await text(`/api/templates/${id}/export`);
    for (const clause of ['beta', 'beta-1', 'beta-2']) expect(line(after, clause)).toBe(line(v1, clause));
    for (const clause of ['alpha', 'gamma']) expect(line(after, clause)).toBe(line(before, clause));
    expect(line(after, 'alpha')).toContain('Kept Alpha');
    expect(after).toMatch(/ {2}days:\n {4}label: Days/);
    await waitFor(() => exportOf(a.doc) === after && exportOf(b.doc) === after);
    // Outside the restored clause the body is byte-identical; the lost field is back, the others untouched.
    const rest = (md: string) => md.slice(md.indexOf('\n---\n')).replace(/.*\{#beta.*\n/g, '');
    expect(rest(after)).toBe(rest(before));
    const fields = (md: string) =>
      md
        .slice(0, md.indexOf('\n---\n'))
        .match(/ {2}\w+:\n( {4}.*\n)+/g)
        ?.sort();
    expect(fields(after)).toEqual(fields(v1));
  });

  it('re-inserts a deleted clause with its children after the block that preceded it', async () => {
    const id = await newTemplate();
    const a = await join(id, 'ann');
    const b = await join(id, 'bob');
    await publish(id);
    const v1 = await text(`/api/templates/${id}/versions/1/export`);
    // Delete beta and its children, and add a clause between alpha and gamma meanwhile.
    const body = a.doc.getXmlFragment('body');
    a.doc.transact(() => {
      body.delete(indexOf(a.doc, 'beta'), 3);
      const added = new Y.XmlElement('clause');
      added.setAttribute('id', 'delta');
      added.setAttribute('level', 1 as unknown as string);
      added.insert(0, [new Y.XmlText('Delta clause.')]);
      body.insert(indexOf(a.doc, 'gamma'), [added]);
    });
    await waitFor(() => indexOf(b.doc, 'beta') < 0 && indexOf(b.doc, 'delta') >= 0);

    expect((await post(`/api/templates/${id}/clauses/beta/restore`, { version: 1 })).status).toBe(200);
    const ids = (doc: Y.Doc) => blocks(doc).map((el) => el.getAttribute('id'));
    const order = ['alpha', 'beta', 'beta-1', 'beta-2', 'delta', 'gamma'];
    await waitFor(() => ids(a.doc).join() === order.join() && ids(b.doc).join() === order.join());
    const after = await text(`/api/templates/${id}/export`);
    for (const clause of ['alpha', 'beta', 'beta-1', 'beta-2', 'gamma']) {
      expect(line(after, clause)).toBe(line(v1, clause));
    }
    expect(exportOf(a.doc)).toBe(after);
  });

  it('moves a child that was moved out of the clause back, without duplicating it', async () => {
    const id = await newTemplate();
    const a = await join(id, 'ann');
    const b = await join(id, 'bob');
    await publish(id);
    const v1 = await text(`/api/templates/${id}/versions/1/export`);
    const body = a.doc.getXmlFragment('body');
    a.doc.transact(() => {
      const child = blocks(a.doc)[indexOf(a.doc, 'beta-1')] as Y.XmlElement;
      const copy = child.clone();
      copy.setAttribute('level', 1 as unknown as string);
      body.delete(indexOf(a.doc, 'beta-1'), 1);
      body.insert(body.length, [copy]);
    });
    await waitFor(() => indexOf(b.doc, 'beta-1') === blocks(b.doc).length - 1);
    expect((await post(`/api/templates/${id}/clauses/beta/restore`, { version: 1 })).status).toBe(200);
    const ids = (doc: Y.Doc) => blocks(doc).map((el) => el.getAttribute('id'));
    const order = ['alpha', 'beta', 'beta-1', 'beta-2', 'gamma'];
    await waitFor(() => ids(a.doc).join() === order.join() && ids(b.doc).join() === order.join());
    expect(await text(`/api/templates/${id}/export`)).toBe(v1);
  });

  it('keeps a concurrent edit in another clause made while the restore happens', async () => {
    const id = await newTemplate();
    const a = await join(id, 'ann');
    const b = await join(id, 'bob');
    await publish(id);
    const v1 = await text(`/api/templates/${id}/versions/1/export`);
    typeIntoClause(a.doc, 'Edited ', 'beta');
    await waitFor(() => exportOf(b.doc).includes('Edited'));
    // Bob goes offline and edits gamma while the server restores beta; his edit and the restore cross.
    b.provider.disconnect();
    typeIntoClause(b.doc, 'Offline ', 'gamma');
    const restoring = post(`/api/templates/${id}/clauses/beta/restore`, { version: 1 });
    typeIntoClause(a.doc, 'Online ', 'alpha');
    expect((await restoring).status).toBe(200);
    await b.provider.connect();
    await waitFor(() => exportOf(a.doc) === exportOf(b.doc) && exportOf(a.doc).includes('Offline'));
    await waitFor(async () => (await text(`/api/templates/${id}/export`)) === exportOf(a.doc));
    const after = exportOf(a.doc);
    expect(line(after, 'beta')).toBe(line(v1, 'beta'));
    expect(line(after, 'gamma')).toContain('Offline Gamma clause.');
    expect(line(after, 'alpha')).toContain('Online Alpha clause.');
  });

  it('answers 404 for an unknown template, version or clause and 400 for a bad body', async () => {
    const id = await newTemplate();
    await publish(id);
    expect((await post('/api/templates/nope/versions/1/restore', {})).status).toBe(404);
    expect((await post(`/api/templates/${id}/versions/9/restore`, {})).status).toBe(404);
    expect((await post(`/api/templates/${id}/clauses/beta/restore`, { version: 9 })).status).toBe(404);
    const missing = await post(`/api/templates/${id}/clauses/nope/restore`, { version: 1 });
    expect(missing.status).toBe(404);
    expect(missing.body.error).toContain('nope');
    for (const body of [{}, { version: 'one' }, { version: 0 }, [1]]) {
      const res = await post(`/api/templates/${id}/clauses/beta/restore`, body);
      expect(res.status).toBe(400);
      expect(String(res.body.error)).toContain('version');
    }
  });
});
