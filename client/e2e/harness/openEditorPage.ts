import type { Browser } from 'playwright-core';
import { type AppPageSession, type OpenAppPageOptions, openAppPage } from './openAppPage.ts';

/** One user's browser context with the editor page open. */
export type EditorSession = AppPageSession;
export type OpenEditorOptions = OpenAppPageOptions;

/** Any clause in the editor: the page has the document (labels are checked by the tests, not assumed here). */
export const EDITOR_CLAUSE = '[data-testid=editor] .ProseMirror p[data-type=clause]';

/**
 * Opens `/t/<templateId>` in a new browser context (fresh storage, so IndexedDB starts empty) as `name`,
 * and waits until the editor shows the document's clauses.
 */
export function openEditorPage(
  browser: Browser,
  baseUrl: string,
  templateId: string,
  options: OpenEditorOptions,
): Promise<EditorSession> {
  const page = { path: '', ready: EDITOR_CLAUSE, what: 'clause', viewport: { width: 1280, height: 900 } };
  return openAppPage(browser, baseUrl, templateId, page, options);
}
