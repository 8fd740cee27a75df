import type { FieldDef, Inline, Mark, Template } from '@clausewright/model';
import { type ReactNode, useMemo } from 'react';
import { describeCondition } from '../conditions/describeCondition.ts';
import { uiText } from '../fields/uiText.ts';
import { useUi } from '../state/uiStore.ts';
import { versionBlocks } from './versionBlocks.ts';

/**
 * A version's document on the editor's paper (same `cw-doc` markup and label gutter), not editable: clauses with the
 * labels that version had, fields as chips by label, conditions as tags.
 */
export function VersionDocument({ template }: { template: Template }) {
  const lang = useUi((s) => s.lang);
  const { blocks, refLabels } = useMemo(() => versionBlocks(template), [template]);
  const filters = uiText(lang).filters;
  const inlines = (content: readonly Inline[]) => renderInlines(content, template.fields, refLabels, filters);
  return (
    <div className="cw-paper" data-numbering={template.meta.numbering}>
      <div className="cw-doc cw-version-doc" data-testid="version-doc">
        {blocks.map((block) => {
          switch (block.kind) {
            case 'heading': {
              const H = `h${Math.min(6, Math.max(1, block.level))}` as 'h1';
              return <H key={block.key}>{inlines(block.content)}</H>;
            }
            case 'paragraph':
              return <p key={block.key}>{inlines(block.content)}</p>;
            case 'table':
              return (
                <table key={block.key}>
                  <tbody>
                    {block.rows.map((row, r) => (
                      // biome-ignore lint/suspicious/noArrayIndexKey: a version never changes, so positions are stable keys
                      <tr key={r}>
                        {row.map((cell, c) => (
                          // biome-ignore lint/suspicious/noArrayIndexKey: as above
                          <td key={c}>{inlines(cell)}</td>
                        ))}
                      </tr>
                    ))}
                  </tbody>
                </table>
              );
            case 'clause': {
              const condition = block.condition;
              return (
                <p
                  key={block.key}
                  data-type="clause"
                  data-id={block.id}
                  data-level={block.level}
                  data-label={block.label}
                  className={condition ? 'cw-conditional' : undefined}
                >
                  {condition && (
                    <span className="cw-version-condition" data-testid="version-condition">
                      {describeCondition(condition, template.fields[condition.field]?.label)}
                    </span>
                  )}
                  {inlines(block.content)}
                </p>
              );
            }
            case 'clause-paragraph':
              return (
                <p key={block.key} data-type="clause-paragraph" data-level={block.level}>
                  {inlines(block.content)}
                </p>
              );
          }
          return null;
        })}
      </div>
    </div>
  );
}

function renderInlines(
  content: readonly Inline[],
  fields: Record<string, FieldDef>,
  refLabels: ReadonlyMap<string, string>,
  filters: Readonly<Record<string, string>>,
): ReactNode[] {
  return content.map((inline, i) => {
    let node: ReactNode;
    let marks: readonly Mark[] = [];
    switch (inline.type) {
      case 'text':
        node = inline.text;
        marks = inline.marks ?? [];
        break;
      case 'break':
        // biome-ignore lint/suspicious/noArrayIndexKey: inline runs have no identity beyond their order
        return <br key={i} />;
      case 'field': {
        const def = fields[inline.key];
        node = (
          <span
            data-type="field"
            data-key={inline.key}
            className={def ? 'cw-version-field' : 'cw-version-field cw-version-field-unknown'}
            title={inline.filter ? `{{${inline.key}|${inline.filter}}}` : `{{${inline.key}}}`}
          >
            {def?.label ?? inline.key}
            {inline.filter && <span className="cw-version-filter"> · {filters[inline.filter] ?? inline.filter}</span>}
          </span>
        );
        marks = inline.marks ?? [];
        break;
      }
      case 'ref':
        node = (
          <span data-type="clauseRef" data-target={inline.target} className="cw-version-ref">
            {refLabels.get(inline.target) ?? `#${inline.target}`}
          </span>
        );
        marks = inline.marks ?? [];
        break;
    }
    for (const mark of marks) {
      node = mark === 'bold' ? <strong>{node}</strong> : mark === 'italic' ? <em>{node}</em> : <s>{node}</s>;
    }
    // biome-ignore lint/suspicious/noArrayIndexKey: as above
    return <span key={i}>{node}</span>;
  });
}
