export { Clause, clampLevel, MAX_CLAUSE_LEVEL } from './Clause.ts';
export { ClauseIds, clauseIdsKey } from './ClauseIds.ts';
export { type ClauseCondition, ClauseKeymap } from './ClauseKeymap.ts';
export {
  ClauseLabels,
  type ClauseLabelsOptions,
  type ClauseLabelsState,
  clauseLabelsKey,
  clauseLabelsPlugin,
  getClauseLabels,
} from './ClauseLabels.ts';
export { ClauseParagraph } from './ClauseParagraph.ts';
export { ClauseRef } from './ClauseRef.ts';
export { type BlockChange, changedBlocks } from './changedBlocks.ts';
export { blockDecorations, CONDITIONAL_CLASS } from './clauseDecorations.ts';
export { contentToInlines } from './contentToInlines.ts';
export { decodeCondition } from './decodeCondition.ts';
export { DEDUPE_ORIGIN, dedupeClauseIds } from './dedupeClauseIds.ts';
export { docToBody } from './docToBody.ts';
export { encodeCondition } from './encodeCondition.ts';
export { Field } from './Field.ts';
export { inlinesToContent } from './inlinesToContent.ts';
export { isRemoteTransaction } from './isRemoteTransaction.ts';
export { LabelDecorations } from './LabelDecorations.ts';
export { newClauseId } from './newClauseId.ts';
export { numberDocClauses } from './numberDocClauses.ts';
export { TemplateTableCell } from './TemplateTableCell.ts';
export { TemplateTableHeader } from './TemplateTableHeader.ts';
export { templateExtensions } from './templateExtensions.ts';
export { templateSchema } from './templateSchema.ts';
export { templateToDoc } from './templateToDoc.ts';
export { BODY_FIELD, FIELDS_MAP, META_MAP, templateToYDoc } from './templateToYDoc.ts';
export { watchClauseIds } from './watchClauseIds.ts';
export { YCollaboration, type YCollaborationOptions } from './YCollaboration.ts';
export { yDocToTemplate } from './yDocToTemplate.ts';
