import { createHash } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type {
  AccountStore,
  AuthorshipRange,
  DocumentStore,
  NewIssuedDocument,
  NewValuesSet,
  NewVersion,
} from '../../src/storage/DocumentStore.ts';

let docCounter = 0;
/** Unique per test, so stores opened over the same data never see each other's documents. */
const freshDocId = (label: string) => `${label}-${process.pid}-${Date.now().toString(36)}-${docCounter++}`;

const bytes = (...values: number[]) => new Uint8Array(values);

/** Rebuilds a document from a stored log. */
function rebuild(updates: Uint8Array[]): Y.Doc {
  const doc = new Y.Doc();
  for (const update of updates) Y.applyUpdate(doc, update);
  return doc;
}

function expectSameDoc(actual: Y.Doc, expected: Y.Doc): void {
  expect(actual.getText('body').toString()).toBe(expected.getText('body').toString());
  expect(Y.encodeStateVector(actual)).toEqual(Y.encodeStateVector(expected));
}

/** Types `edits` small changes into `doc`, storing every update it emits; awaits them all. */
async function typeInto(store: DocumentStore, docId: string, doc: Y.Doc, edits: number, seed = 1): Promise<void> {
  const text = doc.getText('body');
  const pending: Promise<void>[] = [];
  const onUpdate = (update: Uint8Array) => pending.push(store.append(docId, update, { origin: 'test' }));
  doc.on('update', onUpdate);
  let state = seed;
  const random = () => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return state / 2147483648;
  };
  for (let i = 0; i < edits; i++) {
    if (text.length > 0 && random() < 0.2) text.delete(Math.floor(random() * text.length), 1);
    else text.insert(Math.floor(random() * (text.length + 1)), String.fromCharCode(97 + (i % 26)));
    // Spread the edits over several event-loop turns, as a live session would.
    if (i % 37 === 0) await new Promise<void>((resolve) => setImmediate(resolve));
  }
  doc.off('update', onUpdate);
  await Promise.all(pending);
}

const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

function version(message: string, markdown = `# ${message}\n`, author: string | null = 'alice'): NewVersion {
  return { message, author, markdown, state: bytes(...Buffer.from(markdown)) };
}

/** Appends every update `edit` makes to `doc`, with `origin`; resolves once they are stored. */
async function editAs(store: DocumentStore, docId: string, doc: Y.Doc, origin: string | undefined, edit: () => void) {
  const pending: Promise<void>[] = [];
  const onUpdate = (update: Uint8Array) =>
    pending.push(store.append(docId, update, origin === undefined ? undefined : { origin }));
  doc.on('update', onUpdate);
  edit();
  doc.off('update', onUpdate);
  await Promise.all(pending);
}

/** The runs without their times, in a stable order. */
const runs = (ranges: AuthorshipRange[]) =>
  ranges
    .map(({ author, kind, client, from, to }) => ({ author, kind, client, from, to }))
    .sort(
      (a, b) =>
        a.author.localeCompare(b.author) || a.kind.localeCompare(b.kind) || a.client - b.client || a.from - b.from,
    );

/**
 * The behaviour every `DocumentStore` must have. `open` returns a store over the same persistent data on every
 * call (a file, a database), so a test can close and reopen it; each test uses its own document ids.
 */
