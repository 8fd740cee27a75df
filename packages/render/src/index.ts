export { BLANK, brokenRefText } from './blank.ts';
export { escapeHtml } from './escapeHtml.ts';
export { assertRenderable, ProblemsError } from './ProblemsError.ts';
export { type DocxOptions, renderDocx } from './renderDocx.ts';
export { clauseAnchor, HTML_STYLE, type HtmlOptions, inlineHtml, renderHtml } from './renderHtml.ts';
export { inlineText, renderTxt } from './renderTxt.ts';
