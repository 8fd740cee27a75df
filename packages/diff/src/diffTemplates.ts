import type { Template } from '@clausewright/model';
import { diffBlocks } from './diffBlocks.ts';
import { diffClauses } from './diffClauses.ts';
import { diffFields } from './diffFields.ts';
import { diffMeta } from './diffMeta.ts';
import type { DiffOptions, DiffSummary, TemplateDiff } from './TemplateDiff.ts';

/**
 * The clause-level difference between two versions of a template: clauses matched by stable id (or, with
 * `matchBy: 'position'`, generated ids paired by position and similarity), field definitions, settings and the
 * blocks outside clauses. Pure; the result is plain JSON.
 */
export function diffTemplates(oldT: Template, newT: Template, options: DiffOptions = {}): TemplateDiff {
  const meta = diffMeta(oldT.meta, newT.meta);
  const fields = diffFields(oldT.fields, newT.fields);
  const clauses = diffClauses(oldT, newT, options);
  const blocks = diffBlocks(oldT.body, newT.body, options.similarity);
  const summary: DiffSummary = {
    added: 0,
    removed: 0,
    moved: 0,
    modified: 0,
    renumbered: 0,
    unchanged: 0,
    fields: fields.length,
    meta: meta.length,
    blocks: 0,
  };
  for (const c of clauses) summary[c.status]++;
  for (const b of blocks) if (b.status !== 'unchanged') summary.blocks++;
  const identical =
    meta.length === 0 && fields.length === 0 && summary.blocks === 0 && summary.unchanged === clauses.length;
  return {
    identical,
    old: { numbering: oldT.meta.numbering, locale: oldT.meta.locale },
    new: { numbering: newT.meta.numbering, locale: newT.meta.locale },
    summary,
    meta,
    fields,
    clauses,
    blocks,
  };
}
