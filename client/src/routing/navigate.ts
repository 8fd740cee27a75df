import { uiStore } from '../state/uiStore.ts';
import { parseRoute, type Route, routePath } from './parseRoute.ts';

/** Goes to another page of the app without reloading: pushes the URL and updates the store's route. */
export function navigate(to: Route | string, options: { replace?: boolean } = {}): void {
  const path = typeof to === 'string' ? to : routePath(to);
  if (path !== location.pathname + location.search) {
    if (options.replace) history.replaceState(null, '', path);
    else history.pushState(null, '', path);
  }
  // A string may carry a query (`/login?next=…`); the route is the path's.
  uiStore.getState().setRoute(parseRoute(path.split('?')[0] as string));
  window.scrollTo(0, 0);
}

/** Keeps the store's route in step with the back and forward buttons; returns the unsubscribe. */
export function listenToHistory(): () => void {
  const onPop = () => uiStore.getState().setRoute(parseRoute(location.pathname));
  window.addEventListener('popstate', onPop);
  return () => window.removeEventListener('popstate', onPop);
}
