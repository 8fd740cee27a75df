import { createHash } from 'node:crypto';
import { BODY_FIELD, FIELDS_MAP, META_MAP, templateSchema, templateToYDoc, yDocToTemplate } from '@clausewright/schema';
import { yXmlFragmentToProsemirrorJSON } from '@tiptap/y-tiptap';
import { expect, it } from 'vitest';
import type { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { connect, synced, waitFor } from '../collab/startCollab.ts';
import { prng } from '../prng.ts';
import { type FrameKind, type FuzzFrame, malformedFrames } from './malformedFrames.ts';
import { type BurstEnd, clientFrame, rawBurst } from './rawBurst.ts';
import { startHostileApp } from './startHostileApp.ts';
import { repoTemplate } from './templateState.ts';

const SEED = Number(process.env.FUZZ_SEED ?? 20261126);
const FRAMES = Number(process.env.FUZZ_FRAMES ?? 100_000);
/** Frames per hostile connection: the server reads the first, closes, and drops the rest unread. */
const MAX_BURST = 10;
const CONCURRENCY = 24;
const HONEST = 3;
const ID = 'fuzz-target';

/** The repository's services agreement as document `fuzz-target`, with a fixed Yjs client id: the frames built on
 * it are the same bytes for the same seed. */
function targetState(): Uint8Array {
  const template = repoTemplate('software-services-agreement');
  const doc = new Y.Doc();
  doc.clientID = 1;
  templateToYDoc({ ...template, meta: { ...template.meta, id: ID } }, doc);
  return Y.encodeStateAsUpdate(doc);
}

const digest = (frames: FuzzFrame[]) => {
  const hash = createHash('sha256');
  for (const f of frames) hash.update(f.wire ?? f.bytes);
  return hash.digest('hex').slice(0, 16);
};

it('draws the same frames from the same seed', () => {
  const state = targetState();
  expect(digest(malformedFrames(SEED, 3000, state))).toBe(digest(malformedFrames(SEED, 3000, state)));
  expect(digest(malformedFrames(SEED + 1, 3000, state))).not.toBe(digest(malformedFrames(SEED, 3000, state)));
});

// 100,000 frames take ~50 s on a 2-core host beside the other test files (the time limit below); a slower host must
// not fail on time.
it(`survives ${FRAMES} malformed frames with honest editors connected (seed ${SEED})`, async () => {
  console.log(`fuzz seed ${SEED} (FUZZ_SEED=${SEED} FUZZ_FRAMES=${FRAMES} to replay)`);
  // Connection limits are tested on their own; here every hostile connection must reach the frame handling.
  const server = await startHostileApp({
    limits: { maxUpgradesPerIpPerSecond: 0, maxConnectionsPerIp: 0, maxConnectionsPerUser: 0, maxPendingUpgrades: 0 },
  });
  const providers: WebsocketProvider[] = [];
  const state = targetState();
  await server.store.create(ID, state, { title: 'fuzz', locale: 'zh-CN', numbering: 'zh-article' });
  try {
    const honest: Y.Doc[] = [];
    let disconnects = 0;
    for (let i = 0; i < HONEST; i++) {
      const doc = new Y.Doc();
      const provider = connect(server.wsUrl, ID, doc, `honest-${i}`, server.headers);
      providers.push(provider);
      await synced(provider);
      provider.on('status', ({ status }: { status: string }) => {
        if (status === 'disconnected') disconnects++;
      });
      provider.awareness.setLocalStateField('user', { name: `honest-${i}` });
      honest.push(doc);
    }

    const generated = performance.now();
    const frames = malformedFrames(SEED, FRAMES, state);
    const generateMs = performance.now() - generated;
    console.log(`fuzz frames digest ${digest(frames)}`);
    const kinds = new Map<FrameKind, number>();
    for (const f of frames) kinds.set(f.kind, (kinds.get(f.kind) ?? 0) + 1);

    // Honest editors type a word into a random clause every 20 ms each, and move their cursors, all along.
    const random = prng(SEED ^ 0x5eed);
    let typed = 0;
    const typing = setInterval(() => {
      for (const [i, doc] of honest.entries()) {
        const clauses = doc
          .getXmlFragment(BODY_FIELD)
          .toArray()
          .filter((b): b is Y.XmlElement => b instanceof Y.XmlElement && b.nodeName === 'clause');
        const clause = clauses[Math.floor(random() * clauses.length)] as Y.XmlElement;
        const text = clause.toArray().find((n): n is Y.XmlText => n instanceof Y.XmlText);
        text?.insert(Math.floor(random() * (text.length + 1)), `w${typed++} `);
        if (typed % 10 === 0) providers[i]?.awareness.setLocalStateField('cursor', typed);
      }
    }, 20);

    const started = performance.now();
    const ends = new Map<string, number>();
    let next = 0;
    let connections = 0;
    const attacker = async () => {
      while (next < frames.length) {
        const size = 1 + Math.floor(random() * MAX_BURST);
        const burst = frames
          .slice(next, next + size)
          .map((f) => (f.wire ? Buffer.from(f.wire) : clientFrame(f.bytes, f.text)));
        next += size;
        connections++;
        const end: BurstEnd = await rawBurst(server.port, `/collab/${ID}?name=mallory`, burst, server.headers);
        const key = 'status' in end ? `http ${end.status}` : `close ${end.code}`;
        ends.set(key, (ends.get(key) ?? 0) + 1);
      }
    };
    await Promise.all(Array.from({ length: CONCURRENCY }, attacker));
    const fuzzMs = performance.now() - started;
    clearInterval(typing);

    console.log(
      `fuzz: ${frames.length} frames (generated in ${(generateMs / 1000).toFixed(1)} s) over ${connections} ` +
        `connections in ${(fuzzMs / 1000).toFixed(1)} s while ${HONEST} editors typed ${typed} words\n` +
        `  kinds: ${[...kinds].map(([k, n]) => `${k} ${n}`).join(', ')}\n` +
        `  endings: ${[...ends].map(([k, n]) => `${k} × ${n}`).join(', ')}\n` +
        `  rejected by reason: ${server.metrics.rejectedFrames
          .render()
          .split('\n')
          .filter((l) => l.startsWith('clausewright'))
          .map((l) => l.replace('clausewright_rejected_frames_total', ''))
          .join(', ')}`,
    );

    // Every hostile connection was closed by the server for its first frame: invalid (1007), a websocket protocol
    // error (1002) or over a limit (1008).
    const closedForIt = ['close 1002', 'close 1007', 'close 1008'];
    expect([...ends.keys()].filter((k) => !closedForIt.includes(k))).toEqual([]);
    expect(closedForIt.reduce((n, k) => n + (ends.get(k) ?? 0), 0)).toBe(connections);

    // The server is up and the honest editors were never cut off and converge.
    expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
    expect(disconnects).toBe(0);
    const reference = honest[0] as Y.Doc;
    await waitFor(
      () => honest.every((doc) => Y.encodeStateVector(doc).toString() === Y.encodeStateVector(reference).toString()),
      10_000,
    );
    for (const doc of honest) {
      expect(doc.getXmlFragment(BODY_FIELD).toString()).toBe(reference.getXmlFragment(BODY_FIELD).toString());
    }

    // What is stored is exactly the honest editors' document, and a valid template.
    const hubDoc = server.hub.loaded(ID);
    if (hubDoc) await server.hub.whenStored(hubDoc);
    const stored = new Y.Doc();
    for (const u of await server.store.load(ID)) Y.applyUpdate(stored, u);
    expect(Y.encodeStateVector(stored)).toEqual(Y.encodeStateVector(reference));
    expect(stored.getXmlFragment(BODY_FIELD).toString()).toBe(reference.getXmlFragment(BODY_FIELD).toString());
    expect(stored.getMap(META_MAP).toJSON()).toEqual(reference.getMap(META_MAP).toJSON());
    expect(stored.getMap(FIELDS_MAP).toJSON()).toEqual(reference.getMap(FIELDS_MAP).toJSON());
    expect([...stored.share.keys()].sort()).toEqual([BODY_FIELD, FIELDS_MAP, META_MAP].sort());
    expect(yDocToTemplate(stored).meta.id).toBe(ID);
    templateSchema.nodeFromJSON(yXmlFragmentToProsemirrorJSON(stored.getXmlFragment(BODY_FIELD))).check();
    expect(typed).toBeGreaterThan(0);
  } finally {
    for (const p of providers) p.destroy();
    await server.close();
  }
}, 240_000);
