import { uiText } from './uiText.ts';

/**
 * The typeahead popup shared by `{{` fields and `[[` references: `[data-testid=suggestion]` with rows
 * `[data-testid=suggestion-item]`, the highlighted one `aria-selected=true`; ↑ ↓ move, Enter picks, a click picks.
 */
export class SuggestionList<I> {
  readonly element: HTMLDivElement;
  private items: I[] = [];
  private index = 0;
  private readonly renderItem: (item: I) => HTMLElement;
  private readonly onPick: (item: I) => void;

  constructor(renderItem: (item: I) => HTMLElement, onPick: (item: I) => void) {
    this.renderItem = renderItem;
    this.onPick = onPick;
    this.element = document.createElement('div');
    this.element.className = 'cw-suggestion';
    this.element.dataset.testid = 'suggestion';
    this.element.setAttribute('role', 'listbox');
    // Keep the editor focused (and its selection) while the mouse picks a row.
    this.element.addEventListener('mousedown', (event) => {
      if (!(event.target as HTMLElement).closest('input, select, textarea, button[type=submit]'))
        event.preventDefault();
    });
  }

  /** Shows new rows, keeping the highlight in range. */
  setItems(items: I[]): void {
    this.items = items;
    this.index = Math.min(this.index, Math.max(0, items.length - 1));
    this.render();
  }

  /** The highlighted row, if any. */
  selected(): I | undefined {
    return this.items[this.index];
  }

  /** Handles ↑ ↓ Enter; returns whether the key was used. */
  onKeyDown(event: KeyboardEvent): boolean {
    if (this.items.length === 0) return false;
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      const step = event.key === 'ArrowDown' ? 1 : -1;
      this.index = (this.index + step + this.items.length) % this.items.length;
      this.render();
      return true;
    }
    if (event.key === 'Enter' || event.key === 'Tab') {
      const item = this.selected();
      if (item !== undefined) this.onPick(item);
      return true;
    }
    return false;
  }

  /** Replaces the rows with other content (the "new field" form). */
  showContent(content: HTMLElement): void {
    this.element.replaceChildren(content);
  }

  private render(): void {
    if (this.items.length === 0) {
      const empty = document.createElement('div');
      empty.className = 'cw-suggestion-empty';
      empty.textContent = uiText().noMatch;
      this.element.replaceChildren(empty);
      return;
    }
    const rows = this.items.map((item, i) => {
      const row = this.renderItem(item);
      row.dataset.testid = 'suggestion-item';
      row.setAttribute('role', 'option');
      row.setAttribute('aria-selected', String(i === this.index));
      row.classList.add('cw-suggestion-item');
      row.addEventListener('click', () => {
        this.index = i;
        this.onPick(item);
      });
      row.addEventListener('mousemove', () => {
        if (this.index === i) return;
        this.index = i;
        this.render();
      });
      return row;
    });
    this.element.replaceChildren(...rows);
    // Scroll the list itself only: scrollIntoView would also scroll the page (the popup may not be placed yet).
    const active = rows[this.index];
    if (active) {
      const list = this.element.getBoundingClientRect();
      const row = active.getBoundingClientRect();
      if (row.top < list.top) this.element.scrollTop -= list.top - row.top;
      else if (row.bottom > list.bottom) this.element.scrollTop += row.bottom - list.bottom;
    }
  }
}
