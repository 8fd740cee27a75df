import { useState } from 'react';
import { type Format, renderFile } from '../api.ts';
import { useT } from '../i18n/useT.ts';

interface Props {
  id: string;
  format: Format;
  values: Record<string, unknown>;
}

/** Renders the draft in `format` on the server and saves it as `<id>.<format>`. */
export function DownloadButton({ id, format, values }: Props) {
  const t = useT();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const download = async () => {
    setBusy(true);
    setError(null);
    try {
      const blob = await renderFile(id, format, values);
      const url = URL.createObjectURL(blob);
      const a = document.createElement('a');
      a.href = url;
      a.download = `${id}.${format}`;
      a.click();
      // Revoke after the click has been handled, or some browsers cancel the download.
      setTimeout(() => URL.revokeObjectURL(url), 0);
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <button type="button" onClick={download} disabled={busy} data-testid={`download-${format}`}>
        {t('preview.download', { format })}
      </button>
      {error ? (
        <span className="values-error" role="alert">
          {error}
        </span>
      ) : null}
    </>
  );
}