export function describeDocumentStoreContract(name: string, open: () => Promise<DocumentStore> | DocumentStore): void {
  describe(`DocumentStore contract: ${name}`, () => {
    let store: DocumentStore;

    beforeEach(async () => {
      store = await open();
    });

    afterEach(async () => {
      await store.close();
    });

    it('loads an unknown document as an empty log', async () => {
      expect(await store.load(freshDocId('unknown'))).toEqual([]);
    });

    it('keeps appends in order, within and across event-loop turns', async () => {
      const docId = freshDocId('order');
      await store.append(docId, bytes(1));
      await store.append(docId, bytes(2, 2));
      await Promise.all([store.append(docId, bytes(3)), store.append(docId, bytes(4)), store.append(docId, bytes(5))]);
      expect(await store.load(docId)).toEqual([bytes(1), bytes(2, 2), bytes(3), bytes(4), bytes(5)]);
    });

    it('stores a copy, so a caller reusing its buffer does not change the log', async () => {
      const docId = freshDocId('copy');
      const buffer = bytes(7, 7, 7);
      const appended = store.append(docId, buffer);
      buffer.fill(0);
      await appended;
      expect(await store.load(docId)).toEqual([bytes(7, 7, 7)]);
    });

    it('reloads the updates of a real Y.Doc to the same state', async () => {
      const docId = freshDocId('ydoc');
      const source = new Y.Doc();
      await typeInto(store, docId, source, 400);
      const updates = await store.load(docId);
      expect(updates).toHaveLength(400);
      for (const update of updates) expect(update).toBeInstanceOf(Uint8Array);
      expectSameDoc(rebuild(updates), source);
    });

    it('resolves and stores every one of many appends made in one turn', async () => {
      const docId = freshDocId('burst');
      const count = 2000;
      await Promise.all(Array.from({ length: count }, (_, i) => store.append(docId, bytes(i & 0xff, i >> 8))));
      const updates = await store.load(docId);
      expect(updates).toHaveLength(count);
      expect(updates.map((u) => (u[0] ?? 0) | ((u[1] ?? 0) << 8))).toEqual(Array.from({ length: count }, (_, i) => i));
    });

    it('keeps two documents independent, through compaction too', async () => {
      const a = freshDocId('a');
      const b = freshDocId('b');
      const source = new Y.Doc();
      await Promise.all([store.append(a, bytes(1)), typeInto(store, b, source, 40), store.append(a, bytes(2))]);
      expect(await store.load(a)).toEqual([bytes(1), bytes(2)]);
      await store.compact(b);
      expect(await store.load(a)).toEqual([bytes(1), bytes(2)]);
      const bUpdates = await store.load(b);
      expect(bUpdates).toHaveLength(1);
      expectSameDoc(rebuild(bUpdates), source);
    });

    it('compacts a log to one row with the same state', async () => {
      const docId = freshDocId('compact');
      const source = new Y.Doc();
      await typeInto(store, docId, source, 300);
      await store.compact(docId);
      const updates = await store.load(docId);
      expect(updates).toHaveLength(1);
      expectSameDoc(rebuild(updates), source);
      // Compacting again, or compacting after more edits, keeps the state.
      await store.compact(docId);
      await typeInto(store, docId, source, 20, 7);
      await store.compact(docId);
      const again = await store.load(docId);
      expect(again).toHaveLength(1);
      expectSameDoc(rebuild(again), source);
    });

    it('keeps appends made while a compaction is running', async () => {
      const docId = freshDocId('concurrent');
      const source = new Y.Doc();
      await typeInto(store, docId, source, 300);
      const compaction = store.compact(docId);
      const late: Promise<void>[] = [];
      source.on('update', (update: Uint8Array) => late.push(store.append(docId, update)));
      source.getText('body').insert(0, 'during compaction ');
      await new Promise<void>((resolve) => setImmediate(resolve));
      source.getText('body').insert(0, 'next turn ');
      await Promise.all([compaction, ...late]);
      const updates = await store.load(docId);
      // One folded state, plus whichever late updates were not folded into it.
      expect(updates.length).toBeGreaterThanOrEqual(1);
      expect(updates.length).toBeLessThanOrEqual(1 + late.length);
      expectSameDoc(rebuild(updates), source);
      expect(source.getText('body').toString().startsWith('next turn during compaction ')).toBe(true);
    });

    it('compacts an unknown document to nothing', async () => {
      const docId = freshDocId('compact-unknown');
      await store.compact(docId);
      expect(await store.load(docId)).toEqual([]);
    });

    it('lists update counts, bytes and the last write time of each document', async () => {
      const a = freshDocId('list-a');
      const b = freshDocId('list-b');
      const before = Date.now();
      await Promise.all([store.append(a, bytes(1, 2, 3)), store.append(a, bytes(4)), store.append(b, bytes(5, 6))]);
      const after = Date.now();
      const listed = (await store.list()).filter((info) => info.docId === a || info.docId === b);
      listed.sort((x, y) => x.docId.localeCompare(y.docId));
      expect(listed.map(({ docId, updates, bytes }) => ({ docId, updates, bytes }))).toEqual([
        { docId: a, updates: 2, bytes: 4 },
        { docId: b, updates: 1, bytes: 2 },
      ]);
      for (const info of listed) {
        expect(info.updatedAt).toBeGreaterThanOrEqual(before);
        expect(info.updatedAt).toBeLessThanOrEqual(after);
      }
    });

    it('creates a document once, with its summary, and refuses to create it again', async () => {
      const docId = freshDocId('create');
      const summary = { title: 'NDA', locale: 'en', numbering: 'decimal' };
      const before = Date.now();
      expect(await store.create(docId, bytes(1, 2), summary)).toBe(true);
      expect(await store.create(docId, bytes(3), { ...summary, title: 'Other' })).toBe(false);
      expect(await store.load(docId)).toEqual([bytes(1, 2)]);
      const stored = await store.summary(docId);
      expect(stored).toMatchObject({ docId, ...summary });
      expect(stored?.updatedAt).toBeGreaterThanOrEqual(before);
    });

    it('does not create over appends that are still pending', async () => {
      const docId = freshDocId('create-pending');
      const appended = store.append(docId, bytes(9));
      expect(await store.create(docId, bytes(1), { title: 'T', locale: 'en', numbering: 'decimal' })).toBe(false);
      await appended;
      expect(await store.load(docId)).toEqual([bytes(9)]);
    });

    it('lists summaries with the last write time, null titles for documents never given one', async () => {
      const titled = freshDocId('summary-titled');
      const bare = freshDocId('summary-bare');
      await store.create(titled, bytes(1), { title: '合同', locale: 'zh-CN', numbering: 'zh-article' });
      await store.append(bare, bytes(2));
      const created = (await store.summary(titled))?.updatedAt ?? 0;
      await new Promise((resolve) => setTimeout(resolve, 5));
      await store.append(titled, bytes(3));
      await store.setSummary(titled, { title: '新合同', locale: 'zh-CN', numbering: 'decimal' });
      const listed = (await store.summaries()).filter((s) => s.docId === titled || s.docId === bare);
      listed.sort((x, y) => x.docId.localeCompare(y.docId));
      expect(listed.map(({ updatedAt: _, ...rest }) => rest)).toEqual([
        { docId: bare, title: null, locale: null, numbering: null },
        { docId: titled, title: '新合同', locale: 'zh-CN', numbering: 'decimal' },
      ]);
      expect(listed[1]?.updatedAt).toBeGreaterThan(created);
      expect(await store.summary(freshDocId('summary-unknown'))).toBeNull();
    });

    it('numbers versions 1, 2, 3 per document and lists them newest first', async () => {
      const docId = freshDocId('versions');
      const other = freshDocId('versions-other');
      const before = Date.now();
      const v1 = await store.createVersion(docId, version('v1 — 初稿'));
      const o1 = await store.createVersion(other, version('other'));
      const v2 = await store.createVersion(docId, version('v2', '# v2\n', null));
      const v3 = await store.createVersion(docId, version('v3'));
      expect([v1.version, v2.version, v3.version, o1.version]).toEqual([1, 2, 3, 1]);
      expect(v1).toEqual({
        version: 1,
        message: 'v1 — 初稿',
        author: 'alice',
        createdAt: expect.any(Number),
        hash: sha256('# v1 — 初稿\n'),
      });
      expect(v1.createdAt).toBeGreaterThanOrEqual(before);
      expect(v2.author).toBeNull();
      expect(await store.listVersions(docId)).toEqual([v3, v2, v1]);
      expect(await store.listVersions(other)).toEqual([o1]);
      expect(await store.listVersions(freshDocId('versions-none'))).toEqual([]);
    });

    it('returns a version with its state and Markdown, the same after reopening; null for unknown ones', async () => {
      const docId = freshDocId('version-get');
      const markdown = '# 合同\n\n1. 第一条 …\n';
      const created = await store.createVersion(docId, version('first', markdown));
      const reopened = await open();
      try {
        for (const s of [store, reopened]) {
          const stored = await s.getVersion(docId, 1);
          expect(stored).toEqual({ ...created, docId, markdown, state: bytes(...Buffer.from(markdown)) });
          expect(stored?.state).toBeInstanceOf(Uint8Array);
          expect(await s.getVersion(docId, 2)).toBeNull();
          expect(await s.getVersion(freshDocId('version-unknown'), 1)).toBeNull();
        }
      } finally {
        await reopened.close();
      }
    });

    it('gives concurrent publishes from two stores over the same data distinct numbers', async () => {
      const docId = freshDocId('version-race');
      const other = await open();
      try {
        const made = await Promise.all(
          Array.from({ length: 20 }, (_, i) => (i % 2 ? other : store).createVersion(docId, version(`m${i}`))),
        );
        expect(made.map((v) => v.version).sort((a, b) => a - b)).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
        const listed = await store.listVersions(docId);
        expect(listed.map((v) => v.version)).toEqual(Array.from({ length: 20 }, (_, i) => 20 - i));
        // Each number holds the message of the call that got it.
        for (const v of made) expect(listed.find((l) => l.version === v.version)?.message).toBe(v.message);
      } finally {
        await other.close();
      }
    });

    it('attributes inserted and deleted items to the origin of their append, the same after compaction', async () => {
      const docId = freshDocId('authors');
      const alice = new Y.Doc();
      const bob = new Y.Doc();
      const sync = (from: Y.Doc, to: Y.Doc) => Y.applyUpdate(to, Y.encodeStateAsUpdate(from, Y.encodeStateVector(to)));
      await editAs(store, docId, alice, 'alice', () => alice.getText('body').insert(0, 'hello'));
      await editAs(store, docId, alice, 'alice', () => alice.getText('body').insert(5, ' world'));
      sync(alice, bob);
      await editAs(store, docId, bob, 'bob', () => {
        bob.getText('body').delete(0, 1);
        bob.getText('body').insert(0, 'H');
      });
      // Not attributed: an append without an origin.
      await editAs(store, docId, bob, undefined, () => bob.getText('body').insert(0, '>'));
      const expected = [
        { author: 'alice', kind: 'insert', client: alice.clientID, from: 0, to: 11 },
        { author: 'bob', kind: 'delete', client: alice.clientID, from: 0, to: 1 },
        { author: 'bob', kind: 'insert', client: bob.clientID, from: 0, to: 1 },
      ];
      const live = await store.authorship(docId);
      expect(runs(live)).toEqual(expected);
      for (const r of live) expect(r.lastAt).toBeGreaterThanOrEqual(r.firstAt);
      await store.compact(docId);
      expect(await store.load(docId)).toHaveLength(1);
      expect(runs(await store.authorship(docId))).toEqual(expected);
      // Later appends join the folded runs.
      await editAs(store, docId, alice, 'alice', () => alice.getText('body').insert(11, '!'));
      await store.compact(docId);
      expect(runs(await store.authorship(docId))).toEqual([
        { author: 'alice', kind: 'insert', client: alice.clientID, from: 0, to: 12 },
        ...expected.slice(1),
      ]);
      expect(await store.authorship(freshDocId('authors-none'))).toEqual([]);
    });

    const issued = (templateId: string, extra: Partial<NewIssuedDocument> = {}): NewIssuedDocument => ({
      templateId,
      templateTitle: '服务合同',
      version: 2,
      markdown: null,
      values: { party_a: '甲公司', amount: 1200.5, nested: { ok: true }, list: [1, '二'] },
      format: 'docx',
      by: '张三',
      sha256: 'ab'.repeat(32),
      bytes: 4096,
      filename: '服务合同.docx',
      ...extra,
    });

    it('records issued documents with an id and time, lists them newest first, per template or all', async () => {
      const a = freshDocId('issued-a');
      const b = freshDocId('issued-b');
      const before = Date.now();
      const first = await store.recordDocument(issued(a));
      const second = await store.recordDocument(
        issued(b, { version: 'draft', markdown: '# 草稿\n', format: 'txt', by: null }),
      );
      const third = await store.recordDocument(issued(a, { format: 'html', filename: '服务合同.html' }));
      const { values: _values, markdown: _markdown, ...info } = issued(a);
      expect(first).toEqual({ ...info, id: expect.any(String), createdAt: expect.any(Number) });
      expect(first.createdAt).toBeGreaterThanOrEqual(before);
      expect(second).toMatchObject({ version: 'draft', by: null, format: 'txt' });
      expect(new Set([first.id, second.id, third.id]).size).toBe(3);
      expect(await store.listDocuments({ templateId: a })).toEqual([third, first]);
      expect(await store.listDocuments({ templateId: b })).toEqual([second]);
      const all = (await store.listDocuments()).filter((d) => d.templateId === a || d.templateId === b);
      expect(all).toEqual([third, second, first]);
      expect(await store.listDocuments({ templateId: freshDocId('issued-none') })).toEqual([]);
    });

    it('returns an issued document with its values and draft Markdown, the same after reopening', async () => {
      const docId = freshDocId('issued-get');
      const draft = issued(docId, { version: 'draft', markdown: '# 合同\n\n1. 第一条 {{party_a}}\n' });
      const recorded = await store.recordDocument(draft);
      const reopened = await open();
      try {
        for (const s of [store, reopened]) {
          expect(await s.getDocument(recorded.id)).toEqual({
            ...recorded,
            values: draft.values,
            markdown: draft.markdown,
          });
          expect(await s.getDocument('no-such-document')).toBeNull();
        }
      } finally {
        await reopened.close();
      }
      const version = await store.recordDocument(issued(docId));
      expect((await store.getDocument(version.id))?.markdown).toBeNull();
    });

    const valuesSet = (templateId: string, extra: Partial<NewValuesSet> = {}): NewValuesSet => ({
      templateId,
      name: '某某公司 2027 续约',
      version: 3,
      values: { party_a: '某某公司', amount: 100 },
      by: '李四',
      ...extra,
    });

    it('saves values sets per template and lists them most recently updated first, without values', async () => {
      const docId = freshDocId('sets');
      const other = freshDocId('sets-other');
      const before = Date.now();
      const first = await store.createValuesSet(valuesSet(docId));
      const draft = await store.createValuesSet(valuesSet(docId, { name: '草稿', version: 'draft', by: null }));
      const loose = await store.createValuesSet(valuesSet(other, { version: null, values: {} }));
      expect(first).toEqual({
        ...valuesSet(docId),
        id: expect.any(String),
        createdAt: expect.any(Number),
        updatedAt: first.createdAt,
      });
      expect(first.createdAt).toBeGreaterThanOrEqual(before);
      const infoOf = ({ values: _values, ...info }: typeof first) => info;
      expect(await store.listValuesSets(docId)).toEqual([infoOf(draft), infoOf(first)]);
      expect(await store.listValuesSets(other)).toEqual([infoOf(loose)]);
      expect(await store.listValuesSets(freshDocId('sets-none'))).toEqual([]);
      expect(await store.getValuesSet(docId, draft.id)).toEqual(draft);
      expect(await store.getValuesSet(other, loose.id)).toEqual(loose);
      // A set is only found under its own template.
      expect(await store.getValuesSet(other, first.id)).toBeNull();
      expect(await store.getValuesSet(docId, 'no-such-set')).toBeNull();
    });

    it('updates only the given keys of a values set, moves it first, and deletes it once', async () => {
      const docId = freshDocId('sets-update');
      const first = await store.createValuesSet(valuesSet(docId));
      const second = await store.createValuesSet(valuesSet(docId, { name: 'second' }));
      await new Promise((resolve) => setTimeout(resolve, 5));
      const renamed = await store.updateValuesSet(docId, first.id, { name: '改名' });
      expect(renamed).toEqual({ ...first, name: '改名', updatedAt: expect.any(Number) });
      expect(renamed?.updatedAt).toBeGreaterThan(first.updatedAt);
      expect((await store.listValuesSets(docId)).map((s) => s.id)).toEqual([first.id, second.id]);
      const refilled = await store.updateValuesSet(docId, first.id, { values: { amount: 5 }, version: null });
      expect(refilled).toMatchObject({ name: '改名', version: null, values: { amount: 5 } });
      const reopened = await open();
      try {
        expect(await reopened.getValuesSet(docId, first.id)).toEqual(refilled);
      } finally {
        await reopened.close();
      }
      expect(await store.updateValuesSet(freshDocId('elsewhere'), first.id, { name: 'x' })).toBeNull();
      expect(await store.updateValuesSet(docId, 'no-such-set', { name: 'x' })).toBeNull();
      expect(await store.deleteValuesSet(freshDocId('elsewhere'), first.id)).toBe(false);
      expect(await store.deleteValuesSet(docId, first.id)).toBe(true);
      expect(await store.deleteValuesSet(docId, first.id)).toBe(false);
      expect(await store.getValuesSet(docId, first.id)).toBeNull();
      expect((await store.listValuesSets(docId)).map((s) => s.id)).toEqual([second.id]);
    });

    it('flushes appends still pending when it is closed', async () => {
      const docId = freshDocId('close');
      const other = await open();
      const acks = Array.from({ length: 25 }, (_, i) => other.append(docId, bytes(i)));
      await other.close();
      await expect(Promise.all(acks)).resolves.toBeDefined();
      const reopened = await open();
      try {
        expect(await reopened.load(docId)).toEqual(Array.from({ length: 25 }, (_, i) => bytes(i)));
      } finally {
        await reopened.close();
      }
    });
  });
}

