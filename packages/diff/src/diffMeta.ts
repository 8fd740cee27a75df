import type { TemplateMeta } from '@clausewright/model';
import type { MetaChange } from './TemplateDiff.ts';

const PROPERTIES: MetaChange['property'][] = ['title', 'numbering', 'locale', 'id', 'schemaVersion'];

/** The template settings that differ. */
export function diffMeta(a: TemplateMeta, b: TemplateMeta): MetaChange[] {
  const out: MetaChange[] = [];
  for (const property of PROPERTIES) {
    if (a[property] !== b[property]) out.push({ property, old: a[property], new: b[property] });
  }
  return out;
}
