/**
 * Makes `host` hold `html` (our renderer's escaped output: one `<article>`), replacing only the children of the
 * article that differ; anything else (first render, another template) is replaced whole.
 */
export function patchHtml(host: HTMLElement, html: string): void {
  const next = document.createElement('template');
  // The fragment comes from our own renderer, which escapes every value and text run.
  next.innerHTML = html;
  const fresh = next.content.firstElementChild;
  const current = host.firstElementChild;
  if (
    !fresh ||
    !current ||
    host.childElementCount !== 1 ||
    next.content.childElementCount !== 1 ||
    !sameShell(current, fresh)
  ) {
    host.replaceChildren(next.content);
    return;
  }
  const oldBlocks = [...current.children];
  const newBlocks = [...fresh.children];
  newBlocks.forEach((block, i) => {
    const old = oldBlocks[i];
    if (!old) current.append(block);
    else if (!old.isEqualNode(block)) old.replaceWith(block);
  });
  for (const extra of oldBlocks.slice(newBlocks.length)) extra.remove();
}

/** Same element with the same attributes: its children can be patched in place. */
function sameShell(a: Element, b: Element): boolean {
  if (a.tagName !== b.tagName || a.attributes.length !== b.attributes.length) return false;
  for (const attr of a.attributes) if (b.getAttribute(attr.name) !== attr.value) return false;
  return true;
}
