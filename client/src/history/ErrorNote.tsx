import { ApiError } from '../api.ts';
import { useT } from '../i18n/useT.ts';

/** A failed request said plainly, with the server's problems when it gave any. */
export function ErrorNote({ error, prefix }: { error: unknown; prefix?: string }) {
  const t = useT();
  if (!error) return null;
  const message = error instanceof Error ? error.message : String(error);
  const problems = error instanceof ApiError ? error.problems : [];
  return (
    <div className="cw-history-error" role="alert" data-testid="history-error">
      {prefix ?? t('history.failed')} {message}
      {problems.length > 0 && (
        <ul>
          {problems.map((p) => (
            <li key={`${p.code}|${p.field ?? ''}|${p.message}`}>{p.message}</li>
          ))}
        </ul>
      )}
    </div>
  );
}
