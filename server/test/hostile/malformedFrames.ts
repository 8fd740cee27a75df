import { BODY_FIELD, FIELDS_MAP, META_MAP } from '@clausewright/schema';
import * as Y from 'yjs';
import { checkAwarenessUpdate } from '../../src/collab/checkAwarenessUpdate.ts';
import { checkUpdateShape, newShadowDoc } from '../../src/collab/checkUpdateShape.ts';
import { FrameError, readCollabFrame } from '../../src/collab/readCollabFrame.ts';
import { prng } from '../prng.ts';
import { awarenessFrame, lengthPrefixed, updateFrame, varUint } from './startHostileApp.ts';

/** One frame a hostile client sends: binary, or a text frame. */
export interface FuzzFrame {
  bytes: Uint8Array;
  text: boolean;
  kind: FrameKind;
  /** A whole websocket frame that breaks RFC 6455 itself, sent as it is instead of framing `bytes`. */
  wire?: Uint8Array;
}

export type FrameKind =
  | 'random-bytes'
  | 'truncated-varint'
  | 'huge-length'
  | 'unknown-type'
  | 'trailing-bytes'
  | 'truncated-update'
  | 'flipped-update'
  | 'schema-breaking'
  | 'missing-dependencies'
  | 'bad-awareness'
  | 'bad-state-vector'
  | 'text'
  | 'broken-websocket';

const WEIGHTS: [FrameKind, number][] = [
  ['random-bytes', 14],
  ['truncated-varint', 8],
  ['huge-length', 8],
  ['unknown-type', 8],
  ['trailing-bytes', 6],
  ['truncated-update', 10],
  ['flipped-update', 8],
  ['schema-breaking', 12],
  ['missing-dependencies', 5],
  ['bad-awareness', 11],
  ['bad-state-vector', 5],
  ['text', 5],
  ['broken-websocket', 4],
];
const TOTAL_WEIGHT = WEIGHTS.reduce((sum, [, w]) => sum + w, 0);

/**
 * `count` frames the server must refuse, from `seed`: each is checked in process with the server's own decoding and
 * checks (`readCollabFrame`, `checkUpdateShape`, `checkAwarenessUpdate`, `Y.diffUpdate` for state vectors), and a
 * candidate the server would accept (random bytes can spell a valid message) is drawn again. `state` is the
 * document the frames are aimed at (schema-breaking updates are built on it).
 */
export function malformedFrames(seed: number, count: number, state: Uint8Array): FuzzFrame[] {
  const random = prng(seed);
  const int = (n: number) => Math.floor(random() * n);
  const bytes = (n: number) => Uint8Array.from({ length: n }, () => int(256));
  const pools = buildPools(random, state);
  const pick = <T>(list: readonly T[]) => list[int(list.length)] as T;

  const candidate = (kind: FrameKind): Uint8Array | string => {
    switch (kind) {
      case 'random-bytes':
        return bytes(int(40));
      case 'truncated-varint':
        // Every byte has its continuation bit set: the varint never ends.
        return Uint8Array.from([
          ...(random() < 0.5 ? [int(4)] : []),
          ...Array.from({ length: 1 + int(6) }, () => 0x80 | int(128)),
        ]);
      case 'huge-length': {
        const length = 2 ** (20 + int(33)) + int(1000);
        const head = random() < 0.7 ? [0, int(3)] : [1];
        return Uint8Array.from([...head, ...varUint(length), ...bytes(int(20))]);
      }
      case 'unknown-type':
        return random() < 0.5
          ? Uint8Array.from([...varUint(4 + int(1 << 20)), ...bytes(int(20))])
          : Uint8Array.from([0, ...varUint(3 + int(1000)), ...lengthPrefixed(bytes(int(10)))]);
      case 'trailing-bytes': {
        const valid = pick([[3], [0, 0, 1, 0], [1, 1, 0]]);
        return Uint8Array.from([...valid, ...bytes(1 + int(8))]);
      }
      case 'truncated-update': {
        const update = pick(pools.valid);
        return updateFrame(update.subarray(0, int(update.length)));
      }
      case 'flipped-update': {
        const update = Uint8Array.from(pick(pools.valid));
        for (let i = 0, n = 1 + int(4); i < n; i++) update[int(update.length)] = int(256);
        return updateFrame(update);
      }
      case 'schema-breaking':
        return updateFrame(pick(pools.schema));
      case 'missing-dependencies':
        return updateFrame(pick(pools.dangling));
      case 'bad-awareness':
        return awarenessFrame(badAwareness(int, bytes));
      case 'bad-state-vector':
        return Uint8Array.from([0, 0, ...lengthPrefixed(Uint8Array.from([1 + int(5), ...bytes(int(12))]))]);
      case 'broken-websocket':
        throw new Error('built by brokenWebsocketFrame');
      case 'text':
        return pick(['hello', '{"type":"sync"}', '\u0000\u0001', '同步', 'x'.repeat(int(200))]);
    }
  };

  const frames: FuzzFrame[] = [];
  while (frames.length < count) {
    const kind = pickKind(random() * TOTAL_WEIGHT);
    if (kind === 'broken-websocket') {
      frames.push({ bytes: new Uint8Array(0), text: false, kind, wire: brokenWebsocketFrame(int, bytes) });
      continue;
    }
    const made = candidate(kind);
    if (typeof made === 'string') {
      frames.push({ bytes: new TextEncoder().encode(made), text: true, kind });
      continue;
    }
    // The pools are refused by construction (checked once when built).
    const pooled = kind === 'schema-breaking' || kind === 'missing-dependencies';
    if (pooled || refusedInProcess(made, state)) frames.push({ bytes: made, text: false, kind });
  }
  return frames;
}

