import type { Inline, Mark, Template } from '@clausewright/model';
import { parseTemplate, serializeTemplate } from './src/index.ts';
import { normalizeInlines } from './src/normalizeInlines.ts';
const chars = ['a', '中', '，', '“', ' ', '*', '1', '}'];
const markSets: Mark[][] = [[], ['bold'], ['italic'], ['strike'], ['bold', 'italic'], ['bold', 'strike'], ['italic', 'strike'], ['bold', 'italic', 'strike']];
let fails = 0, total = 0;
const mk = (content: Inline[], where: string): Template => ({ meta: { schemaVersion: 1, id: 'x', title: 't', locale: 'en', numbering: 'decimal' }, fields: { f: { label: 'F', type: 'text' } },
  body: where === 'p' ? [{ type: 'paragraph', content }] : where === 'cell' ? [{ type: 'table', align: [null], rows: [[content]] }] : [{ type: 'clauses', clauses: [{ id: 'a', content, paragraphs: [], children: [] }] }] });
function check(content: Inline[], where: string) {
  const norm = normalizeInlines(content);
  if (norm.length === 0) return;
  total++;
  const t = mk(norm, where);
  let out = '';
  try { out = serializeTemplate(t); const back = parseTemplate(out);
    const got = where === 'p' ? (back.body[0] as any).content : where === 'cell' ? (back.body[0] as any).rows[0][0] : (back.body[0] as any).clauses[0].content;
    if (JSON.stringify(got) !== JSON.stringify(norm)) throw new Error('mismatch ' + JSON.stringify(got));
  } catch (e) { if (fails++ < 15) console.log(JSON.stringify(norm), '\n  ', JSON.stringify(out.split('---\n')[2]), '\n  ', (e as Error).message.slice(0, 300)); }
}
const segs = (n: number): Inline[][] => {
  if (n === 0) return [[]];
  const rest = segs(n - 1); const out: Inline[][] = [];
  for (const r of rest) for (const ms of markSets) for (const c of chars) {
    const inl: Inline = c === '}' ? { type: 'field', key: 'f', ...(ms.length ? { marks: ms } : {}) } : { type: 'text', text: c, ...(ms.length ? { marks: ms } : {}) };
    out.push([...r, inl]);
  }
  return out;
};
const t0 = performance.now();
for (const where of ['p', 'clause', 'cell']) for (const s of segs(3)) check(s, where);
console.log('total', total, 'fails', fails, (performance.now() - t0).toFixed(0), 'ms');
