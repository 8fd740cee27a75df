/** A page of the app, as its URL names it. */
export type Route =
  | { page: 'list' }
  | { page: 'login' }
  | { page: 'documents' }
  | { page: 'editor'; id: string }
  | { page: 'fill'; id: string }
  | { page: 'version'; id: string; version: number }
  | { page: 'diff'; id: string; from: DiffSide; to: DiffSide }
  | { page: 'notFound'; path: string };

/** One side of a diff: a version number or the live draft. */
export type DiffSide = number | 'draft';

const VERSION = /^[1-9]\d{0,14}$/;

/**
 * Reads a pathname (a trailing slash is fine):
 * `/`, `/login`, `/documents` (the log of issued documents), `/t/<id>`, `/t/<id>/fill` (also `/t/<id>/preview`, its old name), `/t/<id>/versions/<n>` (a read-only
 * version) and `/t/<id>/diff/<from>/<to>` (each side a version number or `draft`).
 */
export function parseRoute(pathname: string): Route {
  const path = pathname.length > 1 ? pathname.replace(/\/+$/, '') : pathname;
  if (path === '' || path === '/') return { page: 'list' };
  if (path === '/documents') return { page: 'documents' };
  if (path === '/login') return { page: 'login' };
  const notFound: Route = { page: 'notFound', path: pathname };
  const parts = path.split('/').slice(1);
  if (parts[0] !== 't' || parts.length < 2 || parts.length > 5) return notFound;
  let id: string;
  try {
    id = decodeURIComponent(parts[1] as string);
  } catch {
    return notFound;
  }
  if (id === '') return notFound;
  const rest = parts.slice(2);
  if (rest.length === 0) return { page: 'editor', id };
  if (rest.length === 1 && (rest[0] === 'fill' || rest[0] === 'preview')) return { page: 'fill', id };
  if (rest.length === 2 && rest[0] === 'versions' && VERSION.test(rest[1] as string)) {
    return { page: 'version', id, version: Number(rest[1]) };
  }
  if (rest.length === 3 && rest[0] === 'diff') {
    const from = diffSide(rest[1] as string);
    const to = diffSide(rest[2] as string);
    if (from !== null && to !== null) return { page: 'diff', id, from, to };
  }
  return notFound;
}

function diffSide(raw: string): DiffSide | null {
  if (raw === 'draft') return 'draft';
  return VERSION.test(raw) ? Number(raw) : null;
}

/** The pathname of a route; the inverse of {@link parseRoute}. */
export function routePath(route: Route): string {
  const base = 'id' in route ? `/t/${encodeURIComponent(route.id)}` : '';
  switch (route.page) {
    case 'list':
      return '/';
    case 'documents':
      return '/documents';
    case 'login':
      return '/login';
    case 'editor':
      return base;
    case 'fill':
      return `${base}/fill`;
    case 'version':
      return `${base}/versions/${route.version}`;
    case 'diff':
      return `${base}/diff/${route.from}/${route.to}`;
    case 'notFound':
      return route.path;
  }
}
