import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { serializeTemplate } from '@clausewright/markdown';
import * as Y from 'yjs';
import { yDocToTemplate } from '../packages/schema/src/yDocToTemplate.ts';
import { type CollabSession, DocumentHub, type DocumentHubOptions } from '../server/src/collab/DocumentHub.ts';
import { storeNewTemplate } from '../server/src/collab/storeNewTemplate.ts';
import { createLogger } from '../server/src/createLogger.ts';
import { SqliteStore } from '../server/src/storage/SqliteStore.ts';
import { publishVersion } from '../server/src/versions/publishVersion.ts';
import type { Bench } from './harness.ts';
import { thousandClauseTemplate } from './markdown.bench.ts';

// Publishing a version of the 1,000-clause benchmark contract as `POST /versions` does it (publishVersion: the hub's
// live document → Y.Doc → Template → Clause Markdown → sha256 → one SQLite row), on a document open in the hub with
// one editing session. Before each timed publish the session types a character into a clause (untimed), so every
// version is of a draft that changed since the last one. The hub keeps the Y.Doc of a whole-document read for a
// while (DocumentHub.readDoc), so a publish after another read (the history panel's, an earlier publish) only
// applies the updates received since; the first publish in the warm-up builds it.
//  version.create.1000       published right after the keystroke: its update is still pending in the hub, so the
//                            version's state is encoded from the Y.Doc too. The metric; target ≤ 50 ms.
//  version.create.1000.idle  published after the hub folded the keystroke (it does 1 s after editing pauses, the
//                            usual case: people stop typing to publish), so the stored state is the hub's own bytes.
//  version.create.1000.cold  as version.create.1000 with no Y.Doc kept (no whole-document read in the last 30 s, or
//                            over the hub's budget): every publish builds a throwaway Y.Doc from the encoded state.
const RUNS = 30;
const WARMUP = 5;
const TARGET_MS = 50;

export default async function versionsBench(bench: Bench): Promise<void> {
  const kept = await publishRuns({}, true);
  bench.record('version.create.1000', kept.pending, 'ms', TARGET_MS);
  bench.record('version.create.1000.idle', kept.idle, 'ms', TARGET_MS);
  const cold = await publishRuns({ keepReadDocBytes: 0 }, false);
  bench.record('version.create.1000.cold', cold.pending, 'ms', TARGET_MS);
}

/** Times publishes of a freshly stored 1,000-clause template in a hub made with `options`. */
async function publishRuns(options: DocumentHubOptions, log: boolean): Promise<{ pending: number[]; idle: number[] }> {
  const dir = await mkdtemp(path.join(tmpdir(), 'cw-bench-versions-'));
  const store = SqliteStore.open(path.join(dir, 'versions.db'));
  const hub = new DocumentHub(store, { logger: createLogger('silent'), ...options });
  try {
    const template = thousandClauseTemplate();
    const id = template.meta.id;
    if (!(await storeNewTemplate(store, template))) throw new Error(`could not store ${id}`);
    const hubDoc = await hub.open(id);
    const session: CollabSession = { name: 'bench', sendUpdate() {}, sendAwareness() {}, close() {} };
    hub.connect(hubDoc, session);

    // The session's replica, kept in step with the hub, and a clause text run to type into.
    const peer = new Y.Doc();
    Y.applyUpdate(peer, (await store.load(id))[0] as Uint8Array);
    const clauses = peer
      .getXmlFragment('body')
      .toArray()
      .filter((n): n is Y.XmlElement => n instanceof Y.XmlElement && n.nodeName === 'clause');
    if (log) {
      console.log(
        `  document ${id}: ${clauses.length} clauses, ${(hub.readState(hubDoc)?.byteLength ?? 0) >> 10} KB encoded`,
      );
    }
    let edits = 0;
    const edit = async () => {
      const clause = clauses[(edits++ * 37) % clauses.length] as Y.XmlElement;
      const run = clause.toArray().find((n): n is Y.XmlText => n instanceof Y.XmlText);
      if (!run) throw new Error('a clause without text');
      const before = Y.encodeStateVector(peer);
      run.insert(0, '改');
      hub.receiveUpdate(hubDoc, session, Y.encodeStateAsUpdate(peer, before));
      await hub.whenStored(hubDoc);
    };

    let n = 0;
    const measure = async (folded: boolean): Promise<number[]> => {
      const samples: number[] = [];
      for (let i = 0; i < WARMUP + RUNS; i++) {
        await edit();
        // What the hub's fold timer does once editing pauses.
        if (folded) hub.readState(hubDoc);
        const start = performance.now();
        await publishVersion(hub, id, { message: `v${++n}`, author: 'bench' });
        if (i >= WARMUP) samples.push(performance.now() - start);
      }
      return samples;
    };
    const pending = await measure(false);
    const idle = await measure(true);
    const last = (await store.listVersions(id))[0];
    const stored = last ? await store.getVersion(id, last.version) : null;
    // Each version must hold the draft it was published from: the replica, which typed every edit.
    if (stored?.markdown !== serializeTemplate(yDocToTemplate(peer))) throw new Error('a version lost an edit');
    if (log) {
      console.log(
        `  each version: ${((stored?.markdown.length ?? 0) / 1024).toFixed(0)} KB of Clause Markdown, ${((stored?.state.byteLength ?? 0) / 1024).toFixed(0)} KB of state`,
      );
    }
    hub.disconnect(hubDoc, session);
    return { pending, idle };
  } finally {
    await hub.close();
    await store.close();
    await rm(dir, { recursive: true, force: true });
  }
}
