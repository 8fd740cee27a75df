import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { BODY_FIELD } from '@clausewright/schema';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { CollabSession } from '../../src/collab/CollabSession.ts';
import { DocumentHub, type HubDocument } from '../../src/collab/DocumentHub.ts';
import { storeNewTemplate } from '../../src/collab/storeNewTemplate.ts';
import { UpdateGuard } from '../../src/collab/UpdateGuard.ts';
import { createLogger } from '../../src/createLogger.ts';
import { SqliteStore } from '../../src/storage/index.ts';
import { typeIntoClause } from '../liveServer.ts';
import { repoTemplate } from './templateState.ts';

const ID = 'software-services-agreement';
let dir: string;
let store: SqliteStore;
let hub: DocumentHub;
let hubDoc: HubDocument;
let editor: Y.Doc;
const session: CollabSession = { name: 'editor', sendUpdate() {}, sendAwareness() {}, close() {} };

beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'cw-guard-'));
  store = SqliteStore.open(path.join(dir, 'guard.db'));
  hub = new DocumentHub(store, { logger: createLogger('silent') });
  await storeNewTemplate(store, repoTemplate(ID));
  hubDoc = await hub.open(ID);
  hub.connect(hubDoc, session);
  editor = new Y.Doc();
  Y.applyUpdate(editor, hub.readState(hubDoc) as Uint8Array);
});
afterEach(async () => {
  await hub.close();
  await store.close();
  await rm(dir, { recursive: true, force: true });
});

/** The update `edit` makes to `doc`. */
function updateOf(doc: Y.Doc, edit: (doc: Y.Doc) => void): Uint8Array {
  const before = Y.encodeStateVector(doc);
  edit(doc);
  return Y.encodeStateAsUpdate(doc, before);
}

/** Checks an update and, when the guard lets it through, hands it to the hub as attachCollab does. */
function submit(guard: UpdateGuard, update: Uint8Array) {
  const verdict = guard.check(hubDoc, update);
  if (verdict.ok || verdict.kind === 'forward') {
    hub.receiveUpdate(hubDoc, session, update);
    guard.settled(hubDoc, update, hubDoc.sessions.has(session));
  }
  return verdict;
}

const firstClause = (doc: Y.Doc) =>
  doc
    .getXmlFragment(BODY_FIELD)
    .toArray()
    .find((b): b is Y.XmlElement => b instanceof Y.XmlElement && b.nodeName === 'clause') as Y.XmlElement;

