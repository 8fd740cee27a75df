import type { ReactElement } from 'react';

/** `/documents`: every issued document, newest first, each downloadable again. (Being built for issue 5.) */
export function DocumentsPage(): ReactElement | null {
  return null;
}
