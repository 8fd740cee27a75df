/** A choice field's options from a textarea: one per line, trimmed, blank lines ignored. */
export function splitOptions(value: string): string[] {
  return value
    .split('\n')
    .map((s) => s.trim())
    .filter((s) => s !== '');
}
