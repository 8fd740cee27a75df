import {
  checkTemplate,
  SCHEMA_VERSION,
  type Template,
  type TemplateIssue,
  type TemplateIssueCode,
  type TemplateMeta,
} from '@clausewright/model';
import { createLocator } from './createLocator.ts';
import { generateId } from './generateId.ts';
import type { OffsetProblem, ParseContext, Spot } from './ParseContext.ts';
import { parseFrontMatter } from './parseFrontMatter.ts';
import { parseMarkdown } from './parseMarkdown.ts';
import { readBody } from './readBody.ts';
import { type SourceProblem, TemplateSyntaxError } from './TemplateSyntaxError.ts';

export interface ParseTemplateOptions {
  /** Name shown in problems; `template.md` when absent. */
  file?: string;
  /** The template's folder name, which the front matter's `id` must equal. */
  expectedId?: string;
}

/**
 * Reads a Clause Markdown file (`templates/<id>/template.md`) into a {@link Template}. Collects every problem —
 * YAML, front-matter values, unsupported Markdown, bad attributes, unknown fields or filters, broken references,
 * duplicate ids — and throws them together as a {@link TemplateSyntaxError}.
 */
export function parseTemplate(source: string, options: ParseTemplateOptions = {}): Template {
  // Offsets into the normalized text give the same lines and columns as the original.
  const text = source.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  const problems: OffsetProblem[] = [];
  const front = parseFrontMatter(text, options.expectedId, problems);
  const ctx: ParseContext = {
    source: text,
    base: front.bodyStart,
    problems,
    spots: new WeakMap(),
    takenIds: new Set(),
    unnamed: [],
  };
  const body = readBody(parseMarkdown(text.slice(front.bodyStart)), ctx);
  for (const clause of ctx.unnamed) {
    clause.id = generateId(clause.content, ctx.takenIds);
    ctx.takenIds.add(clause.id);
  }

  // The body is checked even when the settings are wrong, except against fields whose definitions failed.
  const meta = front.meta ?? { ...PLACEHOLDER_META, numbering: front.numbering ?? PLACEHOLDER_META.numbering };
  const template: Template = { meta, fields: front.fields, body };
  for (const issue of checkTemplate(template)) {
    if (aboutBrokenField(issue, front.brokenFields)) continue;
    problems.push({ offset: issueOffset(issue, ctx.spots.get(issue.node), front.bodyStart), message: issue.message });
  }
  if (problems.length === 0) return template;
  throw new TemplateSyntaxError(locate(problems, text, options.file ?? 'template.md'));
}

const PLACEHOLDER_META: TemplateMeta = {
  schemaVersion: SCHEMA_VERSION,
  id: '',
  title: '',
  locale: 'zh-CN',
  numbering: 'zh-article',
};

// Issues about a field's use; when its definition failed, they would only repeat that problem.
const FIELD_ISSUES: ReadonlySet<TemplateIssueCode> = new Set([
  'unknown-field',
  'unknown-filter',
  'filter-type',
  'condition-field',
  'condition-value',
]);

function aboutBrokenField(issue: TemplateIssue, broken: Set<string> | undefined): boolean {
  if (!FIELD_ISSUES.has(issue.code)) return false;
  if (broken === undefined) return true;
  const node = issue.node;
  const key = 'key' in node ? node.key : 'condition' in node ? node.condition?.field : undefined;
  return key !== undefined && broken.has(key);
}

function issueOffset(issue: TemplateIssue, spot: Spot | undefined, fallback: number): number {
  if (!spot) return fallback;
  switch (issue.code) {
    case 'unknown-filter':
    case 'filter-type':
      return spot.filter ?? spot.at;
    case 'duplicate-id':
    case 'bad-id':
      return spot.id ?? spot.at;
    case 'condition-field':
    case 'condition-value':
      return spot.condition ?? spot.at;
    default:
      return spot.at;
  }
}

function locate(problems: OffsetProblem[], text: string, file: string): SourceProblem[] {
  const lineColumn = createLocator(text);
  return problems
    .map((p, order) => ({ ...p, order }))
    .sort((a, b) => a.offset - b.offset || a.order - b.order)
    .map((p) => ({ file, ...lineColumn(p.offset), message: p.message }));
}
