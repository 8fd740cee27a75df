import { strFromU8, unzipSync } from 'fflate';

/** Every part of a .docx as text, by path, in zip order. */
export function unzipDocx(bytes: Uint8Array): Map<string, string> {
  return new Map(Object.entries(unzipSync(bytes)).map(([path, data]) => [path, strFromU8(data)]));
}

export function part(parts: Map<string, string>, path: string): string {
  const xml = parts.get(path);
  if (xml === undefined) throw new Error(`the package has no ${path}`);
  return xml;
}

export interface WordParagraph {
  xml: string;
  /** The paragraph's `w:t` text with `w:br` as `\n` and `w:tab` as `\t`, fields' cached results included. */
  text: string;
  /** `w:ilvl` and `w:numId` of its `w:numPr`, when numbered. */
  numPr?: { ilvl: number; numId: number };
  /** `w:ind w:left` of its own properties. */
  indentLeft?: number;
}

const UNESCAPE: Record<string, string> = { '&amp;': '&', '&lt;': '<', '&gt;': '>', '&quot;': '"', '&apos;': "'" };

export function textOf(xml: string): string {
  let out = '';
  for (const m of xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>|<w:br\/>|<w:tab\/>/g)) {
    if (m[0] === '<w:br/>') out += '\n';
    else if (m[0] === '<w:tab/>') out += '\t';
    else out += (m[1] ?? '').replace(/&(amp|lt|gt|quot|apos);/g, (e) => UNESCAPE[e] ?? e);
  }
  return out;
}

/** The paragraphs of a part in document order (table cells' paragraphs included). */
export function paragraphs(xml: string): WordParagraph[] {
  return [...xml.matchAll(/<w:p>(.*?)<\/w:p>|<w:p\/>/g)].map((m) => {
    const inner = m[1] ?? '';
    const pPr = /^<w:pPr>(.*?)<\/w:pPr>/.exec(inner)?.[1] ?? '';
    const p: WordParagraph = { xml: inner, text: textOf(inner.slice(pPr.length)) };
    const num = /<w:numPr><w:ilvl w:val="(\d+)"\/><w:numId w:val="(\d+)"\/><\/w:numPr>/.exec(pPr);
    if (num) p.numPr = { ilvl: Number(num[1]), numId: Number(num[2]) };
    const ind = /<w:ind w:left="(\d+)"/.exec(pPr);
    if (ind) p.indentLeft = Number(ind[1]);
    return p;
  });
}

/**
 * Throws unless every tag is closed in order: enough to catch a string-built part Word would call
 * corrupt (an unclosed run, a stray `<` from unescaped text).
 */
export function assertWellFormed(xml: string): void {
  const stack: string[] = [];
  const body = xml.replace(/^<\?xml[^>]*\?>/, '');
  for (const m of body.matchAll(/<(\/?)([A-Za-z][\w:.-]*)((?:\s+[\w:.-]+="[^"<]*")*)\s*(\/?)>|<|>/g)) {
    if (m[0] === '<' || m[0] === '>')
      throw new Error(
        `stray "${m[0]}" at ${m.index}: ${body.slice(Math.max(0, (m.index ?? 0) - 40), (m.index ?? 0) + 40)}`,
      );
    const [, close, name, , selfClose] = m;
    if (selfClose) continue;
    if (!close) stack.push(name ?? '');
    else if (stack.pop() !== name) throw new Error(`</${name}> closes the wrong element at ${m.index}`);
  }
  if (stack.length > 0) throw new Error(`unclosed elements: ${stack.join(' > ')}`);
}
