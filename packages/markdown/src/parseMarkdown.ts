import type { Root } from 'mdast';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { type Processor, unified } from 'unified';

/** GFM's literal autolinks (`www.x.com`, `a@b.com`, `https://…`): Clause Markdown has no links, so such text stays text. */
const LITERAL_AUTOLINKS = new Set(['wwwAutolink', 'protocolAutolink', 'emailAutolink']);

interface Construct {
  name?: string;
}
type ConstructMap = Record<string, Construct | Construct[] | undefined>;

/**
 * Drops the literal-autolink constructs that remark-gfm installs. Left in, they would turn an e-mail address in a
 * contract into a link (an error here), swallow backslash escapes (`www.x.com\*` keeps the `\`), and an mdast
 * transform would re-link decoded text without source positions.
 */
function withoutLiteralAutolinks(this: Processor) {
  const data = this.data() as Record<string, unknown>;
  for (const extension of (data.micromarkExtensions ?? []) as { text?: ConstructMap }[]) {
    const text = extension.text;
    if (!text) continue;
    for (const code of Object.keys(text)) {
      const entry = text[code];
      const kept = (Array.isArray(entry) ? entry : entry ? [entry] : []).filter(
        (c) => !LITERAL_AUTOLINKS.has(c.name ?? ''),
      );
      if (kept.length === 0) delete text[code];
      else text[code] = kept;
    }
  }
  for (const extension of ((data.fromMarkdownExtensions ?? []) as unknown[]).flat(Number.POSITIVE_INFINITY) as {
    enter?: Record<string, unknown>;
    transforms?: unknown[];
  }[]) {
    if (extension.enter?.literalAutolink) extension.transforms = [];
  }
}

const processor = unified().use(remarkParse).use(remarkGfm).use(withoutLiteralAutolinks).freeze();

/** Parses a template body as CommonMark + GFM (tables, strikethrough), without literal autolinks. */
export function parseMarkdown(markdown: string): Root {
  return processor.parse(markdown);
}
