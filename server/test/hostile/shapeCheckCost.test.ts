import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { BODY_FIELD } from '@clausewright/schema';
import { expect, it } from 'vitest';
import * as Y from 'yjs';
import type { CollabSession } from '../../src/collab/CollabSession.ts';
import { DocumentHub } from '../../src/collab/DocumentHub.ts';
import { storeNewTemplate } from '../../src/collab/storeNewTemplate.ts';
import { UpdateGuard } from '../../src/collab/UpdateGuard.ts';
import { createLogger } from '../../src/createLogger.ts';
import { SqliteStore } from '../../src/storage/index.ts';
import { prng } from '../prng.ts';
import { manyClauses } from './templateState.ts';

const KEYSTROKES = 1000;

it('checks a keystroke on a 1,000-clause template in well under a millisecond', async () => {
  const dir = await mkdtemp(path.join(tmpdir(), 'cw-shape-cost-'));
  const store = SqliteStore.open(path.join(dir, 'cost.db'));
  const hub = new DocumentHub(store, { logger: createLogger('silent') });
  try {
    await storeNewTemplate(store, manyClauses('thousand', 1000));
    const hubDoc = await hub.open('thousand');
    const session: CollabSession = { name: 'typist', sendUpdate() {}, sendAwareness() {}, close() {} };
    hub.connect(hubDoc, session);
    const guard = new UpdateGuard(16 * 1024 * 1024);
    guard.retain(hubDoc);

    const editor = new Y.Doc();
    Y.applyUpdate(editor, hub.readState(hubDoc) as Uint8Array);
    const updates: Uint8Array[] = [];
    editor.on('update', (u: Uint8Array) => updates.push(u));
    const clauses = editor
      .getXmlFragment(BODY_FIELD)
      .toArray()
      .filter((b): b is Y.XmlElement => b instanceof Y.XmlElement && b.nodeName === 'clause');
    expect(clauses.length).toBe(1000);

    const random = prng(1126);
    const send = (update: Uint8Array): number => {
      const started = performance.now();
      const verdict = guard.check(hubDoc, update);
      const ms = performance.now() - started;
      expect(verdict).toEqual({ ok: true, changed: true });
      hub.receiveUpdate(hubDoc, session, update);
      guard.settled(hubDoc, update, true);
      return ms;
    };
    // The first update builds the document's copy: once per edited document.
    ((clauses[0] as Y.XmlElement).get(0) as Y.XmlText).insert(0, '始');
    const firstMs = send(updates.shift() as Uint8Array);
    const times: number[] = [];
    for (let i = 0; i < KEYSTROKES; i++) {
      const clause = clauses[Math.floor(random() * clauses.length)] as Y.XmlElement;
      const text = clause.get(0) as Y.XmlText;
      text.insert(Math.floor(random() * text.length), '字');
      times.push(send(updates.shift() as Uint8Array));
    }
    times.sort((a, b) => a - b);
    const at = (q: number) => times[Math.min(times.length - 1, Math.floor(q * times.length))] as number;
    console.log(
      `shape check, 1,000-clause template: first update ${firstMs.toFixed(1)} ms (builds the copy); ` +
        `per keystroke p50 ${at(0.5).toFixed(3)} ms, p95 ${at(0.95).toFixed(3)} ms, p99 ${at(0.99).toFixed(3)} ms`,
    );
    expect(guard.shadowBuilds).toBe(1);
    expect(at(0.5)).toBeLessThan(1);
    expect(at(0.95)).toBeLessThan(2);
    hub.disconnect(hubDoc, session);
    guard.release(hubDoc);
    expect(guard.shadowCount).toBe(0);
  } finally {
    await hub.close();
    await store.close();
    await rm(dir, { recursive: true, force: true });
  }
});
