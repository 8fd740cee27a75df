import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseTemplate } from '@clausewright/markdown';
import type { Template } from '@clausewright/model';
import type { JSONContent } from '@tiptap/core';
import {
  prosemirrorJSONToYXmlFragment,
  yXmlFragmentToProseMirrorRootNode,
  yXmlFragmentToProsemirrorJSON,
} from '@tiptap/y-tiptap';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { docToBody } from './docToBody.ts';
import { templateSchema } from './templateSchema.ts';
import { templateToDoc } from './templateToDoc.ts';
import { templateToYDoc } from './templateToYDoc.ts';
import { yDocToTemplate } from './yDocToTemplate.ts';

const templatesDir = join(dirname(fileURLToPath(import.meta.url)), '../../../templates');
const templates = readdirSync(templatesDir).map((name) => ({
  name,
  template: parseTemplate(readFileSync(join(templatesDir, name, 'template.md'), 'utf8'), { expectedId: name }),
}));

function throughUpdate(source: Y.Doc): Y.Doc {
  const fresh = new Y.Doc();
  Y.applyUpdate(fresh, Y.encodeStateAsUpdate(source));
  return fresh;
}

describe('templateToYDoc / yDocToTemplate', () => {
  for (const { name, template } of templates) {
    it(`${name}: a template written to a Y.Doc, sent as an update and read back is unchanged`, () => {
      const ydoc = new Y.Doc();
      templateToYDoc(template, ydoc);
      const back = yDocToTemplate(throughUpdate(ydoc));
      expect(back).toEqual(template);
      expect(Object.keys(back.fields)).toEqual(Object.keys(template.fields));
    });

    it(`${name}: the body fragment reads as the same ProseMirror document through the schema`, () => {
      const ydoc = new Y.Doc();
      templateToYDoc(template, ydoc);
      const node = yXmlFragmentToProseMirrorRootNode(throughUpdate(ydoc).getXmlFragment('body'), templateSchema);
      node.check();
      expect(node.eq(templateSchema.nodeFromJSON(templateToDoc(template)))).toBe(true);
    });
  }

  it('keeps marks on fields and references, conditions, tables and clause paragraphs through Yjs', () => {
    const template: Template = {
      meta: { schemaVersion: 1, id: 'demo', title: '示例', locale: 'zh-CN', numbering: 'zh-article' },
      fields: {
        amount: { label: '金额', type: 'money', required: true },
        mode: { label: 'Mode', type: 'choice', options: ['a', 'b c'] },
      },
      body: [
        { type: 'heading', level: 1, content: [{ type: 'text', text: 'Title', marks: ['italic'] }] },
        {
          type: 'clauses',
          clauses: [
            {
              id: 'pay',
              content: [
                { type: 'field', key: 'amount', filter: 'rmb_upper', marks: ['bold'] },
                { type: 'break' },
                { type: 'ref', target: 'law', marks: ['bold', 'strike'] },
              ],
              paragraphs: [[{ type: 'text', text: 'more' }], []],
              condition: { kind: 'if', field: 'mode', equals: 'b c' },
              children: [
                { id: 'law', content: [], paragraphs: [], condition: { kind: 'unless', field: 'mode' }, children: [] },
              ],
            },
          ],
        },
        {
          type: 'table',
          align: ['center', null],
          rows: [
            [[{ type: 'text', text: '甲' }], []],
            [[], [{ type: 'field', key: 'amount' }]],
          ],
        },
      ],
    };
    const ydoc = new Y.Doc();
    templateToYDoc(template, ydoc);
    expect(yDocToTemplate(throughUpdate(ydoc))).toEqual(template);
  });

  it('needs `textMarks` because y-tiptap drops ProseMirror marks on atoms (fails if y-tiptap starts keeping them)', () => {
    const fragment = new Y.Doc().getXmlFragment('body');
    const paragraph = (content: JSONContent[]) => ({ type: 'doc', content: [{ type: 'paragraph', content }] });
    const marked: JSONContent = { type: 'field', attrs: { key: 'a' }, marks: [{ type: 'bold' }] };
    prosemirrorJSONToYXmlFragment(templateSchema, paragraph([marked]), fragment);
    expect(docToBody(yXmlFragmentToProsemirrorJSON(fragment))).toEqual([
      { type: 'paragraph', content: [{ type: 'field', key: 'a' }] },
    ]);
  });

  it('writes the body to the "body" fragment and meta and fields to their maps', () => {
    const { template } = templates[0] as { template: Template };
    const ydoc = new Y.Doc();
    templateToYDoc(template, ydoc);
    expect(ydoc.getXmlFragment('body').length).toBeGreaterThan(0);
    expect(ydoc.getXmlFragment('prosemirror').length).toBe(0);
    expect(ydoc.getMap('meta').toJSON()).toEqual(template.meta);
    expect(ydoc.getMap('fields').toJSON()).toEqual(template.fields);
  });

  it('reads without changing the Y.Doc, even content a schema would not know', () => {
    const { template } = templates[0] as { template: Template };
    const ydoc = new Y.Doc();
    templateToYDoc(template, ydoc);
    // A node from a newer client: reading through a schema that lacks it would delete it.
    ydoc.getXmlFragment('body').insert(0, [new Y.XmlElement('futureNode')]);
    const before = Y.encodeStateAsUpdate(ydoc);
    let changes = 0;
    ydoc.on('update', () => changes++);
    const back = yDocToTemplate(ydoc);
    expect(changes).toBe(0);
    expect(Y.encodeStateAsUpdate(ydoc)).toEqual(before);
    expect(back.body).toEqual(template.body);
  });

  it('refuses to seed a Y.Doc that already holds a template', () => {
    const { template } = templates[0] as { template: Template };
    const ydoc = new Y.Doc();
    templateToYDoc(template, ydoc);
    expect(() => templateToYDoc(template, ydoc)).toThrow(/already holds/);
  });

  it('refuses a Y.Doc without meta', () => {
    expect(() => yDocToTemplate(new Y.Doc())).toThrow(/meta/);
  });

  it('writes in one transaction, so peers receive one update', () => {
    const { template } = templates[0] as { template: Template };
    const ydoc = new Y.Doc();
    let updates = 0;
    ydoc.on('update', () => updates++);
    templateToYDoc(template, ydoc);
    expect(updates).toBe(1);
  });
});
