export type { Block, CellAlign, ClauseListBlock, HeadingBlock, ParagraphBlock, TableBlock } from './Block.ts';
export type { Clause, Condition } from './Clause.ts';
export { CLAUSE_ID, checkTemplate, type TemplateIssue, type TemplateIssueCode } from './checkTemplate.ts';
export { closest } from './closest.ts';
export { applyConditions, isConditionMet } from './conditions.ts';
export { FIELD_TYPES, type FieldDef, type FieldType, type FieldValue, type Values } from './Field.ts';
export { FILTERS, type FilterDef, type NormalizedValue } from './filters.ts';
export { formatCounter } from './formatCounter.ts';
export { formatValue } from './formatValue.ts';
export {
  type BreakInline,
  type FieldInline,
  type Inline,
  MARKS,
  type Mark,
  type RefInline,
  type TextInline,
} from './Inline.ts';
export { MIGRATIONS, type Migration, migrateTemplate, SchemaVersionError } from './migrateTemplate.ts';
export { type ClauseNumber, numberClauses } from './numberClauses.ts';
export { type CounterFormat, NUMBERING, type NumberingLevel, type NumberingSchemeDef } from './numberingSchemes.ts';
export type { Problem, ProblemCode } from './Problem.ts';
export { FIELD_KEY, type FieldDefIssue, parseFieldDefs } from './parseFieldDefs.ts';
export type {
  RenderMode,
  ResolvedBlock,
  ResolvedBreak,
  ResolvedClause,
  ResolvedDocument,
  ResolvedInline,
  ResolvedRef,
  ResolvedText,
  ResolvedValue,
} from './ResolvedDocument.ts';
export { type ResolveOptions, resolveTemplate } from './resolveTemplate.ts';
export type { SourceProblem } from './SourceProblem.ts';
export {
  LOCALES,
  type Locale,
  NUMBERING_SCHEMES,
  type NumberingScheme,
  SCHEMA_VERSION,
  type Template,
  type TemplateMeta,
} from './Template.ts';
export type { TemplateSummary } from './TemplateSummary.ts';
export { type ValueCheck, validateValue } from './validateValue.ts';
export { fieldName, isBlank, type ValidatedValues, validateValues } from './validateValues.ts';
export { eachBodyClause, eachClause, eachInline } from './walk.ts';
