/** CSS selector of one clause's line on the diff page (`/t/<id>/diff/<from>/<to>`). */
export function diffClauseSelector(id: string): string {
  return `[data-testid=diff-page] [data-testid=diff-clause][data-id="${id}"]`;
}
