import { type MouseEvent, memo, useEffect, useLayoutEffect, useRef } from 'react';
import { useT } from '../i18n/useT.ts';
import { patchHtml } from './patchHtml.ts';

interface Props {
  /** The document fragment from `renderHtml`. */
  html: string;
  draft: boolean;
  /** Keys of the required fields: their gaps are flagged more strongly than optional ones. */
  required: readonly string[];
  /** The field whose input has focus: its values are outlined, and a change of it scrolls to its first use. */
  activeField: string | null;
  /** Set when the focus came from a click in the preview, which must not scroll the text away from the click. */
  scrollOnFocus: boolean;
  onPick(key: string): void;
}

const fieldSelector = (key: string) => `[data-field="${CSS.escape(key)}"]`;

/** The live preview: the contract as it will be issued, values highlighted, gaps flagged, clicks going to inputs. */
export function FillPreview({ html, draft, required, activeField, scrollOnFocus, onPick }: Props) {
  const t = useT();
  const paper = useRef<HTMLDivElement>(null);

  // The outline of the focused field's values moves with the focus and is put back on blocks a render replaced.
  useLayoutEffect(() => {
    const root = paper.current;
    if (!root) return;
    for (const el of root.querySelectorAll('.cw-active')) el.classList.remove('cw-active');
    if (activeField === null || html === '') return;
    for (const el of root.querySelectorAll(fieldSelector(activeField))) el.classList.add('cw-active');
  }, [html, activeField]);

  useEffect(() => {
    if (!scrollOnFocus || activeField === null) return;
    paper.current?.querySelector(fieldSelector(activeField))?.scrollIntoView({ block: 'center', behavior: 'smooth' });
  }, [activeField, scrollOnFocus]);

  const click = (e: MouseEvent<HTMLDivElement>) => {
    const target = e.target as Element;
    const value = target.closest('[data-field]');
    if (value) {
      onPick(value.getAttribute('data-field') as string);
      return;
    }
    // A reference scrolls within the preview instead of changing the page's address.
    const ref = target.closest('a.cw-ref');
    if (ref) {
      e.preventDefault();
      const id = ref.getAttribute('href')?.slice(1);
      if (id) document.getElementById(id)?.scrollIntoView({ block: 'start', behavior: 'smooth' });
    }
  };

  return (
    <section className="cw-fill-preview" data-testid="fill-preview" data-draft={draft || undefined}>
      {draft ? (
        <p className="cw-fill-draft-banner" data-testid="fill-draft-banner">
          {t('fill.draftBanner')}
        </p>
      ) : null}
      <RequiredGaps keys={required} />
      {/* biome-ignore lint/a11y/useKeyWithClickEvents: each value's input is in the form; the click is a shortcut */}
      {/* biome-ignore lint/a11y/noStaticElementInteractions: see above */}
      <div className={`cw-fill-paper${draft ? ' is-draft' : ''}`} ref={paper} onClick={click}>
        <PreviewDocument html={html} />
      </div>
      <p className="cw-fill-preview-hint muted">{t('fill.previewHint')}</p>
    </section>
  );
}

/**
 * The rendered document. Only the blocks whose HTML changed are swapped in, so a keystroke restyles and lays out
 * the clause it touched rather than the whole contract.
 */
const PreviewDocument = memo(function PreviewDocument({ html }: { html: string }) {
  const host = useRef<HTMLDivElement>(null);
  useLayoutEffect(() => {
    if (host.current) patchHtml(host.current, html);
  }, [html]);
  return <div className="cw-fill-doc" data-testid="fill-preview-doc" ref={host} />;
});

/** A rule flagging the gaps of required fields, since the renderer marks every gap alike. */
const RequiredGaps = memo(function RequiredGaps({ keys }: { keys: readonly string[] }) {
  if (keys.length === 0) return null;
  const selector = keys.map((k) => `.cw-fill-paper .cw-missing${fieldSelector(k)}`).join(',');
  return (
    <style>{`${selector}{color:var(--danger);background:var(--danger-soft);outline:1px dashed var(--danger)}`}</style>
  );
});
