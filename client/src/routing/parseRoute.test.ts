import { describe, expect, it } from 'vitest';
import { parseRoute, type Route, routePath } from './parseRoute.ts';

describe('parseRoute', () => {
  it('reads every page', () => {
    expect(parseRoute('/')).toEqual({ page: 'list' });
    expect(parseRoute('/documents/')).toEqual({ page: 'documents' });
    expect(parseRoute('/login')).toEqual({ page: 'login' });
    expect(parseRoute('/t/nda')).toEqual({ page: 'editor', id: 'nda' });
    expect(parseRoute('/t/nda/fill')).toEqual({ page: 'fill', id: 'nda' });
    expect(parseRoute('/t/nda/versions/3')).toEqual({ page: 'version', id: 'nda', version: 3 });
    expect(parseRoute('/t/nda/diff/1/draft')).toEqual({ page: 'diff', id: 'nda', from: 1, to: 'draft' });
    expect(parseRoute('/t/nda/diff/draft/12')).toEqual({ page: 'diff', id: 'nda', from: 'draft', to: 12 });
  });

  it('keeps the old preview address working as the fill page', () => {
    expect(parseRoute('/t/nda/preview')).toEqual({ page: 'fill', id: 'nda' });
  });

  it('accepts a trailing slash and decodes the id', () => {
    expect(parseRoute('/t/nda/')).toEqual({ page: 'editor', id: 'nda' });
    expect(parseRoute('/t/%E5%90%88%E5%90%8C%201/fill/')).toEqual({ page: 'fill', id: '合同 1' });
  });

  it('reports anything else as not found', () => {
    for (const path of [
      '/t',
      '/t/',
      '/t/a/b',
      '/templates',
      '/t/a/preview/x',
      '/t/%E5%90',
      '/t/a/versions/0',
      '/t/a/versions/01',
      '/t/a/versions/x',
      '/t/a/versions',
      '/t/a/diff/1',
      '/t/a/diff/1/latest',
      '/t/a/diff/1/2/3',
    ]) {
      expect(parseRoute(path).page, path).toBe('notFound');
    }
  });

  it('round-trips through routePath', () => {
    const routes: Route[] = [
      { page: 'list' },
      { page: 'documents' },
      { page: 'login' },
      { page: 'editor', id: 'a b/c' },
      { page: 'fill', id: '服务协议' },
      { page: 'version', id: 'a/b', version: 7 },
      { page: 'diff', id: '合同', from: 2, to: 'draft' },
    ];
    for (const route of routes) expect(parseRoute(routePath(route))).toEqual(route);
  });
});
