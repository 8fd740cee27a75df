import { useCallback } from 'react';
import { useUi } from '../state/uiStore.ts';
import type { MessageKey } from './messages.ts';
import { type MessageVars, translate } from './translate.ts';

/** The translator for the current UI language; components re-render when the language changes. */
export function useT(): (key: MessageKey, vars?: MessageVars) => string {
  const lang = useUi((s) => s.lang);
  return useCallback((key, vars) => translate(lang, key, vars), [lang]);
}
