import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO_TEMPLATES, startApp, type TestServer } from './startApp.ts';

let root: string;
let server: TestServer;
const INDEX = '<!doctype html><title>Clausewright</title><div id="root"></div>';

beforeAll(async () => {
  root = await mkdtemp(path.join(tmpdir(), 'cw-client-'));
  const dist = path.join(root, 'dist');
  await mkdir(path.join(dist, 'assets'), { recursive: true });
  await writeFile(path.join(dist, 'index.html'), INDEX);
  await writeFile(path.join(dist, 'assets', 'index-abc123.js'), 'console.log("app")');
  await writeFile(path.join(dist, 'assets', 'index-abc123.css'), 'body{}');
  await writeFile(path.join(dist, 'favicon.svg'), '<svg/>');
  // A file beside dist that no URL may reach.
  await writeFile(path.join(root, 'secret.txt'), 'do not serve');
  server = await startApp(REPO_TEMPLATES, { clientDir: dist });
});

afterAll(async () => {
  await server.close();
  await rm(root, { recursive: true, force: true });
});

/** A raw GET, so the path reaches the server exactly as written (fetch would normalise `..`). */
function rawGet(rawPath: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port: server.port, path: rawPath, method: 'GET' }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => {
        body += chunk;
      });
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

describe('serving the built client', () => {
  it('serves hashed assets with their content type and an immutable cache header', async () => {
    const js = await server.get('/assets/index-abc123.js');
    expect(js.status).toBe(200);
    expect(js.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(js.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(await js.text()).toBe('console.log("app")');
    const css = await server.get('/assets/index-abc123.css');
    expect(css.headers.get('content-type')).toBe('text/css; charset=utf-8');
    const svg = await server.get('/favicon.svg');
    expect(svg.headers.get('content-type')).toBe('image/svg+xml');
    expect(svg.headers.get('cache-control')).toBe('no-cache');
  });

  it('answers the client routes with index.html, revalidated on every load', async () => {
    for (const route of ['/', '/t/wechat-miniprogram-service', '/t/x/preview', '/index.html']) {
      const res = await server.get(route);
      expect(res.status, route).toBe(200);
      expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
      expect(res.headers.get('cache-control')).toBe('no-cache');
      expect(await res.text()).toBe(INDEX);
    }
  });

  it('answers HEAD with headers only', async () => {
    const res = await fetch(`${server.url}/assets/index-abc123.js`, { method: 'HEAD' });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-length')).toBe('18');
    expect(await res.text()).toBe('');
  });

  it('never serves a file outside the client folder', async () => {
    for (const p of ['/../secret.txt', '/%2e%2e/secret.txt', '/..%2fsecret.txt', '/assets/..%2f..%2fsecret.txt']) {
      const res = await rawGet(p);
      expect(res.body, p).not.toContain('do not serve');
    }
    expect((await rawGet('/a%00b')).status).toBe(400);
  });

  it('keeps API and missing assets as JSON 404s instead of the app page', async () => {
    for (const p of ['/api/nothing', '/assets/index-gone.js', '/collab/x']) {
      const res = await server.get(p);
      expect(res.status, p).toBe(404);
      expect(res.headers.get('content-type')).toBe('application/json; charset=utf-8');
    }
  });

  it('does not answer other methods with the app', async () => {
    const res = await server.post('/t/x', {});
    expect(res.status).toBe(404);
  });
});
