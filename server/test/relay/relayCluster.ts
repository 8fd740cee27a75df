import type { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import type { DocumentStore } from '../../src/storage/index.ts';
import type { Random } from '../collab/convergenceOps.ts';
import { connect, sleep, synced } from '../collab/startCollab.ts';
import type { Instance } from './startInstances.ts';

/** A test editor: a Y.Doc connected to one instance, and what it wrote. */
export interface Editor {
  name: string;
  doc: Y.Doc;
  provider: WebsocketProvider;
  instance: Instance;
  /** Tokens it inserted, and tokens it deleted. */
  inserted: Set<string>;
  deleted: Set<string>;
}

export const tokensOf = (doc: Y.Doc) => doc.getArray<string>('tokens').toArray();

/** Connects a new editor (or moves `editor`, keeping its Y.Doc and what it wrote) to `instance`, synced. */
export async function join(
  instance: Instance,
  docId: string,
  name: string,
  editors: Editor[],
  previous?: Editor,
): Promise<Editor> {
  const doc = previous?.doc ?? new Y.Doc();
  const provider = connect(instance.url, docId, doc, name);
  await synced(provider);
  const editor: Editor = {
    name,
    doc,
    provider,
    instance,
    inserted: previous?.inserted ?? new Set(),
    deleted: previous?.deleted ?? new Set(),
  };
  if (previous) editors.splice(editors.indexOf(previous), 1, editor);
  else editors.push(editor);
  return editor;
}

/** One random edit: mostly inserts of a unique token at a random place, sometimes a burst, sometimes a delete. */
export function randomEdit(editor: Editor, random: Random, serial: () => number): void {
  const tokens = editor.doc.getArray<string>('tokens');
  editor.doc.transact(() => {
    const roll = random();
    if (roll < 0.15 && tokens.length > 0) {
      const at = Math.floor(random() * tokens.length);
      editor.deleted.add(tokens.get(at));
      tokens.delete(at, 1);
      return;
    }
    const burst = roll < 0.3 ? 2 + Math.floor(random() * 3) : 1;
    for (let k = 0; k < burst; k++) {
      const token = `${editor.name}-${serial()}`;
      editor.inserted.add(token);
      tokens.insert(Math.floor(random() * (tokens.length + 1)), [token]);
    }
  });
}

/** Every editor edits at random, a few ms apart, until `until()` says stop. */
export async function editAtRandom(editors: () => Editor[], random: Random, until: () => boolean): Promise<void> {
  let n = 0;
  const serial = () => n++;
  while (!until()) {
    const list = editors();
    const editor = list[Math.floor(random() * list.length)];
    if (editor) randomEdit(editor, random, serial);
    await sleep(Math.floor(random() * 4));
  }
}

/** What the edits add up to: every inserted token not deleted by anyone. */
export function expectedTokens(editors: Editor[]): Set<string> {
  const inserted = new Set<string>();
  const deleted = new Set<string>();
  for (const e of editors) {
    for (const t of e.inserted) inserted.add(t);
    for (const t of e.deleted) deleted.add(t);
  }
  return new Set([...inserted].filter((t) => !deleted.has(t)));
}

/** True when every editor holds the same tokens in the same order. */
export function converged(editors: Editor[]): boolean {
  const first = JSON.stringify(tokensOf((editors[0] as Editor).doc));
  return editors.every((e) => JSON.stringify(tokensOf(e.doc)) === first);
}

/** The document as the store holds it (every row applied to a fresh Y.Doc); throws on a broken log. */
export async function storedTokens(store: DocumentStore, docId: string): Promise<string[]> {
  const doc = new Y.Doc();
  try {
    for (const update of await store.load(docId)) Y.applyUpdate(doc, update);
    if (doc.store.pendingStructs || doc.store.pendingDs) throw new Error('the stored log lacks dependencies');
    return tokensOf(doc);
  } finally {
    doc.destroy();
  }
}

/** Polls until `check` holds; resolves with the time it took, rejects with `describe()` after `timeoutMs`. */
export async function within(check: () => boolean, timeoutMs: number, describe: () => string): Promise<number> {
  const start = Date.now();
  while (!check()) {
    if (Date.now() - start > timeoutMs) throw new Error(`not within ${timeoutMs} ms: ${describe()}`);
    await sleep(10);
  }
  return Date.now() - start;
}
