import type { Block, Clause, FieldDef, Inline, Locale, NumberingScheme, Template, Values } from '@clausewright/model';

/**
 * Inline content from a compact notation: `{{key}}` or `{{key|filter}}` is a field, `[[#id]]` a reference,
 * `**text**` bold, a newline a hard break. Lets fixtures read like the contract they stand for.
 */
export function inl(source: string): Inline[] {
  const out: Inline[] = [];
  const re = /\{\{([\w-]+)(?:\|(\w+))?\}\}|\[\[#([\w-]+)\]\]|\*\*([^*]+)\*\*|\n/g;
  let last = 0;
  for (let m = re.exec(source); m; m = re.exec(source)) {
    if (m.index > last) out.push({ type: 'text', text: source.slice(last, m.index) });
    if (m[1] !== undefined)
      out.push(m[2] === undefined ? { type: 'field', key: m[1] } : { type: 'field', key: m[1], filter: m[2] });
    else if (m[3] !== undefined) out.push({ type: 'ref', target: m[3] });
    else if (m[4] !== undefined) out.push({ type: 'text', text: m[4], marks: ['bold'] });
    else out.push({ type: 'break' });
    last = m.index + m[0].length;
  }
  if (last < source.length) out.push({ type: 'text', text: source.slice(last) });
  return out;
}

/** A clause: `id`, first paragraph, children, and further paragraphs. */
export function cl(id: string, text: string, children: Clause[] = [], paragraphs: string[] = []): Clause {
  return { id, content: inl(text), paragraphs: paragraphs.map(inl), children };
}

export function template(
  meta: { id: string; title: string; locale: Locale; numbering: NumberingScheme },
  fields: Record<string, FieldDef>,
  body: Block[],
): Template {
  return { meta: { schemaVersion: 1, ...meta }, fields, body };
}

const p = (text: string): Block => ({ type: 'paragraph', content: inl(text) });
const h = (level: number, text: string): Block => ({ type: 'heading', level, content: inl(text) });

/**
 * A small English contract in `legal-en` numbering, for the shapes the real templates lack: levels down to
 * (i), a reference to a level-4 clause, a further paragraph in a clause and a multiline value.
 */
export const legalEnTemplate: Template = template(
  { id: 'legal-en-sample', title: 'Services Agreement', locale: 'en', numbering: 'legal-en' },
  {
    client: { label: 'Client', type: 'text', required: true },
    fee: { label: 'Fee', type: 'money' },
    address: { label: 'Address', type: 'multiline' },
  },
  [
    h(1, 'Services Agreement'),
    p('This agreement is made between {{client}} and the Provider.'),
    {
      type: 'clauses',
      clauses: [
        cl('definitions', 'Definitions', [
          cl('def-services', '"Services" means the services described in [[#scope]].', [
            cl('def-a', 'design;', [cl('def-a-i', 'wireframes;'), cl('def-a-ii', 'mock-ups.')]),
            cl('def-b', 'development.'),
          ]),
          cl('def-fee', '"Fee" means {{fee}}.'),
        ]),
        cl('services', 'Services', [
          cl('scope', 'The Provider shall perform the Services.', [], ['Notices go to:\n{{address}}']),
          cl('standard', 'The Services shall be performed with reasonable skill and care, as in [[#def-a-ii]].'),
        ]),
      ],
    },
    {
      type: 'table',
      align: ['left', 'right'],
      rows: [
        [inl('Client: {{client}}'), inl('Provider')],
        [inl('Signature:'), inl('Signature:')],
      ],
    },
  ],
);

/** A `decimal` template: 1., 1.1, 1.1.1. */
export const decimalTemplate: Template = template(
  { id: 'decimal-sample', title: 'Memo', locale: 'en', numbering: 'decimal' },
  {},
  [
    h(1, 'Memo'),
    {
      type: 'clauses',
      clauses: [
        cl('one', 'First.', [cl('one-one', 'Sub.', [cl('one-one-one', 'Deep, see [[#two]].')])]),
        cl('two', 'Second.', [cl('two-one', 'Sub.')]),
      ],
    },
    p('Between the lists.'),
    { type: 'clauses', clauses: [cl('three', 'Third, numbered on from the list above.')] },
  ],
);

/** `articles` level-1 clauses in `zh-article`, each with `sections` children, for labels past 第一百条. */
export function manyArticlesTemplate(articles: number, sections = 1): Template {
  return template({ id: 'many', title: '条款', locale: 'zh-CN', numbering: 'zh-article' }, {}, [
    h(1, '条款'),
    {
      type: 'clauses',
      clauses: Array.from({ length: articles }, (_, a) =>
        cl(
          `a${a + 1}`,
          `第${a + 1}个条款`,
          Array.from({ length: sections }, (_, s) => cl(`a${a + 1}-s${s + 1}`, `内容${a + 1}-${s + 1}`)),
        ),
      ),
    },
  ]);
}

const FILLER = ['甲方应当按照本合同约定', '及时履行相应的义务，并', '配合乙方完成相关工作', '双方另有约定的除外'];

/**
 * A generated contract of `clauses` clauses (articles of nine sections each), each with `paragraphs`
 * paragraphs and `fields` distinct fields spread over them, plus values for every field.
 * The benchmark's 500×3 document.
 */
export function generatedContract(clauses = 500, paragraphs = 3, fields = 5): { template: Template; values: Values } {
  const defs: Record<string, FieldDef> = {};
  const values: Values = {};
  let n = 0;
  const makeClause = (id: string): Clause => {
    const paras: string[] = Array.from({ length: paragraphs }, (_, i) => `${FILLER[i % FILLER.length]}，`);
    for (let f = 0; f < fields; f++) {
      const key = `f_${id}_${f + 1}`;
      defs[key] = { label: `字段 ${key}`, type: 'text' };
      values[key] = `值${id}-${f + 1}`;
      const at = f % paragraphs;
      paras[at] += `内容{{${key}}}${FILLER[(f + 1) % FILLER.length]}`;
    }
    n++;
    const [first = '', ...rest] = paras;
    return cl(
      id,
      `${first}。`,
      [],
      rest.map((text) => `${text}。`),
    );
  };
  const articles: Clause[] = [];
  while (n < clauses) {
    const article = makeClause(`c${n + 1}`);
    for (let s = 0; s < 9 && n < clauses; s++) article.children.push(makeClause(`c${n + 1}`));
    articles.push(article);
  }
  const body: Block[] = [h(1, '生成的合同'), { type: 'clauses', clauses: articles }];
  return {
    template: template({ id: 'generated', title: '生成的合同', locale: 'zh-CN', numbering: 'zh-article' }, defs, body),
    values,
  };
}
