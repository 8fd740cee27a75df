export type ProblemCode =
  | 'missing-value'
  | 'invalid-value'
  | 'unknown-value'
  | 'broken-ref'
  | 'omitted-ref'
  | 'unknown-field'
  | 'unknown-filter';

/** Something that stops a document from being issued; `field` or `clause` says where. */
export interface Problem {
  code: ProblemCode;
  message: string;
  field?: string;
  clause?: string;
}
