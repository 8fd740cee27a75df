import { serializeTemplate } from '@clausewright/markdown';
import * as Y from 'yjs';
import type { DocumentHub } from '../collab/DocumentHub.ts';
import { readDraftDoc, templateOfDoc } from '../readDraft.ts';
import type { VersionInfo } from '../storage/DocumentStore.ts';

/** What a publish request says about the new version. */
export interface PublishRequest {
  message: string;
  author: string | null;
}

// Publishes of one document run one after another, so a higher number never holds an older draft.
const queues = new WeakMap<DocumentHub, Map<string, Promise<unknown>>>();

/**
 * Publishes the current draft of `docId` as its next version: the draft's encoded state, its Clause Markdown export
 * and that export's hash, stored as one immutable row. The state is read once and everything derives from it; the
 * row is written only after every update in it is stored, so a version never holds an edit the log could lose.
 * 404 when the document does not exist, 422 when it holds no complete template.
 */
export function publishVersion(hub: DocumentHub, docId: string, request: PublishRequest): Promise<VersionInfo> {
  let perDoc = queues.get(hub);
  if (!perDoc) {
    perDoc = new Map();
    queues.set(hub, perDoc);
  }
  const queue = perDoc;
  const previous = queue.get(docId) ?? Promise.resolve();
  const run = previous.catch(() => {}).then(() => publish(hub, docId, request));
  queue.set(docId, run);
  const forget = () => {
    if (queue.get(docId) === run) queue.delete(docId);
  };
  run.then(forget, forget);
  return run;
}

async function publish(hub: DocumentHub, docId: string, request: PublishRequest): Promise<VersionInfo> {
  // One read gives both the Markdown and the state, so they always describe the same draft.
  const read = await readDraftDoc(hub, docId);
  let state: Uint8Array;
  let markdown: string;
  try {
    markdown = serializeTemplate(templateOfDoc(docId, read.doc));
    state = read.state ?? Y.encodeStateAsUpdate(read.doc);
  } finally {
    read.doc.destroy();
  }
  const live = hub.loaded(docId);
  if (live) await hub.whenStored(live);
  return hub.store.createVersion(docId, { message: request.message, author: request.author, state, markdown });
}
