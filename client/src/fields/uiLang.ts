import type { Lang } from '../i18n/messages.ts';
import { uiStore } from '../state/uiStore.ts';

/** The UI language of the editor's own widgets. */
export type UiLang = Lang;

/** Reads the page's current UI language; plain DOM widgets call it each time they render so a switch shows at once. */
export function uiLang(): UiLang {
  return uiStore.getState().lang;
}
