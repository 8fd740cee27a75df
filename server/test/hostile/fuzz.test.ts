import { BODY_FIELD, FIELDS_MAP, META_MAP, templateSchema, yDocToTemplate } from '@clausewright/schema';
import { yXmlFragmentToProsemirrorJSON } from '@tiptap/y-tiptap';
import { expect, it } from 'vitest';
import type { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { connect, synced, waitFor } from '../collab/startCollab.ts';
import { prng } from '../prng.ts';
import { type FrameKind, malformedFrames } from './malformedFrames.ts';
import { type BurstEnd, clientFrame, rawBurst } from './rawBurst.ts';
import { startHostileApp } from './startHostileApp.ts';

const SEED = Number(process.env.FUZZ_SEED ?? 20261126);
const FRAMES = Number(process.env.FUZZ_FRAMES ?? 100_000);
/** Frames per hostile connection: the server reads the first, closes, and drops the rest unread. */
const MAX_BURST = 10;
const CONCURRENCY = 24;
const HONEST = 3;
const ID = 'software-services-agreement';

it(`survives ${FRAMES} malformed frames with honest editors connected (seed ${SEED})`, async () => {
  console.log(`fuzz seed ${SEED} (FUZZ_SEED=${SEED} FUZZ_FRAMES=${FRAMES} to replay)`);
  // Connection limits are tested on their own; here every hostile connection must reach the frame handling.
  const server = await startHostileApp({
    limits: { maxUpgradesPerIpPerSecond: 0, maxConnectionsPerIp: 0, maxConnectionsPerUser: 0, maxPendingUpgrades: 0 },
  });
  const providers: WebsocketProvider[] = [];
  try {
    const honest: Y.Doc[] = [];
    let disconnects = 0;
    for (let i = 0; i < HONEST; i++) {
      const doc = new Y.Doc();
      const provider = connect(server.wsUrl, ID, doc, `honest-${i}`);
      providers.push(provider);
      await synced(provider);
      provider.on('status', ({ status }: { status: string }) => {
        if (status === 'disconnected') disconnects++;
      });
      provider.awareness.setLocalStateField('user', { name: `honest-${i}` });
      honest.push(doc);
    }
    const state = Y.encodeStateAsUpdate(honest[0] as Y.Doc);

    const generated = performance.now();
    const frames = malformedFrames(SEED, FRAMES, state);
    const generateMs = performance.now() - generated;
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
        const burst = frames.slice(next, next + size).map((f) => clientFrame(f.bytes, f.text));
        next += size;
        connections++;
        const end: BurstEnd = await rawBurst(server.port, `/collab/${ID}?name=mallory`, burst);
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

    // Every hostile connection was closed by the server for its first frame: invalid (1007) or over a limit (1008).
    expect([...ends.keys()].every((k) => k === 'close 1007' || k === 'close 1008')).toBe(true);
    expect((ends.get('close 1007') ?? 0) + (ends.get('close 1008') ?? 0)).toBe(connections);

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
});