/**
 * The contract every `AccountStore` passes: accounts with unique usernames, sessions and tokens found by their hash,
 * roles per template. `open` may return stores over shared data: every test uses fresh names.
 */
export function describeAccountStoreContract(name: string, open: () => Promise<AccountStore> | AccountStore): void {
  describe(`AccountStore contract: ${name}`, () => {
    let store: AccountStore & { close(): Promise<void> };
    beforeEach(async () => {
      store = (await open()) as AccountStore & { close(): Promise<void> };
    });
    afterEach(async () => {
      await store.close();
    });
    const fresh = (label: string) => freshDocId(label).toLowerCase();

    it('creates accounts with unique usernames, finds them by name (with the hash) and id (without)', async () => {
      const username = fresh('ann');
      const ann = await store.createUser({ username, displayName: 'Ann', passwordHash: 'scrypt$x', admin: false });
      expect(ann).toEqual({
        id: expect.any(String),
        username,
        displayName: 'Ann',
        admin: false,
        createdAt: expect.any(Number),
      });
      expect(await store.createUser({ username, displayName: 'Other', passwordHash: 'h', admin: true })).toBeNull();
      expect(await store.findUser(username)).toEqual({ ...ann, passwordHash: 'scrypt$x' });
      expect(await store.getUser(ann?.id as string)).toEqual(ann);
      expect(await store.findUser(fresh('nobody'))).toBeNull();
      expect((await store.listUsers()).map((u) => u.username)).toContain(username);
      expect(await store.setPasswordHash(ann?.id as string, 'scrypt$y')).toBe(true);
      expect((await store.findUser(username))?.passwordHash).toBe('scrypt$y');
      expect(await store.setPasswordHash('no-such-id', 'h')).toBe(false);
    });

    it('keeps sessions by hash and ends all of an account but one', async () => {
      const user = await store.createUser({ username: fresh('s'), displayName: 'S', passwordHash: 'h', admin: false });
      const id = user?.id as string;
      const now = Date.now();
      const [a, b, c] = [fresh('a'), fresh('b'), fresh('c')];
      for (const hash of [a, b, c])
        await store.createSession(hash, { userId: id, createdAt: now, expiresAt: now + 1000 });
      expect(await store.getSession(a)).toEqual({ userId: id, createdAt: now, expiresAt: now + 1000 });
      await store.deleteSession(a);
      expect(await store.getSession(a)).toBeNull();
      await store.deleteSessionsOf(id, b);
      expect(await store.getSession(b)).not.toBeNull();
      expect(await store.getSession(c)).toBeNull();
    });

    it('keeps tokens by hash, lists them per account, and revokes them for good', async () => {
      const user = await store.createUser({ username: fresh('t'), displayName: 'T', passwordHash: 'h', admin: false });
      const id = user?.id as string;
      const hash = fresh('token-hash');
      const info = await store.createToken(hash, { userId: id, name: 'ci' });
      expect(info).toEqual({ id: expect.any(String), userId: id, name: 'ci', createdAt: expect.any(Number) });
      expect(await store.findToken(hash)).toEqual(info);
      expect(await store.listTokens(id)).toEqual([info]);
      expect(await store.revokeToken(info.id)).toBe(true);
      expect(await store.revokeToken(info.id)).toBe(false);
      expect(await store.findToken(hash)).toBeNull();
    });

    it('gives, changes and takes away roles per template', async () => {
      const user = await store.createUser({ username: fresh('r'), displayName: 'R', passwordHash: 'h', admin: false });
      const id = user?.id as string;
      const [doc, other] = [freshDocId('doc'), freshDocId('other')];
      expect(await store.roleOf(doc, id)).toBeNull();
      await store.setRole(doc, id, 'viewer');
      await store.setRole(doc, id, 'editor');
      await store.setRole(other, id, 'owner');
      expect(await store.roleOf(doc, id)).toBe('editor');
      expect(await store.listMembers(doc)).toEqual([
        { userId: id, username: user?.username, displayName: 'R', role: 'editor' },
      ]);
      expect(await store.rolesOf(id)).toEqual(
        [
          { docId: doc, role: 'editor' },
          { docId: other, role: 'owner' },
        ].sort((x, y) => x.docId.localeCompare(y.docId)),
      );
      expect(await store.removeRole(doc, id)).toBe(true);
      expect(await store.removeRole(doc, id)).toBe(false);
      expect(await store.listMembers(doc)).toEqual([]);
    });
  });
}
