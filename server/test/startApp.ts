import { fileURLToPath } from 'node:url';
import { type AppOptions, createApp } from '../src/createApp.ts';
import { listen, type RunningServer } from '../src/listen.ts';
import { TemplateLibrary } from '../src/TemplateLibrary.ts';

/** The repository's own templates folder. */
export const REPO_TEMPLATES = fileURLToPath(new URL('../../templates', import.meta.url));

export interface TestServer extends RunningServer {
  library: TemplateLibrary;
  /** `fetch` relative to the server's URL. */
  get(path: string): Promise<Response>;
  post(path: string, body: unknown): Promise<Response>;
}

/** Loads `dir` and serves it on a free port; call `close()` after the tests. */
export async function startApp(dir: string, options: AppOptions = {}): Promise<TestServer> {
  const library = await TemplateLibrary.load(dir);
  const server = await listen(createApp(library, options), 0, '127.0.0.1');
  const url = `http://127.0.0.1:${server.port}`;
  return {
    ...server,
    url,
    library,
    get: (path) => fetch(url + path),
    post: (path, body) =>
      fetch(url + path, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: typeof body === 'string' ? body : JSON.stringify(body),
      }),
  };
}
