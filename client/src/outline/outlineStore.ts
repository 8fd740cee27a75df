import { createStore, useStore } from 'zustand';
import { type OutlineEntry, reuseEntries } from './deriveOutline.ts';

interface OutlineState {
  entries: readonly OutlineEntry[];
  /** The clause holding the caret, or null. */
  currentId: string | null;
}

/** The open document's clause outline; only publishes when an entry really changed. */
export const outlineStore = createStore<OutlineState>()(() => ({ entries: [], currentId: null }));

/** Replaces the outline, keeping unchanged entries (and the whole list when nothing changed) identical. */
export function publishOutline(entries: OutlineEntry[]): void {
  const previous = outlineStore.getState().entries;
  const next = reuseEntries(previous, entries);
  if (next !== previous) outlineStore.setState({ entries: next });
}

/** Marks the clause holding the caret; a no-op while the caret stays in the same clause. */
export function setCurrentClause(id: string | null): void {
  if (outlineStore.getState().currentId !== id) outlineStore.setState({ currentId: id });
}

/** Empties the outline when a document closes. */
export function clearOutline(): void {
  outlineStore.setState({ entries: [], currentId: null });
}

/** The outline entries, re-rendering only when the outline changed. */
export function useOutline(): readonly OutlineEntry[] {
  return useStore(outlineStore, (s) => s.entries);
}

/** Whether the clause `id` holds the caret; re-renders only when that answer flips. */
export function useIsCurrentClause(id: string): boolean {
  return useStore(outlineStore, (s) => s.currentId === id);
}
