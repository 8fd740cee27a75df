import type { ReactElement } from 'react';
import type { DiffSide } from '../routing/parseRoute.ts';

/** `/t/<id>/diff/<from>/<to>`: the clause-level diff. (Being built for issue 4.) */
export function DiffPage(_props: { id: string; from: DiffSide; to: DiffSide }): ReactElement | null {
  return null;
}
