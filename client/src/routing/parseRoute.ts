/** A page of the app, as its URL names it. */
export type Route =
  | { page: 'list' }
  | { page: 'editor'; id: string }
  | { page: 'preview'; id: string }
  | { page: 'notFound'; path: string };

/** Reads a pathname: `/`, `/t/<id>`, `/t/<id>/preview` (a trailing slash is fine). */
export function parseRoute(pathname: string): Route {
  const path = pathname.length > 1 ? pathname.replace(/\/+$/, '') : pathname;
  if (path === '' || path === '/') return { page: 'list' };
  const match = /^\/t\/([^/]+)(\/preview)?$/.exec(path);
  const raw = match?.[1];
  if (!match || raw === undefined) return { page: 'notFound', path: pathname };
  let id: string;
  try {
    id = decodeURIComponent(raw);
  } catch {
    return { page: 'notFound', path: pathname };
  }
  return match[2] ? { page: 'preview', id } : { page: 'editor', id };
}

/** The pathname of a route; the inverse of {@link parseRoute}. */
export function routePath(route: Route): string {
  switch (route.page) {
    case 'list':
      return '/';
    case 'editor':
      return `/t/${encodeURIComponent(route.id)}`;
    case 'preview':
      return `/t/${encodeURIComponent(route.id)}/preview`;
    case 'notFound':
      return route.path;
  }
}
