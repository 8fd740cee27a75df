import type { Extensions } from '@tiptap/core';
import { ClauseConditions } from '../conditions/ClauseConditions.ts';
import { ClauseRefChip } from '../refs/ClauseRefChip.ts';
import { ClauseRefSuggestion } from '../refs/ClauseRefSuggestion.ts';
import { FieldChip } from './FieldChip.ts';
import { FieldSuggestion } from './FieldSuggestion.ts';

/**
 * The template's extension list with the browser features added: the `field` and `clauseRef` nodes swapped in place
 * for their chip node views (same schema, so no content is lost), the `{{` and `[[` typeaheads and clause conditions.
 * They find the `fields` map through the Yjs sync plugin, so no further wiring is needed.
 */
export function withEditingFeatures(base: Extensions): Extensions {
  return [
    ...base.map((e) => (e.name === 'field' ? FieldChip : e.name === 'clauseRef' ? ClauseRefChip : e)),
    FieldSuggestion,
    ClauseRefSuggestion,
    ClauseConditions,
  ];
}
