import { uiText } from './uiText.ts';

/**
 * The body of the chip's filter popover: "no filter" plus each filter valid for the field's type, the current one
 * checked; picking one calls `onPick` with its name (null for none).
 */
export function filterMenu(
  filters: string[],
  current: string | null,
  onPick: (filter: string | null) => void,
): HTMLElement {
  const text = uiText();
  const menu = document.createElement('div');
  menu.setAttribute('role', 'menu');
  menu.dataset.testid = 'filter-menu';
  menu.className = 'cw-menu';
  // A filter that does not fit the type (e.g. after a type change) stays listed so the author sees what is set.
  const names = current && !filters.includes(current) ? [null, ...filters, current] : [null, ...filters];
  for (const name of names) {
    const item = document.createElement('button');
    item.type = 'button';
    item.className = 'cw-menu-item';
    item.setAttribute('role', 'menuitemradio');
    item.setAttribute('aria-checked', String(name === current));
    item.dataset.filter = name ?? '';
    item.textContent = name === null ? text.noFilter : `${text.filters[name] ?? name} (${name})`;
    item.addEventListener('click', () => onPick(name));
    menu.append(item);
  }
  return menu;
}
