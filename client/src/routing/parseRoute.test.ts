import { describe, expect, it } from 'vitest';
import { parseRoute, type Route, routePath } from './parseRoute.ts';

describe('parseRoute', () => {
  it('reads the three pages', () => {
    expect(parseRoute('/')).toEqual({ page: 'list' });
    expect(parseRoute('/t/nda')).toEqual({ page: 'editor', id: 'nda' });
    expect(parseRoute('/t/nda/preview')).toEqual({ page: 'preview', id: 'nda' });
  });

  it('accepts a trailing slash and decodes the id', () => {
    expect(parseRoute('/t/nda/')).toEqual({ page: 'editor', id: 'nda' });
    expect(parseRoute('/t/%E5%90%88%E5%90%8C%201/preview/')).toEqual({ page: 'preview', id: '合同 1' });
  });

  it('reports anything else as not found', () => {
    for (const path of ['/t', '/t/', '/t/a/b', '/templates', '/t/a/preview/x', '/t/%E5%90']) {
      expect(parseRoute(path).page, path).toBe('notFound');
    }
  });

  it('round-trips through routePath', () => {
    const routes: Route[] = [{ page: 'list' }, { page: 'editor', id: 'a b/c' }, { page: 'preview', id: '服务协议' }];
    for (const route of routes) expect(parseRoute(routePath(route))).toEqual(route);
  });
});
