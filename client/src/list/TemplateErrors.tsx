import type { SourceProblem } from '../api.ts';

/** A broken template's errors, each located as `file:line:column`. */
export function TemplateErrors({ errors }: { errors: readonly SourceProblem[] }) {
  return (
    <ul className="template-errors">
      {errors.map((e) => (
        <li key={`${e.line}:${e.column}:${e.message}`}>
          <code>
            {e.file}:{e.line}:{e.column}
          </code>{' '}
          {e.message}
        </li>
      ))}
    </ul>
  );
}
