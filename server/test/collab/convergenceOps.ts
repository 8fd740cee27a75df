import { MAX_CLAUSE_LEVEL } from '@clausewright/schema';
import * as Y from 'yjs';

export type Random = () => number;

const int = (random: Random, n: number) => Math.floor(random() * n);
const pick = <T>(random: Random, items: readonly T[]): T | undefined => items[int(random, items.length)];

const WORDS = ['the ', 'Party ', 'shall ', '甲方', '乙方', '应当', 'pay ', 'x', '.', ' ', '，'];

function randomText(random: Random): string {
  let s = '';
  const n = 1 + int(random, 4);
  for (let i = 0; i < n; i++) s += pick(random, WORDS);
  return s;
}

/** The body's clauses with their index in the body. */
export function clausesOf(body: Y.XmlFragment): { el: Y.XmlElement; index: number }[] {
  const out: { el: Y.XmlElement; index: number }[] = [];
  body.toArray().forEach((node, index) => {
    if (node instanceof Y.XmlElement && node.nodeName === 'clause') out.push({ el: node, index });
  });
  return out;
}

/** A copy of a clause child (text or inline atom) that can be inserted elsewhere. */
function copyChild(child: Y.XmlElement | Y.XmlText): Y.XmlElement | Y.XmlText {
  return child.clone() as Y.XmlElement | Y.XmlText;
}

type Delta = { insert: unknown; attributes?: Record<string, unknown> }[];

/** The part of a text's delta from `offset` on. */
function deltaFrom(text: Y.XmlText, offset: number): Delta {
  const out: Delta = [];
  let pos = 0;
  for (const op of text.toDelta() as Delta) {
    const s = op.insert as string;
    const end = pos + s.length;
    if (end > offset) out.push({ ...op, insert: s.slice(Math.max(0, offset - pos)) });
    pos = end;
  }
  return out;
}

/** A random point inside a clause: a child index and, when that child is text, an offset in it. */
function randomPoint(random: Random, clause: Y.XmlElement): { child: number; offset: number } {
  const children = clause.toArray();
  if (children.length === 0) return { child: 0, offset: 0 };
  const child = int(random, children.length + 1);
  const node = children[child];
  return { child, offset: node instanceof Y.XmlText ? int(random, node.length + 1) : 0 };
}

/** Moves a clause's content from `point` on to the end of `target` (copies inserted, originals deleted). */
function moveTail(clause: Y.XmlElement, point: { child: number; offset: number }, target: Y.XmlElement): void {
  const children = clause.toArray() as (Y.XmlElement | Y.XmlText)[];
  let cut = point.child;
  const node = children[point.child];
  if (node instanceof Y.XmlText && point.offset > 0) {
    const tail = deltaFrom(node, point.offset);
    if (tail.length) {
      const text = new Y.XmlText();
      target.insert(target.length, [text]);
      text.applyDelta(tail);
    }
    node.delete(point.offset, node.length - point.offset);
    cut = point.child + 1;
  }
  const rest = children.slice(cut);
  if (rest.length) {
    target.insert(target.length, rest.map(copyChild));
    clause.delete(cut, rest.length);
  }
}

export interface OpContext {
  random: Random;
  /** Makes a fresh clause id (unique across clients). */
  newId(): string;
  fieldKeys: readonly string[];
}

export type OpName = 'type' | 'enter' | 'tab' | 'shiftTab' | 'deleteRange' | 'deleteAcross' | 'deleteClause' | 'field';

/** Applies one random editing operation to `doc`'s body, in one transaction; returns its name. */
export function randomOp(doc: Y.Doc, ctx: OpContext): OpName {
  const { random } = ctx;
  const body = doc.getXmlFragment('body');
  const ops: [OpName, number][] = [
    ['type', 30],
    ['enter', 12],
    ['tab', 8],
    ['shiftTab', 8],
    ['deleteRange', 12],
    ['deleteAcross', 8],
    ['deleteClause', 4],
    ['field', 8],
  ];
  let r = random() * ops.reduce((sum, [, w]) => sum + w, 0);
  let op: OpName = 'type';
  for (const [name, w] of ops) {
    r -= w;
    if (r < 0) {
      op = name;
      break;
    }
  }
  const clauses = clausesOf(body);
  const target = pick(random, clauses);
  if (!target) return op;
  const { el: clause, index } = target;
  doc.transact(() => {
    switch (op) {
      case 'type': {
        const texts = clause.toArray().filter((c): c is Y.XmlText => c instanceof Y.XmlText);
        const text = pick(random, texts);
        if (text) text.insert(int(random, text.length + 1), randomText(random));
        else clause.insert(int(random, clause.length + 1), [new Y.XmlText(randomText(random))]);
        break;
      }
      case 'enter': {
        const fresh = new Y.XmlElement('clause');
        fresh.setAttribute('id', ctx.newId());
        fresh.setAttribute('level', clause.getAttribute('level') as unknown as string);
        body.insert(index + 1, [fresh]);
        moveTail(clause, randomPoint(random, clause), fresh);
        break;
      }
      case 'tab':
      case 'shiftTab': {
        const level = Number(clause.getAttribute('level') ?? 1);
        const next = Math.min(MAX_CLAUSE_LEVEL, Math.max(1, level + (op === 'tab' ? 1 : -1)));
        // y-tiptap stores attribute values as they are; the level is a number.
        clause.setAttribute('level', next as unknown as string);
        break;
      }
      case 'deleteRange': {
        const texts = clause.toArray().filter((c): c is Y.XmlText => c instanceof Y.XmlText && c.length > 0);
        const text = pick(random, texts);
        if (!text) break;
        const from = int(random, text.length);
        text.delete(from, 1 + int(random, Math.min(12, text.length - from)));
        break;
      }
      case 'deleteAcross': {
        // Select from inside this clause to inside the next one and delete: the two clauses merge.
        const next = body.get(index + 1);
        if (!(next instanceof Y.XmlElement) || next.nodeName !== 'clause') break;
        const from = randomPoint(random, clause);
        const to = randomPoint(random, next);
        // Drop this clause's tail and the next clause's head…
        const children = clause.toArray();
        const cutNode = children[from.child];
        if (cutNode instanceof Y.XmlText && from.offset > 0) {
          cutNode.delete(from.offset, cutNode.length - from.offset);
          if (children.length > from.child + 1) clause.delete(from.child + 1, children.length - from.child - 1);
        } else if (children.length > from.child) {
          clause.delete(from.child, children.length - from.child);
        }
        // …then move what is left of the next clause into this one and delete it.
        moveTail(next, to, clause);
        body.delete(index + 1, 1);
        break;
      }
      case 'deleteClause': {
        if (clauses.length > 8) body.delete(index, 1);
        break;
      }
      case 'field': {
        const field = new Y.XmlElement('field');
        field.setAttribute('key', pick(random, ctx.fieldKeys) ?? 'party_a');
        clause.insert(int(random, clause.length + 1), [field]);
        break;
      }
    }
  });
  return op;
}
