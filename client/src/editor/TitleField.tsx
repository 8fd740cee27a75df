import { META_MAP } from '@clausewright/schema';
import { useEffect } from 'react';
import type * as Y from 'yjs';
import { useT } from '../i18n/useT.ts';
import { useYMapValue } from './useYMapValue.ts';

/** The template's title, edited in place and shared through the document's meta map. */
export function TitleField({ ydoc }: { ydoc: Y.Doc }) {
  const t = useT();
  const meta = ydoc.getMap<unknown>(META_MAP);
  const title = useYMapValue<string>(meta, 'title') ?? '';

  useEffect(() => {
    document.title = title ? `${title} · Clausewright` : 'Clausewright';
  }, [title]);

  return (
    <input
      className="cw-title"
      data-testid="title-input"
      value={title}
      placeholder={t('editor.titlePlaceholder')}
      aria-label={t('editor.titleLabel')}
      onChange={(e) => meta.set('title', e.target.value)}
      onKeyDown={(e) => {
        if (e.key === 'Enter') e.currentTarget.blur();
      }}
    />
  );
}
