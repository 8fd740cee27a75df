import { CLAUSE_ID } from '@clausewright/model';
import { templateSchema } from '@clausewright/schema';
import * as Y from 'yjs';

type NodeType = (typeof templateSchema.nodes)[string];

/** Deeper nesting than any template needs (a table in a table cell in a table…) is refused, not recursed into. */
const MAX_DEPTH = 16;
/** Longest id, key, condition or other string attribute. */
const MAX_ATTRIBUTE_CHARS = 1000;

const isString = (v: unknown) => typeof v === 'string' && v.length <= MAX_ATTRIBUTE_CHARS;
const isIntIn = (min: number, max: number) => (v: unknown) =>
  typeof v === 'number' && Number.isInteger(v) && v >= min && v <= max;
const isSpan = isIntIn(1, 1000);
const MARK_NAMES = new Set(Object.keys(templateSchema.marks));
const CELL_ATTRIBUTES: AttributeRules = {
  colspan: isSpan,
  rowspan: isSpan,
  colwidth: (v) => Array.isArray(v) && v.length <= 1000 && v.every((w) => typeof w === 'number' && w >= 0 && w < 1e5),
  align: (v) => v === 'left' || v === 'center' || v === 'right',
};
const textMarks = (v: unknown) => isString(v) && (v as string).split(' ').every((name) => MARK_NAMES.has(name));

type AttributeRules = Record<string, (value: unknown) => boolean>;

/**
 * The attributes each node may carry and what their values must be: y-tiptap writes every non-null attribute of a
 * node as it is, so a value of another type can only come from a client that does not run the editor.
 */
const ATTRIBUTES: Record<string, AttributeRules> = {
  paragraph: {},
  heading: { level: isIntIn(1, 6) },
  hardBreak: {},
  table: {},
  tableRow: {},
  tableHeader: CELL_ATTRIBUTES,
  tableCell: CELL_ATTRIBUTES,
  clause: {
    id: (v) => isString(v) && CLAUSE_ID.test(v as string),
    level: isIntIn(1, 9),
    if: isString,
    unless: isString,
  },
  clauseParagraph: { level: isIntIn(1, 9) },
  field: { textMarks, key: isString, filter: isString },
  clauseRef: { textMarks, target: isString },
};
/** Attributes an honest editor always writes: a clause without an id cannot be referenced or diffed. */
const REQUIRED: Record<string, readonly string[]> = { clause: ['id'] };

/**
 * Node types that may appear anywhere in each type's content. Only membership is checked, not the content
 * expression's counts or order: concurrent honest edits can merge into an empty table cell, which the editor then
 * repairs, but no merge can put a node under a parent that does not allow its type.
 */
const CHILDREN = new Map<string, Set<string>>();
for (const [name, type] of Object.entries(templateSchema.nodes)) {
  const seen = new Set<unknown>();
  const types = new Set<string>();
  const queue = [type.contentMatch];
  while (queue.length) {
    const match = queue.pop() as NodeType['contentMatch'];
    if (seen.has(match)) continue;
    seen.add(match);
    for (let i = 0; i < match.edgeCount; i++) {
      const edge = match.edge(i);
      types.add(edge.type.name);
      queue.push(edge.next);
    }
  }
  CHILDREN.set(name, types);
}

/**
 * What is wrong with a top-level block of the body (an `XmlElement` and everything in it) under the template schema,
 * or null when nothing is: unknown or misplaced nodes, text where blocks belong, marks the schema lacks, unknown
 * attributes, attribute values of the wrong type, a clause without a valid id, other Yjs types in the tree.
 */
export function checkBlock(block: Y.XmlElement): string | null {
  return checkElement(block, 'doc', 1);
}

function checkElement(element: Y.XmlElement, parent: string, depth: number): string | null {
  const name = element.nodeName;
  if (!CHILDREN.get(parent)?.has(name)) return `${describe(name)} is not allowed in ${parent}`;
  if (depth > MAX_DEPTH) return `nodes nested deeper than ${MAX_DEPTH}`;
  const rules = ATTRIBUTES[name];
  if (!rules) return `${describe(name)} is not a template node`;
  const attributes = element.getAttributes() as Record<string, unknown>;
  for (const [key, value] of Object.entries(attributes)) {
    const rule = rules[key];
    if (!rule) return `${name} has no attribute "${key.slice(0, 40)}"`;
    if (!rule(value)) return `${name}.${key} has an invalid value`;
  }
  for (const key of REQUIRED[name] ?? []) {
    if (attributes[key] === undefined) return `${name} has no ${key}`;
  }
  const type = templateSchema.nodes[name] as NodeType;
  for (const child of element.toArray() as unknown[]) {
    if (child instanceof Y.XmlElement) {
      const problem = checkElement(child, name, depth + 1);
      if (problem) return problem;
    } else if (child instanceof Y.XmlText) {
      const problem = checkText(child, type);
      if (problem) return problem;
    } else {
      return `${name} holds ${child instanceof Y.AbstractType ? 'a Yjs type' : 'raw content'} instead of nodes`;
    }
  }
  return null;
}

function checkText(text: Y.XmlText, parent: NodeType): string | null {
  if (!CHILDREN.get(parent.name)?.has('text')) return `text is not allowed in ${parent.name}`;
  if (Object.keys(text.getAttributes()).length > 0) return 'text has attributes';
  for (const op of text.toDelta() as { insert: unknown; attributes?: Record<string, unknown> }[]) {
    if (typeof op.insert !== 'string') return `${parent.name} text holds an embed`;
    for (const [mark, value] of Object.entries(op.attributes ?? {})) {
      const markType = templateSchema.marks[mark];
      if (!markType || !parent.allowsMarkType(markType)) return `mark "${mark.slice(0, 40)}" is not allowed`;
      if (value !== null && (typeof value !== 'object' || Array.isArray(value))) return `mark "${mark}" has bad attrs`;
    }
  }
  return null;
}

/** True for the name of a node a template body may hold (what an `XmlElement` may be called). */
export function isTemplateNode(name: string): boolean {
  return Object.hasOwn(ATTRIBUTES, name);
}

/** True for a mark text in a template may carry. */
export function isTemplateMark(name: string): boolean {
  return MARK_NAMES.has(name);
}

function describe(name: string): string {
  return `node "${name.slice(0, 40)}"`;
}