/** A frame ws' own parser refuses: reserved opcode or bits, no mask, bad UTF-8, oversized or fragmented control. */
function brokenWebsocketFrame(int: (n: number) => number, bytes: (n: number) => Uint8Array): Uint8Array {
  const mask = [1, 2, 3, 4];
  const payload = bytes(int(20));
  switch (int(6)) {
    case 0:
      return Uint8Array.from([
        0x80 | ([3, 4, 5, 6, 7, 11, 12, 13, 14, 15][int(10)] as number),
        0x80 | payload.length,
        ...mask,
        ...payload,
      ]);
    case 1:
      return Uint8Array.from([0x80 | (0x10 << int(3)) | 2, 0x80 | payload.length, ...mask, ...payload]);
    case 2:
      return Uint8Array.from([0x82, payload.length, ...payload]);
    case 3:
      return Uint8Array.from([0x81, 0x82, ...mask, 0xc3 ^ 1, 0x28 ^ 2]);
    case 4:
      return Uint8Array.from([0x89, 0xfe, 0, 200, ...mask, ...new Uint8Array(200)]);
    default:
      return Uint8Array.from([int(2) ? 0x09 : 0x80, 0x80, ...mask]);
  }
}

function pickKind(roll: number): FrameKind {
  let rest = roll;
  for (const [kind, weight] of WEIGHTS) {
    rest -= weight;
    if (rest < 0) return kind;
  }
  return 'random-bytes';
}

/** Whether the server's own checks refuse a binary frame (for updates: only when it cannot even be decoded). */
function refusedInProcess(frame: Uint8Array, state: Uint8Array): boolean {
  let decoded: ReturnType<typeof readCollabFrame>;
  try {
    decoded = readCollabFrame(frame);
  } catch (error) {
    if (error instanceof FrameError) return true;
    throw error;
  }
  switch (decoded.kind) {
    case 'sync-request':
      try {
        Y.diffUpdate(state, decoded.stateVector);
        return false;
      } catch {
        return true;
      }
    case 'update':
      try {
        Y.decodeUpdate(decoded.update);
        return false;
      } catch {
        return true;
      }
    case 'awareness':
      return checkAwarenessUpdate(decoded.update) !== null;
    case 'query-awareness':
      return false;
  }
}

function badAwareness(int: (n: number) => number, bytes: (n: number) => Uint8Array): Uint8Array {
  const entry = (json: string) => {
    const encoded = new TextEncoder().encode(json);
    return [...varUint(int(1 << 30)), ...varUint(1 + int(100)), ...varUint(encoded.length), ...encoded];
  };
  switch (int(5)) {
    case 0:
      return Uint8Array.from([1, ...entry('{"user":')]);
    case 1:
      return Uint8Array.from([1, ...entry(String(int(1000)))]);
    case 2:
      return Uint8Array.from([2, ...entry('{"ok":true}'), ...entry('[1,2]')]);
    case 3:
      return Uint8Array.from([...varUint(1 + int(1000)), ...bytes(int(10))]);
    default:
      return Uint8Array.from([1, ...entry('{"user":{"name":"x"}}'), ...bytes(1 + int(4))]);
  }
}

