export { diffTemplates } from './diffTemplates.ts';
export { diffText } from './diffText.ts';
export type {
  BlockDiff,
  ClauseDiff,
  ClauseSide,
  ClauseStatus,
  DiffOptions,
  DiffSummary,
  FieldChange,
  MetaChange,
  PropertyChange,
  TemplateDiff,
  TextChange,
} from './TemplateDiff.ts';
