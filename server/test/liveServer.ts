import { afterAll, afterEach, beforeAll } from 'vitest';
import type { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { connect, synced } from './collab/startCollab.ts';
import { REPO_TEMPLATES, startApp, type TestServer } from './startApp.ts';

/** The whole server on port 0 for one test file, with y-websocket clients that are destroyed after each test. */
export interface LiveServer {
  readonly server: TestServer;
  /**
   * A client on template `id` as display name `name`, synced. The server names connections by account, so without
   * `authorization` it logs in as an account displayed as `name` (made on first use, editor of `id`); with it, as
   * that token's account.
   */
  join(id: string, name: string, authorization?: string): Promise<{ doc: Y.Doc; provider: WebsocketProvider }>;
}

/** Registers the file's hooks: the server starts before its tests and stops after them. */
export function useLiveServer(): LiveServer {
  let server: TestServer | undefined;
  let providers: WebsocketProvider[] = [];
  // One account per display name, made on first use; the templates each may edit.
  const accounts = new Map<string, { id: string; authorization: string; docs: Set<string> }>();
  const accountFor = async (docId: string, name: string): Promise<string> => {
    const server = running();
    let account = accounts.get(name);
    if (!account) {
      const made = await server.userWith(`live-${accounts.size + 1}`, {}, name);
      account = { id: made.id, authorization: made.authorization, docs: new Set() };
      accounts.set(name, account);
    }
    if (!account.docs.has(docId)) {
      await server.store.setRole(docId, account.id, 'editor');
      account.docs.add(docId);
    }
    return account.authorization;
  };
  beforeAll(async () => {
    server = await startApp(REPO_TEMPLATES);
    accounts.clear();
  });
  afterEach(() => {
    for (const p of providers) p.destroy();
    providers = [];
  });
  afterAll(() => server?.close());
  const running = (): TestServer => {
    if (!server) throw new Error('the live server is only there inside tests');
    return server;
  };
  return {
    get server() {
      return running();
    },
    // No `this`: callers destructure `join`.
    async join(id, name, given) {
      const authorization = given ?? (await accountFor(id, name));
      const doc = new Y.Doc();
      const provider = connect(running().wsUrl, id, doc, name, { authorization });
      providers.push(provider);
      await synced(provider);
      return { doc, provider };
    },
  };
}

/** Types `words` at the start of clause `id` (default: the first clause), as an editor's Yjs binding would write it. */
export function typeIntoClause(doc: Y.Doc, words: string, id?: string): void {
  const clause = doc
    .getXmlFragment('body')
    .toArray()
    .find(
      (b) => b instanceof Y.XmlElement && b.nodeName === 'clause' && (id === undefined || b.getAttribute('id') === id),
    );
  if (!(clause instanceof Y.XmlElement)) throw new Error(`no clause ${id ?? '(first)'}`);
  let run = clause.toArray().find((n) => n instanceof Y.XmlText);
  if (!(run instanceof Y.XmlText)) {
    run = new Y.XmlText();
    clause.insert(0, [run]);
  }
  (run as Y.XmlText).insert(0, words);
}
