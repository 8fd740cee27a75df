import type { Condition } from '@clausewright/model';
import { uiText } from '../fields/uiText.ts';
import type { ConditionMenuItem } from './conditionMenuModel.ts';
import { describeCondition } from './describeCondition.ts';

/** The clause condition menu's body: "only if …", "unless …" and "clear"; picking calls `onPick` (null = clear). */
export function conditionMenu(
  items: readonly ConditionMenuItem[],
  current: Condition | null,
  onPick: (condition: Condition | null) => void,
): HTMLElement {
  const text = uiText();
  const menu = document.createElement('div');
  menu.className = 'cw-menu cw-condition-menu';
  menu.dataset.testid = 'condition-menu';
  menu.setAttribute('role', 'menu');
  menu.setAttribute('aria-label', text.conditionMenu);
  const title = document.createElement('div');
  title.className = 'cw-menu-title';
  title.textContent = text.conditionMenu;
  menu.append(title);
  if (items.length === 0) {
    const empty = document.createElement('div');
    empty.className = 'cw-menu-empty';
    empty.textContent = text.noConditionFields;
    menu.append(empty);
  }
  for (const item of items) {
    menu.append(
      button(describeCondition(item.condition, item.fieldLabel), item.checked, () => onPick(item.condition), {
        kind: item.condition.kind,
        field: item.condition.field,
        equals: item.condition.equals,
      }),
    );
  }
  if (current) menu.append(button(text.clearCondition, false, () => onPick(null), { kind: 'clear' }));
  return menu;
}

function button(
  label: string,
  checked: boolean,
  onClick: () => void,
  data: Record<string, string | undefined>,
): HTMLButtonElement {
  const el = document.createElement('button');
  el.type = 'button';
  el.className = 'cw-menu-item';
  el.setAttribute('role', 'menuitemradio');
  el.setAttribute('aria-checked', String(checked));
  el.dataset.testid = 'condition-item';
  for (const [k, v] of Object.entries(data)) if (v !== undefined) el.dataset[k] = v;
  el.textContent = label;
  el.addEventListener('click', onClick);
  return el;
}
