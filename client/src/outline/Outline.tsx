import { memo } from 'react';
import { useT } from '../i18n/useT.ts';
import type { OutlineEntry } from './deriveOutline.ts';
import { useIsCurrentClause, useOutline } from './outlineStore.ts';

interface Props {
  onJump(id: string): void;
}

/** The clause tree in a sidebar: labels and first words, indented by level; a click goes to the clause. */
export function Outline({ onJump }: Props) {
  const t = useT();
  const entries = useOutline();
  const untitled = t('editor.untitledClause');
  return (
    <nav className="cw-outline" data-testid="outline" aria-label={t('editor.outline')}>
      <h2 className="cw-pane-title">{t('editor.outline')}</h2>
      {entries.length === 0 ? (
        <p className="muted">{t('editor.outlineEmpty')}</p>
      ) : (
        <ol>
          {entries.map((entry) => (
            <OutlineItem key={entry.id} entry={entry} untitled={untitled} onJump={onJump} />
          ))}
        </ol>
      )}
    </nav>
  );
}

// Memoised on the entry object, which the outline store keeps identical while the clause is unchanged.
const OutlineItem = memo(function OutlineItem({
  entry,
  untitled,
  onJump,
}: {
  entry: OutlineEntry;
  untitled: string;
  onJump(id: string): void;
}) {
  const current = useIsCurrentClause(entry.id);
  return (
    <li>
      <button
        type="button"
        className={`cw-outline-item${entry.conditional ? ' conditional' : ''}${current ? ' current' : ''}`}
        aria-current={current ? 'location' : undefined}
        data-testid="outline-item"
        data-id={entry.id}
        data-level={entry.level}
        style={{ paddingLeft: `${0.5 + (Math.min(entry.level, 6) - 1) * 0.9}rem` }}
        onClick={() => onJump(entry.id)}
        title={entry.text}
      >
        <span className="cw-outline-label">{entry.label}</span>
        <span className={`cw-outline-text${entry.text ? '' : ' empty'}`}>{entry.text || untitled}</span>
      </button>
    </li>
  );
});
