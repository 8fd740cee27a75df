import type { Lang } from '../i18n/messages.ts';

/** A moment said two ways: relative for the list ("3 分钟前", "yesterday"), exact for the tooltip. */
export interface When {
  relative: string;
  exact: string;
}

const UNITS: readonly [Intl.RelativeTimeFormatUnit, number][] = [
  ['year', 365 * 86400],
  ['month', 30 * 86400],
  ['week', 7 * 86400],
  ['day', 86400],
  ['hour', 3600],
  ['minute', 60],
];

/** Formats an ISO time relative to `now` and exactly (date, time and zone); an unreadable value prints as given. */
export function formatWhen(iso: string, lang: Lang, now: number = Date.now()): When {
  const time = Date.parse(iso);
  if (Number.isNaN(time)) return { relative: iso, exact: iso };
  const locale = lang === 'zh' ? 'zh-CN' : 'en';
  const seconds = (time - now) / 1000;
  const rtf = new Intl.RelativeTimeFormat(locale, { numeric: 'auto' });
  let relative = rtf.format(0, 'second');
  for (const [unit, size] of UNITS) {
    if (Math.abs(seconds) >= size) {
      relative = rtf.format(Math.trunc(seconds / size), unit);
      break;
    }
  }
  const exact = new Intl.DateTimeFormat(locale, {
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    hour12: false,
    timeZoneName: 'short',
  }).format(time);
  return { relative, exact };
}
