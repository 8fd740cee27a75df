import type { TemplateError } from './api.ts';

/** A broken template's errors, each located as `file:line:column`. */
export function TemplateErrors({ errors }: { errors: readonly TemplateError[] }) {
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
