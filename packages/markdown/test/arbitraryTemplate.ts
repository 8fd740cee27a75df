import {
  type Block,
  type CellAlign,
  type Clause,
  type Condition,
  FIELD_TYPES,
  FILTERS,
  type FieldDef,
  type FieldType,
  type Inline,
  LOCALES,
  type Mark,
  NUMBERING_SCHEMES,
  parseFieldDefs,
  SCHEMA_VERSION,
  type Template,
} from '@clausewright/model';
import fc from 'fast-check';

// Pieces of text chosen to stress escaping: Markdown and template syntax, CJK text and punctuation, whitespace
// that Markdown treats specially, things GFM would autolink, and character references.
const TEXT_PIECES = [
  ...'abcXYZ0189',
  ...'甲乙方合同条款的人民币元付款',
  ...'，。、；：“”‘’（）《》【】！？…—',
  ' ',
  '  ',
  '\t',
  '\u3000',
  '\u00A0',
  ...'*_~`[]{}<>#&|!-+=.():"\'$^@/\\',
  '{{',
  '}}',
  '{{amount}}',
  '[[#',
  ']]',
  '[[#a]]',
  '{#x}',
  '{if=a}',
  ' {#id}',
  '&amp;',
  '&#123;',
  '&copy;',
  '1. ',
  '1) ',
  '- ',
  '+ ',
  '# ',
  '> ',
  '```',
  '---',
  '***',
  '___',
  '===',
  '**',
  '~~',
  '[x](y)',
  '[^1]',
  '<br>',
  '<b>',
  '<!--',
  'www.example.com',
  'legal@example.com',
  'https://x.cn/a_b',
  '😀',
];

const MARKS: readonly Mark[] = ['bold', 'italic', 'strike'];

const textArb = fc.array(fc.constantFrom(...TEXT_PIECES), { minLength: 1, maxLength: 6 }).map((a) => a.join(''));
const marksArb = fc.subarray([...MARKS]);
const labelArb = fc
  .array(fc.constantFrom(...'金额合同甲方 abcXYZ:#-\'"{}[]|*', '分期 付款', 'yes', 'null', '123', '2024-01-01'), {
    minLength: 1,
    maxLength: 5,
  })
  .map((a) => a.join(''))
  .filter((s) => s.trim() !== '');
const optionArb = fc
  .array(fc.constantFrom(...'分期一次性付款 ab"\'\\{}=#*_|<&', '分期 付款', 'yes'), { minLength: 1, maxLength: 5 })
  .map((a) => a.join(''));

/** A placeholder inline: fields, refs and conditions are tied to real keys and ids once the whole template exists. */
type RawInline =
  | { type: 'text'; text: string; marks: Mark[] }
  | { type: 'field'; pick: number; filterPick: number; marks: Mark[] }
  | { type: 'ref'; pick: number; marks: Mark[] }
  | { type: 'break' };

const rawInlineArb: fc.Arbitrary<RawInline> = fc.oneof(
  { weight: 6, arbitrary: fc.record({ type: fc.constant('text' as const), text: textArb, marks: marksArb }) },
  {
    weight: 2,
    arbitrary: fc.record({
      type: fc.constant('field' as const),
      pick: fc.nat(),
      filterPick: fc.nat(),
      marks: marksArb,
    }),
  },
  { weight: 1, arbitrary: fc.record({ type: fc.constant('ref' as const), pick: fc.nat(), marks: marksArb }) },
  { weight: 1, arbitrary: fc.constant({ type: 'break' as const }) },
);
const rawInlinesArb = fc.array(rawInlineArb, { minLength: 0, maxLength: 7 });

interface RawCondition {
  kind: 'if' | 'unless';
  pick: number;
  /** 'none', 'option' (one of a choice field's options) or a literal value. */
  equals: string;
}
const rawConditionArb: fc.Arbitrary<RawCondition> = fc.record({
  kind: fc.constantFrom('if' as const, 'unless' as const),
  pick: fc.nat(),
  equals: fc.oneof(fc.constant('none'), fc.constant('option'), optionArb),
});

interface RawClause {
  id: string;
  content: RawInline[];
  paragraphs: RawInline[][];
  condition: RawCondition | null;
  children: RawClause[];
}
const idArb = fc.stringMatching(/^[A-Za-z][A-Za-z0-9_-]{0,7}$/);

function rawClauseArb(depth: number): fc.Arbitrary<RawClause> {
  return fc.record({
    id: idArb,
    content: rawInlinesArb,
    paragraphs: fc.array(rawInlinesArb, { maxLength: 2 }),
    condition: fc.option(rawConditionArb, { freq: 3 }),
    children:
      depth >= 4
        ? fc.constant([])
        : fc.array(rawClauseArb(depth + 1), { maxLength: depth < 2 ? 3 : 1, depthIdentifier: 'clauses' }),
  });
}

