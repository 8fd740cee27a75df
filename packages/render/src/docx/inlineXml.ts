import type { Mark, ResolvedInline } from '@clausewright/model';
import { BLANK, brokenRefText } from '../blank.ts';
import { escapeXml } from './escapeXml.ts';

export interface InlineXmlOptions {
  /** Underline filled-in values so they read as filled into the form. */
  underlineValues: boolean;
  /** Bookmark name per referenced clause id. */
  bookmarks: ReadonlyMap<string, string>;
}

const BROKEN = '<w:color w:val="C00000"/><w:highlight w:val="yellow"/>';
const UNDERLINE = '<w:u w:val="single"/>';

/** `w:rPr` content for marks, in the schema's element order (b, i, strike come before color, highlight, u). */
function markXml(marks: readonly Mark[] | undefined, bold: boolean): string {
  let b = bold;
  let i = false;
  let strike = false;
  if (marks) {
    for (const mark of marks) {
      if (mark === 'bold') b = true;
      else if (mark === 'italic') i = true;
      else strike = true;
    }
  }
  return (b ? '<w:b/><w:bCs/>' : '') + (i ? '<w:i/><w:iCs/>' : '') + (strike ? '<w:strike/>' : '');
}

/** A run's text: tabs as `w:tab`, line breaks as `w:br`. */
function textXml(text: string): string {
  if (text.includes('\t') || text.includes('\n')) {
    return text
      .split('\n')
      .map((line) =>
        line
          .split('\t')
          .map((part) => (part === '' ? '' : `<w:t xml:space="preserve">${escapeXml(part)}</w:t>`))
          .join('<w:tab/>'),
      )
      .join('<w:br/>');
  }
  return `<w:t xml:space="preserve">${escapeXml(text)}</w:t>`;
}

function run(rPr: string, content: string): string {
  return rPr === '' ? `<w:r>${content}</w:r>` : `<w:r><w:rPr>${rPr}</w:rPr>${content}</w:r>`;
}

/**
 * A cross-reference as Word writes one: a REF field to the target's bookmark whose shown result is `label`.
 * `\n` asks for the paragraph number without context (the label's own pattern, a trailing period dropped:
 * our refLabel), `\h` makes it a link. Word shows `label` until fields are updated, and then its own count.
 */
function refField(bookmark: string, label: string, rPr: string): string {
  return (
    run(rPr, '<w:fldChar w:fldCharType="begin"/>') +
    run(rPr, `<w:instrText xml:space="preserve"> REF ${bookmark} \\n \\h </w:instrText>`) +
    run(rPr, '<w:fldChar w:fldCharType="separate"/>') +
    run(rPr, textXml(label)) +
    run(rPr, '<w:fldChar w:fldCharType="end"/>')
  );
}

/**
 * WordprocessingML runs for inline content: text with its marks, values set off (underlined), missing
 * values as blanks, references as REF fields, broken references in red on yellow. `bold` bolds every run.
 */
export function inlineXml(content: readonly ResolvedInline[], options: InlineXmlOptions, bold = false): string {
  let out = '';
  for (const inline of content) {
    switch (inline.type) {
      case 'text':
        if (inline.text !== '') out += run(markXml(inline.marks, bold), textXml(inline.text));
        break;
      case 'break':
        out += '<w:r><w:br/></w:r>';
        break;
      case 'value': {
        const rPr = markXml(inline.marks, bold);
        if (inline.text === null) out += run(rPr, textXml(BLANK));
        // A multiline value keeps its lines: textXml writes each `\n` as a line break.
        else if (inline.text !== '') out += run(options.underlineValues ? rPr + UNDERLINE : rPr, textXml(inline.text));
        break;
      }
      case 'ref': {
        const rPr = markXml(inline.marks, bold);
        const bookmark = inline.text === null ? undefined : options.bookmarks.get(inline.target);
        if (inline.text === null) out += run(rPr + BROKEN, textXml(brokenRefText(inline.target)));
        else if (bookmark === undefined) out += run(rPr, textXml(inline.text));
        else out += refField(bookmark, inline.text, rPr);
        break;
      }
    }
  }
  return out;
}
