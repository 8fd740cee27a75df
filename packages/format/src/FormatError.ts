/** Thrown for every input the formatters refuse; the message names the problem and the input. */
export class FormatError extends Error {
  override name = 'FormatError';
}

/** Renders a refused input for an error message: strings quoted, so `""` and `" 12"` stay visible. */
export function showInput(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value);
  if (Object.is(value, -0)) return '-0';
  return String(value);
}
