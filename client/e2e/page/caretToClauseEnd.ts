import type { Page } from 'playwright-core';
import type { ClausewrightWindow } from './ClausewrightWindow.ts';
import { clauseSelector } from './clauseSelector.ts';

/**
 * Clicks the clause (as a user would, which focuses the editor) and then puts the caret exactly at the end of its
 * text: a click lands wherever the line wraps, and the tests need a known spot.
 */
export async function caretToClauseEnd(page: Page, id: string): Promise<void> {
  await page.locator(clauseSelector(id)).click();
  await page.evaluate((clauseId) => {
    const cw = (window as ClausewrightWindow).__clausewright;
    if (!cw) throw new Error('window.__clausewright is not set on the editor page');
    const { editor } = cw;
    let end = -1;
    editor.state.doc.descendants((node, pos) => {
      if (end >= 0) return false;
      if (node.type.name === 'clause' && node.attrs.id === clauseId) {
        end = pos + node.nodeSize - 1;
        return false;
      }
      return true;
    });
    if (end < 0) throw new Error(`no clause with id ${clauseId} in the editor's document`);
    editor.commands.setTextSelection(end);
    editor.view.focus();
  }, id);
}
