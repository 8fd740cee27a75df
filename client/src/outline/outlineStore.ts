import { createStore, useStore } from 'zustand';
import { type OutlineEntry, reuseEntries } from './deriveOutline.ts';

interface OutlineState {
  entries: readonly OutlineEntry[];
}

/** The open document's clause outline; only publishes when an entry really changed. */
export const outlineStore = createStore<OutlineState>()(() => ({ entries: [] }));

/** Replaces the outline, keeping unchanged entries (and the whole list when nothing changed) identical. */
export function publishOutline(entries: OutlineEntry[]): void {
  const previous = outlineStore.getState().entries;
  const next = reuseEntries(previous, entries);
  if (next !== previous) outlineStore.setState({ entries: next });
}

/** Empties the outline when a document closes. */
export function clearOutline(): void {
  outlineStore.setState({ entries: [] });
}

/** The outline entries, re-rendering only when the outline changed. */
export function useOutline(): readonly OutlineEntry[] {
  return useStore(outlineStore, (s) => s.entries);
}
