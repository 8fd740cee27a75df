import type { TemplateDiff } from '@clausewright/diff';
import type { Template } from '@clausewright/model';
import { postJson, request, templatePath } from '../api.ts';
import type { DiffSide } from '../routing/parseRoute.ts';

/** A published version as `GET /api/templates/:id/versions` lists it. */
export interface VersionInfo {
  version: number;
  message: string;
  author: string | null;
  /** ISO 8601. */
  createdAt: string;
  /** sha256 of the version's Clause Markdown. */
  hash: string;
}

/** One change of a clause (see the server's `clauseHistory`): between version n-1 and n, or the latest and the draft. */
export interface ClauseChange {
  version: number | 'draft';
  createdAt: string;
  message: string | null;
  author: string | null;
  status: 'added' | 'removed' | 'moved' | 'modified' | 'renumbered';
  oldLabel?: string;
  newLabel?: string;
}

/** `GET /api/templates/:id/clauses/:clauseId/history`. */
export interface ClauseHistory {
  clauseId: string;
  /** Oldest first. */
  changes: ClauseChange[];
  /** Who edited the clause since the latest version (every edit when there is none), newest first. */
  since: { version: number | null; editors: { author: string; lastAt: string }[] };
}

const init = (signal?: AbortSignal): RequestInit => (signal ? { signal } : {});

/** Published versions, newest first. */
export async function fetchVersions(id: string, signal?: AbortSignal): Promise<VersionInfo[]> {
  return (await request(`${templatePath(id)}/versions`, init(signal))).json();
}

/** Publishes the current draft as the next version. */
export async function publishVersion(id: string, message: string): Promise<VersionInfo> {
  // The server signs the version with the logged-in account's display name.
  return (await postJson(`${templatePath(id)}/versions`, { message })).json();
}

/** A published version as the model's Template. */
export async function fetchVersionModel(id: string, version: number, signal?: AbortSignal): Promise<Template> {
  return (await request(`${templatePath(id)}/versions/${version}/model`, init(signal))).json();
}

/** The clause-level diff between two versions, or a version and the draft. */
export async function fetchDiff(id: string, from: DiffSide, to: DiffSide, signal?: AbortSignal): Promise<TemplateDiff> {
  const query = new URLSearchParams({ from: String(from), to: String(to) });
  return (await request(`${templatePath(id)}/diff?${query}`, init(signal))).json();
}

/** Makes the draft equal to a version again, as a new change every open editor receives. */
export async function restoreVersion(id: string, version: number): Promise<void> {
  await postJson(`${templatePath(id)}/versions/${version}/restore`, {});
}

/** Puts one clause (with its children) back into the draft as it was in `version`. */
export async function restoreClause(id: string, clauseId: string, version: number): Promise<void> {
  await postJson(`${templatePath(id)}/clauses/${encodeURIComponent(clauseId)}/restore`, { version });
}

/** The versions in which a clause changed, and who edited it since the latest one. */
export async function fetchClauseHistory(id: string, clauseId: string, signal?: AbortSignal): Promise<ClauseHistory> {
  return (await request(`${templatePath(id)}/clauses/${encodeURIComponent(clauseId)}/history`, init(signal))).json();
}
