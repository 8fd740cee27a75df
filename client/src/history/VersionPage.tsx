import type { ReactElement } from 'react';

/** `/t/<id>/versions/<n>`: a published version, read-only. (Being built for issue 4.) */
export function VersionPage(_props: { id: string; version: number }): ReactElement | null {
  return null;
}