/** Valid updates (bases to truncate and flip), schema-breaking ones and dangling ones, all built on `state`. */
function buildPools(random: () => number, state: Uint8Array) {
  let nextClient = 1_000_000 + Math.floor(random() * 1_000_000);
  const attackerDoc = () => {
    const doc = new Y.Doc();
    // Fixed client ids, so the frames are the same for the same seed.
    doc.clientID = nextClient++;
    Y.applyUpdate(doc, state);
    return doc;
  };
  const updateOf = (edit: (doc: Y.Doc) => void) => {
    const doc = attackerDoc();
    const before = Y.encodeStateVector(doc);
    edit(doc);
    const update = Y.encodeStateAsUpdate(doc, before);
    doc.destroy();
    return update;
  };
  const clauses = (doc: Y.Doc) =>
    doc
      .getXmlFragment(BODY_FIELD)
      .toArray()
      .filter((b): b is Y.XmlElement => b instanceof Y.XmlElement && b.nodeName === 'clause');
  const some = (doc: Y.Doc) => {
    const all = clauses(doc);
    return all[Math.floor(random() * all.length)] as Y.XmlElement;
  };
  const word = () => Math.floor(random() * 1e9).toString(36);
  const element = (name: string, attrs: Record<string, unknown> = {}) => {
    const el = new Y.XmlElement(name);
    for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, v as string);
    return el;
  };

  const valid: Uint8Array[] = [];
  for (let i = 0; i < 20; i++) {
    valid.push(updateOf((doc) => (some(doc).get(0) as Y.XmlText).insert(0, `${word()} `)));
  }
  const attacks: ((doc: Y.Doc) => void)[] = [
    (doc) => some(doc).insert(0, [element('paragraph')]),
    (doc) => some(doc).insert(0, [element('clause', { id: word() })]),
    (doc) => some(doc).removeAttribute('id'),
    (doc) => some(doc).setAttribute('id', `9${word()}`),
    (doc) => some(doc).setAttribute('level', String(1 + Math.floor(random() * 9))),
    (doc) => some(doc).setAttribute('level', (20 + Math.floor(random() * 100)) as unknown as string),
    (doc) => some(doc).setAttribute(`on${word()}`, 'alert(1)'),
    (doc) => doc.getXmlFragment(BODY_FIELD).insert(0, [element('clause', { level: 1 })]),
    (doc) => doc.getXmlFragment(BODY_FIELD).insert(0, [element(`x${word()}`)]),
    (doc) => doc.getXmlFragment(BODY_FIELD).insert(0, [new Y.XmlText(word())]),
    (doc) => doc.getXmlFragment(BODY_FIELD).insert(0, [element('table', {}), element('heading', { level: 7 })]),
    (doc) => (some(doc).get(0) as Y.XmlText).format(0, 1, { [`m${word()}`]: {} }),
    (doc) => (some(doc).get(0) as Y.XmlText).insertEmbed(0, { img: word() }),
    (doc) => some(doc).insert(0, [new Y.Map() as never]),
    (doc) => doc.getMap(META_MAP).set('title', Math.floor(random() * 1000)),
    (doc) => doc.getMap(META_MAP).delete('numbering'),
    (doc) => doc.getMap(META_MAP).set(word(), 'x'),
    (doc) => doc.getMap(FIELDS_MAP).set(word(), { label: word(), type: 'nonsense' }),
    (doc) => doc.getMap(FIELDS_MAP).set(`1${word()}`, { label: 'x', type: 'text' }),
    (doc) => doc.getText(word()).insert(0, word()),
    (doc) => {
      // Valid typing and one breaking change in the same update: all of it is refused.
      (some(doc).get(0) as Y.XmlText).insert(0, word());
      some(doc).insert(0, [element('heading', { level: 1 })]);
    },
  ];
  const schema: Uint8Array[] = [];
  for (let i = 0; i < 120; i++) {
    const update = updateOf(attacks[i % attacks.length] as (doc: Y.Doc) => void);
    const shape = checkUpdateShape(newShadowDoc(state), update);
    if (shape.ok || shape.reason !== 'schema') throw new Error(`attack ${i % attacks.length} is not refused`);
    schema.push(update);
  }
  const dangling: Uint8Array[] = [];
  for (let i = 0; i < 20; i++) {
    const doc = attackerDoc();
    const updates: Uint8Array[] = [];
    doc.on('update', (u: Uint8Array) => updates.push(u));
    const text = some(doc).get(0) as Y.XmlText;
    text.insert(0, word());
    text.insert(1, word());
    dangling.push(updates[1] as Uint8Array);
    doc.destroy();
  }
  return { valid, schema, dangling };
}
