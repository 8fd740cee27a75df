import type { DocumentStore } from '../storage/DocumentStore.ts';

export type { StoredUser, TemplateRole } from '../storage/DocumentStore.ts';

/** The one document-store method access checks need: whether a template exists. */
export type SummaryStore = Pick<DocumentStore, 'summary'>;
