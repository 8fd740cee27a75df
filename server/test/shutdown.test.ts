import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { SqliteStore } from '../src/storage/index.ts';
import {
  adminHeaders,
  type ChildServer,
  createEmptyDocs,
  killChild,
  startChildServer,
} from './collab/killNineServer.ts';
import { connect, sleep, synced } from './collab/startCollab.ts';

const DOC_ID = 'graceful';
const EDITS = 2000;

let dataDir: string;
let templatesDir: string;
let server: ChildServer | null;
let provider: WebsocketProvider | null;

beforeEach(async () => {
  dataDir = await mkdtemp(path.join(tmpdir(), 'cw-shutdown-data-'));
  templatesDir = await mkdtemp(path.join(tmpdir(), 'cw-shutdown-templates-'));
  await createEmptyDocs(dataDir, [DOC_ID]);
  server = null;
  provider = null;
});

afterEach(async () => {
  provider?.destroy();
  if (server) await killChild(server);
  await rm(dataDir, { recursive: true, force: true });
  await rm(templatesDir, { recursive: true, force: true });
});

describe('graceful shutdown', () => {
  it('on SIGTERM stores every update a client sent before the signal, then exits 0', async () => {
    const s = await startChildServer(dataDir, templatesDir);
    server = s;
    const doc = new Y.Doc();
    provider = connect(s.url, DOC_ID, doc, 'writer', await adminHeaders(s));
    await synced(provider);
    const tokens = doc.getArray<number>('tokens');
    // One message per edit, sent as fast as possible: the server is still working through them when the signal lands.
    for (let i = 0; i < EDITS; i++) tokens.push([i]);
    const ws = provider.ws as unknown as { bufferedAmount: number } | null;
    while (ws && ws.bufferedAmount > 0) await sleep(1);
    s.child.kill('SIGTERM');
    await s.exited;
    expect(s.child.exitCode, s.output()).toBe(0);
    expect(s.output()).toContain('storage flushed and closed');
    provider.destroy();
    provider = null;

    const store = SqliteStore.open(path.join(dataDir, 'clausewright.db'));
    try {
      const stored = new Y.Doc();
      for (const update of await store.load(DOC_ID)) Y.applyUpdate(stored, update);
      const kept = stored.getArray<number>('tokens').toArray();
      expect(kept.length).toBe(EDITS);
      expect(kept.at(-1)).toBe(EDITS - 1);
    } finally {
      await store.close();
    }
  });
});
