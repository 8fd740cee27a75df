/** CSS selector of the clause paragraph with this id inside the editor. */
export function clauseSelector(id: string): string {
  return `[data-testid=editor] .ProseMirror p[data-type=clause][data-id="${id}"]`;
}
