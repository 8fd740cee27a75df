import type { Mark, ResolvedInline } from '@clausewright/model';
import { HighlightColor, type IRunOptions, type ParagraphChild, TextRun, UnderlineType } from 'docx';
import { BLANK, brokenRefText } from '../blank.ts';
import { refField } from './refField.ts';

export interface InlineOptions {
  /** Underline filled-in values so they read as filled into the form. */
  underlineValues: boolean;
  /** Bookmark name per referenced clause id. */
  bookmarks: ReadonlyMap<string, string>;
  /** Bold every run (an article heading). */
  bold?: boolean;
}

function markProps(marks: readonly Mark[] | undefined, bold: boolean | undefined): IRunOptions {
  const props: { bold?: boolean; italics?: boolean; strike?: boolean } = {};
  if (bold) props.bold = true;
  if (marks) {
    for (const mark of marks) {
      if (mark === 'bold') props.bold = true;
      else if (mark === 'italic') props.italics = true;
      else props.strike = true;
    }
  }
  return props;
}

const UNDERLINE = { type: UnderlineType.SINGLE } as const;

/** Word runs for inline content: text with its marks, values set off, gaps as blanks, references as REF fields. */
export function inlineRuns(content: readonly ResolvedInline[], options: InlineOptions): ParagraphChild[] {
  const runs: ParagraphChild[] = [];
  for (const inline of content) {
    switch (inline.type) {
      case 'text':
        if (inline.text !== '') runs.push(new TextRun({ ...markProps(inline.marks, options.bold), text: inline.text }));
        break;
      case 'break':
        runs.push(new TextRun({ break: 1 }));
        break;
      case 'value': {
        const props = markProps(inline.marks, options.bold);
        if (inline.text === null) {
          runs.push(new TextRun({ ...props, text: BLANK }));
          break;
        }
        const set = options.underlineValues ? { ...props, underline: UNDERLINE } : props;
        // A multiline value keeps its lines: each after the first starts with a line break.
        const lines = inline.text.split('\n');
        for (let i = 0; i < lines.length; i++) {
          runs.push(new TextRun(i === 0 ? { ...set, text: lines[i] } : { ...set, text: lines[i], break: 1 }));
        }
        break;
      }
      case 'ref': {
        const props = markProps(inline.marks, options.bold);
        const bookmark = inline.text === null ? undefined : options.bookmarks.get(inline.target);
        if (inline.text !== null && bookmark !== undefined) runs.push(...refField(bookmark, inline.text, props));
        else if (inline.text !== null) runs.push(new TextRun({ ...props, text: inline.text }));
        else {
          // A draft shows a broken reference loudly so nobody signs it unnoticed.
          runs.push(
            new TextRun({ ...props, text: brokenRefText(inline.target), color: 'C00000', highlight: HighlightColor.YELLOW }),
          );
        }
        break;
      }
    }
  }
  return runs;
}
