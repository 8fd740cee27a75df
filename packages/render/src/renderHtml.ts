import type { Mark, ResolvedClause, ResolvedDocument, ResolvedInline } from '@clausewright/model';
import { BLANK, brokenRefText } from './blank.ts';
import { escapeHtml } from './escapeHtml.ts';
import { assertRenderable } from './ProblemsError.ts';

export interface HtmlOptions {
  /** A whole page with `<head>` and styles; otherwise an `<article>` fragment for embedding in a preview. */
  standalone?: boolean;
}

const MARK_TAGS: Record<Mark, string> = { bold: 'strong', italic: 'em', strike: 's' };

/** DOM id of a clause; prefixed so a clause id can never collide with the page's own ids. */
export function clauseAnchor(id: string): string {
  return `cw-${id}`;
}

function wrapMarks(html: string, marks: readonly Mark[] | undefined): string {
  if (!marks) return html;
  let out = html;
  for (const mark of marks) out = `<${MARK_TAGS[mark]}>${out}</${MARK_TAGS[mark]}>`;
  return out;
}

function valueHtml(text: string): string {
  return escapeHtml(text).replace(/\n/g, '<br>');
}

/** Inline content as HTML: values carry `data-field` (the fill form focuses them), gaps are marked. */
export function inlineHtml(content: readonly ResolvedInline[]): string {
  let out = '';
  for (const inline of content) {
    switch (inline.type) {
      case 'text':
        out += wrapMarks(escapeHtml(inline.text), inline.marks);
        break;
      case 'break':
        out += '<br>';
        break;
      case 'value': {
        const field = escapeHtml(inline.field);
        const span =
          inline.text === null
            ? `<span class="cw-value cw-missing" data-field="${field}">${BLANK}</span>`
            : `<span class="cw-value" data-field="${field}">${valueHtml(inline.text)}</span>`;
        out += wrapMarks(span, inline.marks);
        break;
      }
      case 'ref': {
        const target = escapeHtml(inline.target);
        const link =
          inline.text === null
            ? `<span class="cw-ref cw-broken-ref" data-target="${target}">${escapeHtml(brokenRefText(inline.target))}</span>`
            : `<a class="cw-ref" href="#${escapeHtml(clauseAnchor(inline.target))}" data-target="${target}">${escapeHtml(inline.text)}</a>`;
        out += wrapMarks(link, inline.marks);
        break;
      }
    }
  }
  return out;
}

function clauseHtml(clause: ResolvedClause): string {
  let out = `<div class="cw-clause cw-level-${clause.level}" id="${escapeHtml(clauseAnchor(clause.id))}" data-clause-id="${escapeHtml(clause.id)}">`;
  out += `<p class="cw-clause-text"><span class="cw-label">${escapeHtml(clause.label)}</span> ${inlineHtml(clause.content)}</p>`;
  for (const p of clause.paragraphs) out += `<p class="cw-clause-p">${inlineHtml(p)}</p>`;
  for (const child of clause.children) out += clauseHtml(child);
  return `${out}</div>`;
}

const STYLE = `
.cw-doc{max-width:48rem;margin:2rem auto;font-family:"SimSun","Songti SC","Noto Serif CJK SC",serif;line-height:1.8}
.cw-doc h1{text-align:center}
.cw-level-2{margin-left:1em}.cw-level-3{margin-left:2em}.cw-level-4{margin-left:3em}
.cw-clause-p{margin-left:2em}
.cw-value{text-decoration:underline}
.cw-missing{text-decoration:none;color:#b35c00}
.cw-broken-ref{color:#c00;background:#fee}
.cw-table{width:100%;border-collapse:collapse}.cw-table td{padding:.25em .5em;vertical-align:top}`;

/** The document as HTML for previews. Throws ProblemsError for a strict document with problems. */
export function renderHtml(doc: ResolvedDocument, options: HtmlOptions = {}): string {
  assertRenderable(doc);
  let body = '';
  for (const block of doc.blocks) {
    switch (block.type) {
      case 'heading': {
        const level = Math.min(Math.max(block.level, 1), 6);
        body += `<h${level}>${inlineHtml(block.content)}</h${level}>`;
        break;
      }
      case 'paragraph':
        body += `<p>${inlineHtml(block.content)}</p>`;
        break;
      case 'table': {
        body += '<table class="cw-table"><tbody>';
        for (const row of block.rows) {
          body += '<tr>';
          row.forEach((cell, i) => {
            const align = block.align[i];
            body += align ? `<td style="text-align:${align}">${inlineHtml(cell)}</td>` : `<td>${inlineHtml(cell)}</td>`;
          });
          body += '</tr>';
        }
        body += '</tbody></table>';
        break;
      }
      case 'clauses':
        for (const clause of block.clauses) body += clauseHtml(clause);
        break;
    }
  }
  const lang = escapeHtml(doc.meta.locale);
  const article = `<article class="cw-doc" lang="${lang}" data-template="${escapeHtml(doc.meta.id)}">${body}</article>`;
  if (!options.standalone) return article;
  return `<!doctype html>\n<html lang="${lang}"><head><meta charset="utf-8"><title>${escapeHtml(doc.meta.title)}</title><style>${STYLE}</style></head><body>${article}</body></html>\n`;
}

/** The preview stylesheet, for clients that embed the fragment. */
export const HTML_STYLE = STYLE;
