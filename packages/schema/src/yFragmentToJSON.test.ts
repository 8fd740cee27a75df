import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseTemplate } from '@clausewright/markdown';
import { yXmlFragmentToProsemirrorJSON } from '@tiptap/y-tiptap';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { templateToYDoc } from './templateToYDoc.ts';
import { yFragmentToJSON } from './yFragmentToJSON.ts';

const templatesDir = join(dirname(fileURLToPath(import.meta.url)), '../../../templates');

function seeded(name: string): Y.Doc {
  const source = readFileSync(join(templatesDir, name, 'template.md'), 'utf8');
  const doc = new Y.Doc();
  templateToYDoc(parseTemplate(source, { expectedId: name }), doc);
  return doc;
}

const body = (doc: Y.Doc) => doc.getXmlFragment('body');

describe('yFragmentToJSON', () => {
  for (const name of readdirSync(templatesDir)) {
    it(`${name}: reads the same JSON as y-tiptap, before and after an update round trip`, () => {
      const doc = seeded(name);
      expect(yFragmentToJSON(body(doc))).toEqual(yXmlFragmentToProsemirrorJSON(body(doc)));
      const copy = new Y.Doc();
      Y.applyUpdate(copy, Y.encodeStateAsUpdate(doc));
      expect(yFragmentToJSON(body(copy))).toEqual(yXmlFragmentToProsemirrorJSON(body(copy)));
    });
  }

  it('splits text where formatting changes, drops deleted content and strips hashed mark suffixes', () => {
    const doc = new Y.Doc();
    const clause = new Y.XmlElement('clause');
    clause.setAttribute('id', 'c1');
    clause.setAttribute('level', 1 as unknown as string);
    const text = new Y.XmlText();
    const field = new Y.XmlElement('field');
    field.setAttribute('key', 'amount');
    body(doc).insert(0, [clause, new Y.XmlElement('paragraph')]);
    clause.insert(0, [text, field, new Y.XmlText('tail')]);
    text.insert(0, 'plain bold both gone');
    text.format(6, 4, { bold: {} });
    text.format(11, 4, { bold: {}, 'comment--AbCd12+/': { id: 1 } });
    text.delete(16, 4);
    field.setAttribute('filter', 'rmb_upper');
    field.removeAttribute('key');
    const json = yFragmentToJSON(body(doc));
    expect(json).toEqual(yXmlFragmentToProsemirrorJSON(body(doc)));
    expect(json.content?.[0]?.content?.map((n) => n.text ?? n.type)).toEqual([
      'plain ',
      'bold',
      ' ',
      'both',
      ' ',
      'field',
      'tail',
    ]);
    expect(json.content?.[0]?.content?.[3]?.marks).toEqual([
      { type: 'bold', attrs: {} },
      { type: 'comment', attrs: { id: 1 } },
    ]);
    expect(json.content?.[1]).toEqual({ type: 'paragraph' });
  });

  it('matches y-tiptap after random concurrent edits by two replicas', () => {
    const op = fc.record({
      who: fc.integer({ min: 0, max: 1 }),
      kind: fc.constantFrom('insert', 'delete', 'format', 'unformat', 'block', 'drop', 'attr'),
      at: fc.nat(),
      len: fc.integer({ min: 1, max: 6 }),
      text: fc.string({ minLength: 1, maxLength: 4 }),
      sync: fc.boolean(),
    });
    fc.assert(
      fc.property(fc.array(op, { maxLength: 40 }), (ops) => {
        const base = seeded(readdirSync(templatesDir)[0] as string);
        const replicas = [new Y.Doc(), new Y.Doc()];
        for (const r of replicas) Y.applyUpdate(r, Y.encodeStateAsUpdate(base));
        const sync = () => {
          const [a, b] = replicas as [Y.Doc, Y.Doc];
          Y.applyUpdate(a, Y.encodeStateAsUpdate(b, Y.encodeStateVector(a)));
          Y.applyUpdate(b, Y.encodeStateAsUpdate(a, Y.encodeStateVector(b)));
        };
        for (const { who, kind, at, len, text, sync: now } of ops) {
          const fragment = body(replicas[who] as Y.Doc);
          const blocks = fragment.toArray().filter((n): n is Y.XmlElement => n instanceof Y.XmlElement);
          const block = blocks[at % Math.max(1, blocks.length)];
          const run = block?.toArray().find((n): n is Y.XmlText => n instanceof Y.XmlText);
          const spot = run ? at % (run.length + 1) : 0;
          if (kind === 'insert' && run) run.insert(spot, text);
          if (kind === 'delete' && run && run.length > 0)
            run.delete(spot % run.length, Math.min(len, run.length - (spot % run.length)));
          if (kind === 'format' && run) run.format(spot, len, { italic: {} });
          if (kind === 'unformat' && run) run.format(spot, len, { italic: null });
          if (kind === 'block') {
            const clause = new Y.XmlElement('clause');
            clause.setAttribute('id', `n${at}`);
            clause.insert(0, [new Y.XmlText(text)]);
            fragment.insert(at % (fragment.length + 1), [clause]);
          }
          if (kind === 'drop' && block && fragment.length > 1) fragment.delete(at % fragment.length, 1);
          if (kind === 'attr' && block) block.setAttribute('level', String(len));
          if (now) sync();
        }
        sync();
        for (const r of replicas) expect(yFragmentToJSON(body(r))).toEqual(yXmlFragmentToProsemirrorJSON(body(r)));
      }),
      { numRuns: 40 },
    );
  });
});
