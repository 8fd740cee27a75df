/** One problem in a template file, at a 1-based line and column (UTF-16 units) of the original source. */
export interface SourceProblem {
  file: string;
  line: number;
  column: number;
  message: string;
}
