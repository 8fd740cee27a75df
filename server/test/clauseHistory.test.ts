import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { waitFor } from './collab/startCollab.ts';
import { typeIntoClause, useLiveServer } from './liveServer.ts';

const live = useLiveServer();
const join = async (id: string, name: string) => (await live.join(id, name)).doc;
let count = 0;

interface History {
  clauseId: string;
  changes: { version: number | 'draft'; status: string; author: string | null; oldLabel?: string; newLabel?: string }[];
  since: { version: number | null; editors: { author: string; lastAt: string }[] };
}

/** A fresh template: alpha; beta with child beta-1; gamma. */
async function newTemplate(): Promise<string> {
  const id = `history-${count++}`;
  const markdown = `---
schemaVersion: 1
id: ${id}
title: History ${id}
locale: en
numbering: decimal
---

1. Alpha clause. {#alpha}
1. Beta clause. {#beta}
   1. Beta child. {#beta-1}
1. Gamma clause. {#gamma}
`;
  const res = await live.server.post('/api/templates', { markdown });
  expect(res.status).toBe(201);
  return id;
}

let accounts = 0;
/** Publishes as a new account (an editor of `id`) whose display name is `author`: the author comes from the login. */
async function publish(id: string, author: string): Promise<void> {
  const as = await live.server.userWith(`publisher-${accounts++}`, { [id]: 'editor' }, author);
  const res = await as.fetch(`/api/templates/${id}/versions`, {
    method: 'POST',
    body: JSON.stringify({ message: `by ${author}` }),
  });
  expect(res.status).toBe(201);
}

async function history(id: string, clauseId: string): Promise<History> {
  const res = await live.server.get(`/api/templates/${id}/clauses/${clauseId}/history`);
  expect(res.status).toBe(200);
  return (await res.json()) as History;
}

const exportHas = async (id: string, words: string) =>
  (await (await live.server.get(`/api/templates/${id}/export`)).text()).includes(words);

describe('GET /api/templates/:id/clauses/:clauseId/history', () => {
  it('lists each version that changed the clause, the draft, and who edited it since the latest version', async () => {
    const id = await newTemplate();
    const alice = await join(id, 'Alice');
    const bob = await join(id, 'Bob');
    await publish(id, 'Alice');
    typeIntoClause(alice, 'Alice was here. ', 'alpha');
    await waitFor(() => exportHas(id, 'Alice was here.'));
    // Authorship is written with the stored update; wait until Alice's edit is on disk before publishing.
    await waitFor(async () => (await history(id, 'alpha')).since.editors.some((e) => e.author === 'Alice'));
    await publish(id, 'Alice');
    typeIntoClause(bob, 'Bob too. ', 'alpha');
    await waitFor(() => exportHas(id, 'Bob too.'));
    await waitFor(async () => (await history(id, 'alpha')).since.editors.length > 0);

    const alpha = await history(id, 'alpha');
    expect(alpha.clauseId).toBe('alpha');
    expect(alpha.changes.map((c) => [c.version, c.status])).toEqual([
      [1, 'added'],
      [2, 'modified'],
      ['draft', 'modified'],
    ]);
    expect(alpha.changes[0]).toMatchObject({ author: 'Alice', newLabel: '1.' });
    expect(alpha.changes[0]).not.toHaveProperty('oldLabel');
    expect(alpha.changes[1]).toMatchObject({ oldLabel: '1.', newLabel: '1.' });
    expect(alpha.since.version).toBe(2);
    expect(alpha.since.editors.map((e) => e.author)).toEqual(['Bob']);
    expect(Date.parse(alpha.since.editors[0]?.lastAt ?? '')).not.toBeNaN();

    const gamma = await history(id, 'gamma');
    expect(gamma.changes.map((c) => [c.version, c.status])).toEqual([[1, 'added']]);
    expect(gamma.since).toEqual({ version: 2, editors: [] });
  });

  it('counts an edit of a child clause as an edit of its parent, and names editors when nothing is published', async () => {
    const id = await newTemplate();
    const bob = await join(id, 'Bob');
    typeIntoClause(bob, 'Child edit. ', 'beta-1');
    await waitFor(async () => (await history(id, 'beta')).since.editors.length > 0);
    const beta = await history(id, 'beta');
    expect(beta.since).toEqual({ version: null, editors: [{ author: 'Bob', lastAt: expect.any(String) }] });
    expect(beta.changes.map((c) => [c.version, c.status])).toEqual([['draft', 'added']]);
    expect((await history(id, 'gamma')).since.editors.map((e) => e.author)).toEqual(['create']);
  });

  it('finds a clause deleted from the draft through its versions, and 404s otherwise', async () => {
    const id = await newTemplate();
    await publish(id, 'Alice');
    const alice = await join(id, 'Alice');
    const body = alice.getXmlFragment('body');
    const index = body.toArray().findIndex((b) => b instanceof Y.XmlElement && b.getAttribute('id') === 'gamma');
    body.delete(index, 1);
    await waitFor(async () => !(await exportHas(id, 'Gamma clause.')));
    const gamma = await history(id, 'gamma');
    expect(gamma.changes.map((c) => [c.version, c.status])).toEqual([
      [1, 'added'],
      ['draft', 'removed'],
    ]);
    expect(gamma.since.editors).toEqual([]);

    expect((await live.server.get(`/api/templates/${id}/clauses/nope/history`)).status).toBe(404);
    const missing = await live.server.get('/api/templates/no-such-template/clauses/alpha/history');
    expect(missing.status).toBe(404);
    expect(await missing.json()).toMatchObject({ error: expect.any(String) });
  });
});
