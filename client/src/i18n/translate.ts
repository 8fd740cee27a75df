import { type Lang, type MessageKey, messages } from './messages.ts';

/** Values substituted for `{name}` placeholders in a message. */
export type MessageVars = Readonly<Record<string, string | number>>;

/** The message in `lang` with its `{name}` placeholders filled; an unknown placeholder stays as written. */
export function translate(lang: Lang, key: MessageKey, vars?: MessageVars): string {
  const text = messages[lang][key];
  if (!vars) return text;
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => (name in vars ? String(vars[name]) : whole));
}
