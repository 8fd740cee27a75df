import type { ResolvedDocument } from '@clausewright/model';
import { Document, type File } from 'docx';
import { BODY_PLACEHOLDER, BodyPlaceholder, bodyXml } from './docx/bodyXml.ts';
import { bookmarkNames } from './docx/bookmarkNames.ts';
import { CLAUSE_NUMBERING, clauseNumbering, clauseStyles, outlineNumberingXml } from './docx/clauseNumbering.ts';
import { documentStyles } from './docx/documentStyles.ts';
import { packDocx } from './docx/packDocx.ts';
import { pageFooter } from './docx/pageFooter.ts';
import { assertRenderable } from './ProblemsError.ts';

export interface DocxOptions {
  /**
   * Underline filled-in values, as on a paper form.
   * @default true
   */
  underlineValues?: boolean;
  /**
   * The created and modified time in the file's properties (e.g. when the rendered version was published), so
   * the same document and time always give the same bytes; never the clock.
   * @default 2000-01-01T00:00:00Z
   */
  createdAt?: Date;
}

/** A4 in twips, with Word's Chinese default margins (2.54 cm top and bottom, 3.17 cm left and right). */
const PAGE = { width: 11906, height: 16838, top: 1440, bottom: 1440, left: 1800, right: 1800 };

function clauseNumId(file: File): number {
  const num = file.Numbering.ConcreteNumbering.find((n) => n.reference === CLAUSE_NUMBERING);
  if (!num) throw new Error('the clause list was not written to numbering.xml');
  return num.numId;
}

/**
 * The document as a Word file. Clauses are numbered by Word's own multi-level list (never typed labels),
 * so Word renumbers them when a lawyer edits; cross-references are REF fields to bookmarks showing our
 * labels; values are underlined, gaps print as blanks. The same document always gives the same bytes.
 * Throws ProblemsError for a strict document with problems.
 */
export async function renderDocx(doc: ResolvedDocument, options: DocxOptions = {}): Promise<Uint8Array> {
  assertRenderable(doc);
  const { locale } = doc.meta;
  const styles = documentStyles(locale);
  // docx writes the package (styles, the clause list, page setup, footer); the body is written as a string into it.
  const file = new Document({
    title: doc.meta.title,
    creator: 'Clausewright',
    lastModifiedBy: 'Clausewright',
    revision: 1,
    styles: { ...styles, paragraphStyles: [...(styles.paragraphStyles ?? []), ...clauseStyles()] },
    numbering: { config: [clauseNumbering(doc.meta.numbering)] },
    sections: [
      {
        properties: {
          page: {
            size: { width: PAGE.width, height: PAGE.height },
            margin: { top: PAGE.top, bottom: PAGE.bottom, left: PAGE.left, right: PAGE.right },
          },
        },
        footers: { default: pageFooter(locale) },
        children: [new BodyPlaceholder()],
      },
    ],
  });
  const body = () =>
    bodyXml(doc, {
      underlineValues: options.underlineValues ?? true,
      bookmarks: bookmarkNames(doc),
      numId: clauseNumId(file),
      textWidth: PAGE.width - PAGE.left - PAGE.right,
    });
  return packDocx(file, {
    ...(options.createdAt ? { createdAt: options.createdAt } : {}),
    rewrite: {
      'word/document.xml': (xml) => {
        const at = xml.indexOf(BODY_PLACEHOLDER);
        if (at < 0) throw new Error('docx did not write the body placeholder');
        return xml.slice(0, at) + body() + xml.slice(at + BODY_PLACEHOLDER.length);
      },
      'word/numbering.xml': outlineNumberingXml,
    },
  });
}
