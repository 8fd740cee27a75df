import type { AnchorHTMLAttributes, MouseEvent } from 'react';
import { navigate } from './navigate.ts';
import { type Route, routePath } from './parseRoute.ts';

interface Props extends Omit<AnchorHTMLAttributes<HTMLAnchorElement>, 'href'> {
  to: Route;
}

/** An in-app link: a real `<a href>` (new tab, copy link work) that navigates without a reload on a plain click. */
export function Link({ to, onClick, ...rest }: Props) {
  const href = routePath(to);
  const handle = (e: MouseEvent<HTMLAnchorElement>) => {
    onClick?.(e);
    if (e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
    e.preventDefault();
    navigate(to);
  };
  return <a href={href} onClick={handle} {...rest} />;
}