describe('UpdateGuard', () => {
  it('refuses garbage, lets known and dangling updates to the hub, all without building a copy', () => {
    const guard = new UpdateGuard(0);
    guard.retain(hubDoc);
    expect(guard.check(hubDoc, new Uint8Array([1, 2, 3, 4, 5]))).toMatchObject({
      ok: false,
      kind: 'reject',
      reason: 'invalid_update',
      costly: false,
    });
    expect(guard.check(hubDoc, Y.encodeStateAsUpdate(editor))).toEqual({ ok: true, changed: false });
    const source = new Y.Doc();
    const updates: Uint8Array[] = [];
    source.on('update', (u: Uint8Array) => updates.push(u));
    source.getText('t').insert(0, 'a');
    source.getText('t').insert(1, 'b');
    expect(guard.check(hubDoc, updates[1] as Uint8Array)).toEqual({ ok: false, kind: 'forward' });
    expect(guard.shadowBuilds).toBe(0);
  });

  it('rebuilds its copy only after a refusal it had to apply, or a change made around it', () => {
    const guard = new UpdateGuard(0);
    guard.retain(hubDoc);
    expect(
      submit(
        guard,
        updateOf(editor, (d) => typeIntoClause(d, 'a')),
      ),
    ).toEqual({ ok: true, changed: true });
    expect(guard.shadowBuilds).toBe(1);
    // Found out from the update alone: the copy is untouched.
    const attacker = new Y.Doc();
    Y.applyUpdate(attacker, Y.encodeStateAsUpdate(editor));
    const unknownNode = updateOf(attacker, (d) => d.getXmlFragment(BODY_FIELD).insert(0, [new Y.XmlElement('iframe')]));
    expect(submit(guard, unknownNode)).toMatchObject({ ok: false, reason: 'schema', costly: false });
    expect(
      submit(
        guard,
        updateOf(editor, (d) => typeIntoClause(d, 'b')),
      ),
    ).toMatchObject({ ok: true });
    expect(guard.shadowBuilds).toBe(1);
    // Found out only in context: the copy held it, so it is rebuilt for the next update.
    const attacker2 = new Y.Doc();
    Y.applyUpdate(attacker2, Y.encodeStateAsUpdate(editor));
    const nested = updateOf(attacker2, (d) => firstClause(d).insert(0, [new Y.XmlElement('paragraph')]));
    expect(submit(guard, nested)).toMatchObject({ ok: false, reason: 'schema', costly: true });
    expect(
      submit(
        guard,
        updateOf(editor, (d) => typeIntoClause(d, 'c')),
      ),
    ).toMatchObject({ ok: true });
    expect(guard.shadowBuilds).toBe(2);
    // A change that reached the hub another way (a restore) is noticed from the state vector.
    const server = new Y.Doc();
    Y.applyUpdate(server, hub.readState(hubDoc) as Uint8Array);
    hub.applyServerUpdate(
      hubDoc,
      updateOf(server, (d) => typeIntoClause(d, 'restored ')),
      'restore',
    );
    Y.applyUpdate(editor, Y.encodeStateAsUpdate(server));
    expect(
      submit(
        guard,
        updateOf(editor, (d) => typeIntoClause(d, 'd')),
      ),
    ).toMatchObject({ ok: true });
    expect(guard.shadowBuilds).toBe(3);
    expect(firstClause(editor).toString()).toContain('restored ');
  });

  it('refuses what would grow the document past the limit, and takes what fits', () => {
    const size = (hub.readState(hubDoc) as Uint8Array).length;
    const guard = new UpdateGuard(size + 2000);
    guard.retain(hubDoc);
    expect(
      submit(
        guard,
        updateOf(editor, (d) => typeIntoClause(d, 'x'.repeat(1000))),
      ),
    ).toMatchObject({ ok: true });
    expect(
      submit(
        guard,
        updateOf(editor, (d) => typeIntoClause(d, 'y'.repeat(1500))),
      ),
    ).toEqual({
      ok: false,
      kind: 'document_size',
      detail: `document size limit (${size + 2000} bytes) reached`,
    });
    guard.release(hubDoc);
    expect(guard.shadowCount).toBe(0);
  });

  it('drops a copy left unused for idleMs and builds it again for the next update', async () => {
    const guard = new UpdateGuard(0, { idleMs: 50 });
    guard.retain(hubDoc);
    expect(
      submit(
        guard,
        updateOf(editor, (d) => typeIntoClause(d, 'a')),
      ),
    ).toMatchObject({ ok: true });
    expect(guard.shadowCount).toBe(1);
    await new Promise((resolve) => setTimeout(resolve, 150));
    expect(guard.shadowCount).toBe(0);
    expect(
      submit(
        guard,
        updateOf(editor, (d) => typeIntoClause(d, 'b')),
      ),
    ).toMatchObject({ ok: true });
    expect([guard.shadowCount, guard.shadowBuilds]).toEqual([1, 2]);
    guard.release(hubDoc);
  });

  it('follows changes the hub sends to sessions (a restore, another instance) without rebuilding its copy', () => {
    const guard = new UpdateGuard(0);
    guard.retain(hubDoc);
    expect(
      submit(
        guard,
        updateOf(editor, (d) => typeIntoClause(d, 'a')),
      ),
    ).toMatchObject({ ok: true });
    const server = new Y.Doc();
    Y.applyUpdate(server, hub.readState(hubDoc) as Uint8Array);
    const restore = updateOf(server, (d) => {
      const clause = new Y.XmlElement('clause');
      clause.setAttribute('id', 'restored');
      clause.insert(0, [new Y.XmlText('restored text')]);
      d.getXmlFragment(BODY_FIELD).insert(0, [clause]);
    });
    hub.applyServerUpdate(hubDoc, restore, 'restore');
    // What the hub broadcasts to the sessions, once per array however many sessions get it.
    guard.observe(hubDoc, restore);
    guard.observe(hubDoc, restore);
    Y.applyUpdate(editor, restore);
    expect(
      submit(
        guard,
        updateOf(editor, (d) => typeIntoClause(d, 'typed ', 'restored')),
      ),
    ).toMatchObject({ ok: true });
    // A breaking change inside the restored clause is found: the copy has it.
    const attacker = new Y.Doc();
    Y.applyUpdate(attacker, Y.encodeStateAsUpdate(editor));
    const clause = attacker
      .getXmlFragment(BODY_FIELD)
      .toArray()
      .find((b): b is Y.XmlElement => b instanceof Y.XmlElement && b.getAttribute('id') === 'restored') as Y.XmlElement;
    const before = Y.encodeStateVector(attacker);
    clause.insert(0, [new Y.XmlElement('paragraph')]);
    expect(guard.check(hubDoc, Y.encodeStateAsUpdate(attacker, before))).toMatchObject({
      ok: false,
      detail: 'node "paragraph" is not allowed in clause',
    });
    expect(guard.shadowBuilds).toBe(1);
    guard.release(hubDoc);
  });
});
