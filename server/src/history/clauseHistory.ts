import { diffTemplates } from '@clausewright/diff';
import type { Template } from '@clausewright/model';
import type { DocumentHub } from '../collab/DocumentHub.ts';
import { HttpError } from '../HttpError.ts';
import { readDraftDoc, templateOfDoc, templateOfState } from '../readDraft.ts';
import type { AuthorshipRange } from '../storage/index.ts';
import { clauseItemIds, type ItemSpan } from './clauseItemIds.ts';

/** One change of a clause: between version n-1 and n, or (`version: 'draft'`) between the latest version and the draft. */
export interface ClauseChange {
  version: number | 'draft';
  /** ISO 8601; for the draft, when it was last stored (now when unknown). */
  createdAt: string;
  /** The version's message and author; null for the draft. */
  message: string | null;
  author: string | null;
  status: 'added' | 'removed' | 'moved' | 'modified' | 'renumbered';
  oldLabel?: string;
  newLabel?: string;
}

/** Who edited a clause, with the time of their last edit (ISO 8601). */
export interface ClauseEditor {
  author: string;
  lastAt: string;
}

/** `GET /api/templates/:id/clauses/:clauseId/history`. */
export interface ClauseHistory {
  clauseId: string;
  changes: ClauseChange[];
  since: { version: number | null; editors: ClauseEditor[] };
}

// The hub's own writes: named only when nobody else touched the clause.
const MACHINE_AUTHORS = new Set(['create', 'server', 'restore']);

/**
 * The history of one clause: its diff status across each pair of consecutive versions (and latest version → draft),
 * and who edited it since the latest version, from the store's authorship runs intersected with the clause's Yjs
 * items in the draft. 404 for an unknown template or a clause in neither the draft nor any version.
 */
export async function clauseHistory(hub: DocumentHub, docId: string, clauseId: string): Promise<ClauseHistory> {
  const store = hub.store;
  const { doc } = await readDraftDoc(hub, docId);
  let draft: Template;
  let spans: ItemSpan[] | null;
  try {
    draft = templateOfDoc(docId, doc);
    spans = clauseItemIds(doc, clauseId);
  } finally {
    doc.destroy();
  }

  const infos = (await store.listVersions(docId)).sort((a, b) => a.version - b.version);
  const changes: ClauseChange[] = [];
  let found = spans !== null;
  let previous: Template | null = null;
  for (const info of infos) {
    const version = await store.getVersion(docId, info.version);
    if (!version) continue;
    const template = templateOfState(docId, version.state);
    const change = changeOf(previous ?? { ...template, body: [], fields: {} }, template, clauseId);
    if (change.seen) found = true;
    if (change.status) {
      changes.push({
        version: info.version,
        createdAt: new Date(info.createdAt).toISOString(),
        message: info.message,
        author: info.author,
        ...labelled(change),
      });
    }
    previous = template;
  }
  if (!found) throw new HttpError(404, `template "${docId}" has no clause "${clauseId}"`);

  const draftChange = changeOf(previous ?? { ...draft, body: [], fields: {} }, draft, clauseId);
  if (draftChange.status) {
    const summary = await store.summary(docId);
    changes.push({
      version: 'draft',
      createdAt: new Date(summary?.updatedAt ?? Date.now()).toISOString(),
      message: null,
      author: null,
      ...labelled(draftChange),
    });
  }

  const latest = infos.at(-1) ?? null;
  const runs = spans ? (await store.authorship(docId)).filter((run) => covers(run, spans)) : [];
  return {
    clauseId,
    changes,
    since: { version: latest?.version ?? null, editors: editorsOf(runs, latest?.createdAt ?? null) },
  };
}

interface Found {
  /** The clause is in either template. */
  seen: boolean;
  status?: ClauseChange['status'];
  oldLabel?: string;
  newLabel?: string;
}

/** The clause's status between two templates; no `status` when unchanged or absent from both. */
function changeOf(before: Template, after: Template, clauseId: string): Found {
  const entry = diffTemplates(before, after).clauses.find((c) => c.id === clauseId || c.oldId === clauseId);
  if (!entry) return { seen: false };
  if (entry.status === 'unchanged') return { seen: true };
  return { seen: true, status: entry.status, oldLabel: entry.old?.label, newLabel: entry.new?.label };
}

/** The status and the labels that exist, without `undefined` keys. */
function labelled(found: Found): Pick<ClauseChange, 'status' | 'oldLabel' | 'newLabel'> {
  const out: Pick<ClauseChange, 'status' | 'oldLabel' | 'newLabel'> = { status: found.status ?? 'modified' };
  if (found.oldLabel !== undefined) out.oldLabel = found.oldLabel;
  if (found.newLabel !== undefined) out.newLabel = found.newLabel;
  return out;
}

/** The run names at least one of the items. */
function covers(run: AuthorshipRange, spans: readonly ItemSpan[]): boolean {
  return spans.some((s) => s.client === run.client && s.from < run.to && run.from < s.to);
}

/**
 * Authors of runs last written after `since` (all when null), newest first; the hub's own names only when no one
 * else is left.
 */
function editorsOf(runs: readonly AuthorshipRange[], since: number | null): ClauseEditor[] {
  const last = new Map<string, number>();
  for (const run of runs) {
    if (since !== null && run.lastAt <= since) continue;
    last.set(run.author, Math.max(last.get(run.author) ?? 0, run.lastAt));
  }
  const people = [...last.keys()].filter((a) => !MACHINE_AUTHORS.has(a));
  const names = people.length > 0 ? people : [...last.keys()];
  return names
    .map((author) => ({ author, at: last.get(author) ?? 0 }))
    .sort((a, b) => b.at - a.at || a.author.localeCompare(b.author))
    .map(({ author, at }) => ({ author, lastAt: new Date(at).toISOString() }));
}