type RawBlock =
  | { type: 'heading'; level: number; content: RawInline[] }
  | { type: 'paragraph'; content: RawInline[] }
  | { type: 'table'; align: CellAlign[]; rows: RawInline[][][] }
  | { type: 'clauses'; clauses: RawClause[] };

const rawTableArb = fc.tuple(fc.integer({ min: 1, max: 3 }), fc.integer({ min: 1, max: 3 })).chain(([columns, rows]) =>
  fc.record({
    type: fc.constant('table' as const),
    align: fc.array(fc.constantFrom('left' as const, 'center' as const, 'right' as const, null), {
      minLength: columns,
      maxLength: columns,
    }),
    rows: fc.array(fc.array(rawInlinesArb, { minLength: columns, maxLength: columns }), {
      minLength: rows,
      maxLength: rows,
    }),
  }),
);

const rawBlockArb: fc.Arbitrary<RawBlock> = fc.oneof(
  fc.record({ type: fc.constant('heading' as const), level: fc.integer({ min: 1, max: 6 }), content: rawInlinesArb }),
  fc.record({ type: fc.constant('paragraph' as const), content: rawInlinesArb }),
  rawTableArb,
  {
    weight: 3,
    arbitrary: fc.record({
      type: fc.constant('clauses' as const),
      clauses: fc.array(rawClauseArb(1), { minLength: 1, maxLength: 4 }),
    }),
  },
);

function fieldDefArb(type: FieldType): fc.Arbitrary<Record<string, unknown>> {
  const common = {
    label: labelArb,
    type: fc.constant(type),
    required: fc.option(fc.boolean(), { nil: undefined }),
    help: fc.option(labelArb, { nil: undefined }),
  };
  const withDefault = (value: fc.Arbitrary<unknown>, extra: Record<string, fc.Arbitrary<unknown>> = {}) =>
    fc.record(
      { ...common, ...extra, default: fc.option(value, { nil: undefined }) },
      { requiredKeys: ['label', 'type'] },
    );
  switch (type) {
    case 'text':
      return withDefault(labelArb);
    case 'multiline':
      return withDefault(fc.constantFrom('一行\n两行', 'a\n\nb'));
    case 'integer':
      return withDefault(fc.integer({ min: -5, max: 100000 }));
    case 'number':
      return withDefault(fc.constantFrom(0.5, 3, 12.25, 1e6));
    case 'money':
      return withDefault(fc.constantFrom('1680.32', 12800, '0.5'), {
        currency: fc.option(fc.constantFrom('CNY', 'USD'), { nil: undefined }),
      });
    case 'date':
      return withDefault(fc.constantFrom('2024-01-31', '2025-12-01'));
    case 'boolean':
      return withDefault(fc.boolean());
    case 'choice':
      return fc.uniqueArray(optionArb, { minLength: 1, maxLength: 4 }).chain((options) =>
        fc.record(
          {
            ...common,
            options: fc.constant(options),
            default: fc.option(fc.constantFrom(...options), { nil: undefined }),
          },
          { requiredKeys: ['label', 'type', 'options'] },
        ),
      );
  }
}

const fieldsArb = fc
  .uniqueArray(fc.stringMatching(/^[A-Za-z_][A-Za-z0-9_]{0,7}$/), { maxLength: 5 })
  .chain((keys) =>
    fc.tuple(
      ...keys.map((key) =>
        fc.constantFrom(...FIELD_TYPES).chain((type) => fieldDefArb(type).map((def) => [key, def] as const)),
      ),
    ),
  )
  // parseFieldDefs is the only way fields enter a template, so the generator keeps what it keeps.
  .map((entries) => parseFieldDefs(Object.fromEntries(entries)).fields);

const metaArb = fc.record({
  schemaVersion: fc.constant(SCHEMA_VERSION),
  id: fc.stringMatching(/^[a-z0-9]{1,6}(-[a-z0-9]{1,4}){0,2}$/),
  title: labelArb,
  locale: fc.constantFrom(...LOCALES),
  numbering: fc.constantFrom(...NUMBERING_SCHEMES),
});

/**
 * Random templates that are valid (every field, filter, reference and condition resolves) and already in the form
 * Markdown can express (see {@link normalize}), so that parse(serialize(t)) must equal t exactly.
 */
export const templateArb: fc.Arbitrary<Template> = fc
  .record({ meta: metaArb, fields: fieldsArb, body: fc.array(rawBlockArb, { maxLength: 6 }) })
  .map(({ meta, fields, body }) => resolve(meta, fields, body));

