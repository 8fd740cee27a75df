import { serializeTemplate } from '@clausewright/markdown';
import type * as Y from 'yjs';
import type { DocumentHub, HubDocument } from '../collab/DocumentHub.ts';
import { readDraftWith, templateOfDoc } from '../readDraft.ts';
import { SerialPerKey } from '../SerialPerKey.ts';
import type { VersionInfo } from '../storage/DocumentStore.ts';

/** What a publish request says about the new version. */
export interface PublishRequest {
  message: string;
  author: string | null;
}

// Publishes of one document run one after another, so a higher number never holds an older draft.
const queues = new WeakMap<DocumentHub, SerialPerKey>();

/**
 * Publishes the current draft of `docId` as its next version: the draft's encoded state, its Clause Markdown export
 * and that export's hash, stored as one immutable row. The state is read once and everything derives from it; the
 * row is written only after every update in it is stored, so a version never holds an edit the log could lose.
 * 404 when the document does not exist, 422 when it holds no complete template.
 */
export function publishVersion(hub: DocumentHub, docId: string, request: PublishRequest): Promise<VersionInfo> {
  let queue = queues.get(hub);
  if (!queue) {
    queue = new SerialPerKey();
    queues.set(hub, queue);
  }
  return queue.run(docId, () => publish(hub, docId, request));
}

/** A draft as a version stores it. */
interface DraftForm {
  state: Uint8Array;
  markdown: string;
}

// The Markdown of a live document's latest published revision: publishing it again unchanged skips the export.
const lastExport = new WeakMap<HubDocument, { revision: number; markdown: string }>();

async function publish(hub: DocumentHub, docId: string, request: PublishRequest): Promise<VersionInfo> {
  const live = hub.loaded(docId);
  // One read gives both the Markdown and the state, so they always describe the same draft.
  const draft = live ? liveForm(hub, live) : await readDraftWith(hub, docId, (doc, state) => formOf(docId, doc, state));
  const stored = hub.loaded(docId);
  if (stored) await hub.whenStored(stored);
  return hub.store.createVersion(docId, { message: request.message, author: request.author, ...draft });
}

/** The live draft's form, read in one turn; the Markdown is reused while no update has arrived since the last one. */
function liveForm(hub: DocumentHub, live: HubDocument): DraftForm {
  const known = lastExport.get(live)?.revision === live.revision ? lastExport.get(live) : undefined;
  if (known && live.pendingUpdates === 0) {
    const state = hub.readState(live);
    if (state) return { state, markdown: known.markdown };
  }
  return hub.readDoc(live, (doc, encodeState) => {
    if (known) return { state: encodeState(), markdown: known.markdown };
    const form = formOf(live.docId, doc, encodeState);
    lastExport.set(live, { revision: live.revision, markdown: form.markdown });
    return form;
  });
}

function formOf(docId: string, doc: Y.Doc, encodeState: () => Uint8Array): DraftForm {
  return { markdown: serializeTemplate(templateOfDoc(docId, doc)), state: encodeState() };
}
