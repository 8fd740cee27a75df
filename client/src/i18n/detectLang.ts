import type { Lang } from './messages.ts';

/** The UI language for a browser language tag: Chinese for any `zh*`, English otherwise. */
export function detectLang(browserLanguage: string | undefined): Lang {
  return browserLanguage?.toLowerCase().startsWith('zh') ? 'zh' : 'en';
}
