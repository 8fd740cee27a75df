import { createStore, useStore } from 'zustand';
import type { ConnectionProblem } from './connectionProblem.ts';

interface ProblemState {
  /** The open document's connection problem; null while all is well. */
  problem: ConnectionProblem | null;
  setProblem(problem: ConnectionProblem | null): void;
}

/** The open document's connection problem, beside the connection state (which lives in the UI store). */
export const problemStore = createStore<ProblemState>()((set) => ({
  problem: null,
  setProblem: (problem) => set({ problem }),
}));

export function useConnectionProblem(): ConnectionProblem | null {
  return useStore(problemStore, (s) => s.problem);
}
