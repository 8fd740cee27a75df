import type { CellAlign, ResolvedBlock, ResolvedClause, ResolvedDocument } from '@clausewright/model';
import { FileChild } from 'docx';
import { clauseIndent, clauseStyleId } from './clauseNumbering.ts';
import { type InlineXmlOptions, inlineXml } from './inlineXml.ts';

/** What the body placeholder serializes to in document.xml; an element name, so no text can ever match it. */
export const BODY_PLACEHOLDER = '<clausewright-body/>';

/** Holds the body's place in the docx-built document; {@link bodyXml} is written there after compiling. */
export class BodyPlaceholder extends FileChild {
  constructor() {
    super('clausewright-body');
  }
}

export interface BodyXmlOptions extends InlineXmlOptions {
  /** The `w:numId` of the clause list in numbering.xml. */
  numId: number;
  /** Width of the text column in twips, shared out among a table's columns. */
  textWidth: number;
}

const HEADING_STYLE = ['Title', 'Heading1', 'Heading2', 'Heading3', 'Heading4', 'Heading5'];
const JC: Record<NonNullable<CellAlign>, string> = { left: 'left', center: 'center', right: 'right' };

function clauseXml(clause: ResolvedClause, options: BodyXmlOptions, state: { bookmarkId: number }): string {
  // An article with sections under it reads as a heading: bold (its number too, via the paragraph mark) and kept with them.
  const heading = clause.level === 1 && clause.children.length > 0;
  const ilvl = clause.level - 1;
  let out =
    `<w:p><w:pPr><w:pStyle w:val="${clauseStyleId(clause.level)}"/>${heading ? '<w:keepNext/>' : ''}` +
    `<w:numPr><w:ilvl w:val="${ilvl}"/><w:numId w:val="${options.numId}"/></w:numPr>` +
    `${heading ? '<w:rPr><w:b/><w:bCs/></w:rPr>' : ''}</w:pPr>`;
  const runs = inlineXml(clause.content, options, heading);
  const bookmark = options.bookmarks.get(clause.id);
  if (bookmark === undefined) out += runs;
  else {
    // Ids are counted per document, so the same document always gets the same ids.
    const id = state.bookmarkId++;
    out += `<w:bookmarkStart w:id="${id}" w:name="${bookmark}"/>${runs}<w:bookmarkEnd w:id="${id}"/>`;
  }
  out += '</w:p>';
  if (clause.paragraphs.length > 0) {
    const pPr = `<w:pPr><w:ind w:left="${clauseIndent(clause.level)}"/></w:pPr>`;
    for (const p of clause.paragraphs) out += `<w:p>${pPr}${inlineXml(p, options)}</w:p>`;
  }
  for (const child of clause.children) out += clauseXml(child, options, state);
  return out;
}

const NO_BORDERS =
  '<w:tblBorders><w:top w:val="nil"/><w:left w:val="nil"/><w:bottom w:val="nil"/><w:right w:val="nil"/>' +
  '<w:insideH w:val="nil"/><w:insideV w:val="nil"/></w:tblBorders>';

/** A table with equal fixed columns and no rules: a signature block reads better without them. */
function tableXml(block: Extract<ResolvedBlock, { type: 'table' }>, options: BodyXmlOptions): string {
  const columns = Math.max(1, ...block.rows.map((row) => row.length));
  const width = Math.floor(options.textWidth / columns);
  let out =
    `<w:tbl><w:tblPr><w:tblW w:w="${width * columns}" w:type="dxa"/>${NO_BORDERS}<w:tblLayout w:type="fixed"/>` +
    `<w:tblLook w:val="0000" w:firstRow="0" w:lastRow="0" w:firstColumn="0" w:lastColumn="0" w:noHBand="1" w:noVBand="1"/></w:tblPr><w:tblGrid>`;
  for (let c = 0; c < columns; c++) out += `<w:gridCol w:w="${width}"/>`;
  out += '</w:tblGrid>';
  for (const row of block.rows) {
    out += '<w:tr>';
    for (let c = 0; c < columns; c++) {
      const align = block.align[c];
      const pPr = align ? `<w:pPr><w:jc w:val="${JC[align]}"/></w:pPr>` : '';
      out += `<w:tc><w:tcPr><w:tcW w:w="${width}" w:type="dxa"/></w:tcPr><w:p>${pPr}${inlineXml(row[c] ?? [], options)}</w:p></w:tc>`;
    }
    out += '</w:tr>';
  }
  return `${out}</w:tbl>`;
}

/**
 * The body's blocks as WordprocessingML, written straight to a string: the docx object model costs
 * about as much per run as docxtemplater's whole fill, and a contract is thousands of runs.
 */
export function bodyXml(doc: ResolvedDocument, options: BodyXmlOptions): string {
  const state = { bookmarkId: 1 };
  let out = '';
  for (const block of doc.blocks) {
    switch (block.type) {
      case 'heading': {
        const style = HEADING_STYLE[Math.min(block.level, HEADING_STYLE.length) - 1];
        out += `<w:p><w:pPr><w:pStyle w:val="${style}"/></w:pPr>${inlineXml(block.content, options)}</w:p>`;
        break;
      }
      case 'paragraph':
        out += `<w:p>${inlineXml(block.content, options)}</w:p>`;
        break;
      case 'table':
        out += tableXml(block, options);
        break;
      case 'clauses':
        for (const clause of block.clauses) out += clauseXml(clause, options, state);
        break;
    }
  }
  // Word wants a paragraph between a final table and the section properties.
  if (doc.blocks.at(-1)?.type === 'table') out += '<w:p/>';
  return out;
}
