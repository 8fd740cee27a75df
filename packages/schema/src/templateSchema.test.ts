import { getAttributesFromExtensions, resolveExtensions } from '@tiptap/core';
import { describe, expect, it } from 'vitest';
import { templateExtensions } from './templateExtensions.ts';
import { templateSchema } from './templateSchema.ts';

function nodeType(name: string) {
  const type = templateSchema.nodes[name];
  if (!type) throw new Error(`no node type ${name}`);
  return type;
}

describe('templateSchema', () => {
  it('holds the clause, field and reference nodes next to the Tiptap nodes, marks in model order', () => {
    for (const name of ['doc', 'paragraph', 'heading', 'clause', 'clauseParagraph', 'field', 'clauseRef']) {
      expect(templateSchema.nodes[name], name).toBeDefined();
    }
    for (const name of ['table', 'tableRow', 'tableHeader', 'tableCell', 'hardBreak', 'text']) {
      expect(templateSchema.nodes[name], name).toBeDefined();
    }
    expect(Object.keys(templateSchema.marks)).toEqual(['bold', 'italic', 'strike']);
  });

  it('makes clauses flat blocks and fields and references inline atoms', () => {
    const { clause, clauseParagraph, field, clauseRef } = templateSchema.nodes;
    expect(clause?.isTextblock).toBe(true);
    expect(clause?.contentMatch.matchType(nodeType('clause'))).toBeNull();
    expect(clauseParagraph?.isTextblock).toBe(true);
    expect(field?.isInline && field.isAtom).toBe(true);
    expect(clauseRef?.isInline && clauseRef.isAtom).toBe(true);
  });

  it('gives clause attributes their defaults', () => {
    const clause = nodeType('clause').create();
    expect(clause.attrs).toEqual({ id: null, level: 1, if: null, unless: null });
    expect(nodeType('field').create({ key: 'amount' }).attrs).toEqual({
      key: 'amount',
      filter: null,
      textMarks: null,
    });
  });

  it('does not copy a clause id onto the second half of a split', () => {
    const attributes = getAttributesFromExtensions(resolveExtensions(templateExtensions));
    const id = attributes.find((a) => a.type === 'clause' && a.name === 'id');
    const level = attributes.find((a) => a.type === 'clause' && a.name === 'level');
    expect(id?.attribute.keepOnSplit).toBe(false);
    expect(level?.attribute.keepOnSplit).toBe(true);
  });

  it('rejects a clause nested inside a clause', () => {
    const doc = templateSchema.nodeFromJSON({
      type: 'doc',
      content: [{ type: 'clause', content: [{ type: 'clause' }] }],
    });
    expect(() => doc.check()).toThrow();
  });
});
