export type { ClausewrightGlobals, ClausewrightWindow } from './ClausewrightWindow.ts';
export { caretToClauseEnd } from './caretToClauseEnd.ts';
export { clauseSelector } from './clauseSelector.ts';
export { type ClauseState, clauseState } from './clauseState.ts';
export { diffClauseSelector } from './diffClauseSelector.ts';
export { type PreviewClause, previewClauses, previewValues } from './previewClauses.ts';