function resolve(meta: Template['meta'], fields: Record<string, FieldDef>, raw: RawBlock[]): Template {
  const keys = Object.keys(fields);
  const ids: string[] = [];
  const seen = new Set<string>();
  const uniqueId = (id: string) => {
    let unique = id;
    for (let n = 2; seen.has(unique); n++) unique = `${id}-${n}`;
    seen.add(unique);
    ids.push(unique);
    return unique;
  };
  const nameClauses = (clauses: RawClause[]): RawClause[] =>
    clauses.map((c) => ({ ...c, id: uniqueId(c.id), children: nameClauses(c.children) }));
  const named = raw.map((b) => (b.type === 'clauses' ? { ...b, clauses: nameClauses(b.clauses) } : b));

  const inlines = (list: RawInline[]): Inline[] =>
    normalize(
      list.map((r): Inline => {
        if (r.type === 'break') return r;
        const marks = r.marks.length > 0 ? { marks: r.marks } : {};
        if (r.type === 'text') return { type: 'text', text: r.text, ...marks };
        if (r.type === 'ref') {
          return ids.length > 0
            ? { type: 'ref', target: ids[r.pick % ids.length] as string, ...marks }
            : { type: 'text', text: 'ref', ...marks };
        }
        const key = keys[r.pick % Math.max(1, keys.length)];
        if (key === undefined) return { type: 'text', text: 'field', ...marks };
        const type = (fields[key] as FieldDef).type;
        const filters = Object.values(FILTERS).filter((f) => f.appliesTo.includes(type));
        const filter = filters[r.filterPick % (filters.length + 1)];
        return { type: 'field', key, ...(filter ? { filter: filter.name } : {}), ...marks };
      }),
    );
  const condition = (c: RawCondition | null): Condition | undefined => {
    const field = c ? keys[c.pick % Math.max(1, keys.length)] : undefined;
    if (!c || field === undefined) return undefined;
    const def = fields[field] as FieldDef;
    const out: Condition = { kind: c.kind, field };
    if (def.type === 'choice') {
      if (c.equals !== 'none') out.equals = def.options?.[c.pick % def.options.length] as string;
    } else if (c.equals !== 'none' && c.equals !== 'option') {
      out.equals = c.equals;
    }
    return out;
  };
  const clauses = (list: RawClause[]): Clause[] =>
    list.map((c) => {
      const clause: Clause = {
        id: c.id,
        content: inlines(c.content),
        paragraphs: c.paragraphs.map(inlines).filter((p) => p.length > 0),
        children: clauses(c.children),
      };
      const cond = condition(c.condition);
      if (cond) clause.condition = cond;
      return clause;
    });

  const body: Block[] = [];
  for (const b of named) {
    if (b.type === 'heading') body.push({ type: 'heading', level: b.level, content: inlines(b.content) });
    else if (b.type === 'paragraph') {
      const content = inlines(b.content);
      if (content.length > 0) body.push({ type: 'paragraph', content });
    } else if (b.type === 'table')
      body.push({ type: 'table', align: b.align, rows: b.rows.map((row) => row.map(inlines)) });
    else body.push({ type: 'clauses', clauses: clauses(b.clauses) });
  }
  return { meta, fields, body };
}

/**
 * What Markdown cannot tell apart, written independently of the package's own normalizer: marks are a set
 * (canonical order), adjacent runs with the same marks are one run, spaces and tabs at the start or end of a line
 * (paragraph edges, around hard breaks) are not content, and a hard break at either end of a paragraph is nothing.
 */
export function normalize(list: readonly Inline[]): Inline[] {
  const withMarks = list.map((inline): Inline => {
    if (inline.type === 'break') return inline;
    const marks = MARKS.filter((m) => inline.marks?.includes(m));
    const { marks: _ignored, ...rest } = inline;
    return marks.length > 0 ? { ...rest, marks } : rest;
  });
  // Split into lines at hard breaks, trim each line's edges, drop empty lines at either end.
  const lines: Inline[][] = [[]];
  for (const inline of withMarks) {
    if (inline.type === 'break') lines.push([]);
    else (lines[lines.length - 1] as Inline[]).push(inline);
  }
  const trimmed = lines.map((line) => {
    const merged: Inline[] = [];
    for (const inline of line) {
      const last = merged[merged.length - 1];
      if (inline.type === 'text' && inline.text === '') continue;
      if (inline.type === 'text' && last?.type === 'text' && String(last.marks) === String(inline.marks)) {
        merged[merged.length - 1] = { ...last, text: last.text + inline.text };
      } else merged.push(inline);
    }
    for (;;) {
      const first = merged[0];
      if (first?.type !== 'text') break;
      const text = first.text.replace(/^[ \t]+/, '');
      if (text) {
        merged[0] = { ...first, text };
        break;
      }
      merged.shift();
    }
    for (;;) {
      const last = merged[merged.length - 1];
      if (last?.type !== 'text') break;
      const text = last.text.replace(/[ \t]+$/, '');
      if (text) {
        merged[merged.length - 1] = { ...last, text };
        break;
      }
      merged.pop();
    }
    return merged;
  });
  while (trimmed.length > 1 && trimmed[0]?.length === 0) trimmed.shift();
  while (trimmed.length > 1 && trimmed[trimmed.length - 1]?.length === 0) trimmed.pop();
  return trimmed.flatMap((line, i) => (i === 0 ? line : [{ type: 'break' } as Inline, ...line]));
}
