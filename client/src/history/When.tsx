import { useUi } from '../state/uiStore.ts';
import { formatWhen } from './formatWhen.ts';

/** A time shown relative ("3 分钟前"), the exact time on hover. */
export function When({ iso }: { iso: string }) {
  const lang = useUi((s) => s.lang);
  const { relative, exact } = formatWhen(iso, lang);
  return (
    <time dateTime={iso} title={exact} className="cw-when">
      {relative}
    </time>
  );
}
