/**
 * Every clause's live label as the editor shows it (`p[data-type=clause][data-id][data-label]`, the DOM contract), so
 * pickers and messages name clauses exactly as the author sees them.
 */
export function clauseLabelsFromDom(root: ParentNode): Map<string, string> {
  const labels = new Map<string, string>();
  for (const el of root.querySelectorAll<HTMLElement>('[data-type=clause][data-id]')) {
    const id = el.dataset.id;
    if (id && !labels.has(id)) labels.set(id, el.dataset.label ?? '');
  }
  return labels;
}
