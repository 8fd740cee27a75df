import {
  closest,
  type FieldDef,
  LOCALES,
  type Locale,
  migrateTemplate,
  NUMBERING_SCHEMES,
  type NumberingScheme,
  parseFieldDefs,
  SCHEMA_VERSION,
  SchemaVersionError,
  type TemplateMeta,
} from '@clausewright/model';
import { type Document, isMap, isScalar, isSeq, type Node, parseDocument } from 'yaml';
import type { OffsetProblem } from './ParseContext.ts';

/** What the front matter says, and where the Markdown body starts. */
export interface FrontMatter {
  /** Undefined when the front matter has problems. */
  meta: TemplateMeta | undefined;
  /** The valid field definitions. */
  fields: Record<string, FieldDef>;
  /**
   * Keys whose definitions have problems, so checking the body against them would only repeat the error;
   * undefined when the fields could not be read at all.
   */
  brokenFields: Set<string> | undefined;
  /** The numbering scheme when it is valid, for checking clause depth even if other settings are wrong. */
  numbering: NumberingScheme | undefined;
  bodyStart: number;
}

const KEYS = ['schemaVersion', 'id', 'title', 'locale', 'numbering', 'fields'];
const TEMPLATE_ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const OPENING = /^---[ \t]*(?:\n|$)/;
const CLOSING = /^---[ \t]*$/gm;

/**
 * Splits off and checks the YAML front matter between the first two `---` lines. Problems (YAML syntax, unknown
 * keys, bad values, field definitions) are pushed with offsets into `source`, pointing at the YAML node at fault.
 */
export function parseFrontMatter(
  source: string,
  expectedId: string | undefined,
  problems: OffsetProblem[],
): FrontMatter {
  const failed = (bodyStart: number): FrontMatter => ({
    meta: undefined,
    fields: {},
    brokenFields: undefined,
    numbering: undefined,
    bodyStart,
  });
  const opening = OPENING.exec(source);
  if (!opening) {
    problems.push({
      offset: 0,
      message: 'missing front matter: a template starts with a "---" line, its YAML settings, and another "---" line',
    });
    return failed(0);
  }
  const yamlStart = opening[0].length;
  CLOSING.lastIndex = yamlStart;
  const closing = CLOSING.exec(source);
  if (!closing) {
    problems.push({ offset: 0, message: 'front matter is not closed: end it with a "---" line' });
    return failed(source.length);
  }
  const bodyStart = Math.min(source.length, closing.index + closing[0].length + 1);
  const yamlText = source.slice(yamlStart, closing.index);
  const before = problems.length;
  const problem = (offset: number, message: string) => problems.push({ offset, message });

  // logLevel 'error': what yaml would only warn about (odd keys) is reported by the checks below instead.
  const doc = parseDocument(yamlText, { prettyErrors: false, logLevel: 'error' });
  for (const error of doc.errors) problem(yamlStart + error.pos[0], `YAML: ${firstLine(error.message)}`);
  if (doc.errors.length > 0) return failed(bodyStart);
  if (doc.contents !== null && !isMap(doc.contents)) {
    problem(yamlStart + (doc.contents.range?.[0] ?? 0), 'front matter must be YAML keys and values');
    return failed(bodyStart);
  }
  const at = (path: (string | number | null)[]) => yamlStart + locate(doc, path);

  let data: Record<string, unknown>;
  try {
    data = (doc.toJS() ?? {}) as Record<string, unknown>;
  } catch (e) {
    // Unresolved or runaway aliases surface only when values are built.
    problem(yamlStart, `YAML: ${e instanceof Error ? e.message : String(e)}`);
    return failed(bodyStart);
  }
  if (isMap(doc.contents)) {
    for (const pair of doc.contents.items) {
      const key = isScalar(pair.key) ? String(pair.key.value) : '';
      if (!KEYS.includes(key)) {
        const guess = closest(key, KEYS);
        problem(
          yamlStart + ((pair.key as Node | null)?.range?.[0] ?? 0),
          `unknown front-matter key "${key}"${guess ? ` (did you mean "${guess}"?)` : ''}`,
        );
      }
    }
  }

  const version = data.schemaVersion;
  if (version === undefined) {
    problem(0, `missing "schemaVersion" (this Clausewright writes ${SCHEMA_VERSION})`);
  } else if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) {
    problem(at(['schemaVersion']), `schemaVersion must be a whole number from 1 to ${SCHEMA_VERSION}`);
  } else if (version > SCHEMA_VERSION) {
    problem(
      at(['schemaVersion']),
      `schemaVersion ${version} is newer than this Clausewright understands (${SCHEMA_VERSION})`,
    );
  } else if (version < SCHEMA_VERSION) {
    try {
      data = migrateTemplate(data);
    } catch (e) {
      if (!(e instanceof SchemaVersionError)) throw e;
      problem(at(['schemaVersion']), e.message);
    }
  }

  const id = data.id;
  if (id === undefined) problem(0, 'missing "id" (the template folder\'s name, e.g. sales-contract)');
  else if (typeof id !== 'string' || !TEMPLATE_ID.test(id)) {
    problem(at(['id']), 'id must be kebab-case: lowercase letters and digits joined by "-", e.g. sales-contract');
  } else if (expectedId !== undefined && id !== expectedId) {
    problem(at(['id']), `id "${id}" must equal the template's folder name "${expectedId}"`);
  }

  const title = data.title;
  if (title === undefined) problem(0, 'missing "title"');
  else if (typeof title !== 'string' || title.trim() === '') problem(at(['title']), 'title must be non-empty text');

  const locale = data.locale;
  if (locale === undefined) problem(0, `missing "locale" (${LOCALES.join(' or ')})`);
  else if (!(LOCALES as readonly unknown[]).includes(locale)) {
    problem(at(['locale']), oneOf('locale', locale, LOCALES));
  }

  const numbering = data.numbering;
  if (numbering === undefined) problem(0, `missing "numbering" (${NUMBERING_SCHEMES.join(', ')})`);
  else if (!(NUMBERING_SCHEMES as readonly unknown[]).includes(numbering)) {
    problem(at(['numbering']), oneOf('numbering', numbering, NUMBERING_SCHEMES));
  }

  const { fields, issues } = parseFieldDefs(data.fields);
  for (const issue of issues) {
    // A bad key is reported at the key itself; anything else at the value at fault, or its nearest parent.
    const path = issue.path.length === 1 ? ['fields', ...issue.path, null] : ['fields', ...issue.path];
    problem(at(path), issue.message);
  }
  const fieldsReadable = issues.every((issue) => issue.path.length > 0);

  const valid = problems.length === before;
  return {
    meta: valid
      ? {
          schemaVersion: data.schemaVersion as number,
          id: id as string,
          title: title as string,
          locale: locale as Locale,
          numbering: numbering as NumberingScheme,
        }
      : undefined,
    fields,
    brokenFields: fieldsReadable ? new Set(issues.map((issue) => String(issue.path[0]))) : undefined,
    numbering: (NUMBERING_SCHEMES as readonly unknown[]).includes(numbering)
      ? (numbering as NumberingScheme)
      : undefined,
    bodyStart,
  };
}

function oneOf(name: string, value: unknown, allowed: readonly string[]): string {
  const guess = typeof value === 'string' ? closest(value, allowed) : undefined;
  const hint = guess ? ` (did you mean "${guess}"?)` : '';
  return `unknown ${name} ${JSON.stringify(value)}${hint}; use one of ${allowed.join(', ')}`;
}

function firstLine(message: string): string {
  return message.split('\n')[0]?.replace(/ at line \d+, column \d+:?$/, '') ?? message;
}

/**
 * Offset (within the YAML text) of the node at `path`: the value at the end of the path, or the key of the deepest
 * pair that exists. A trailing `null` asks for the last key rather than its value.
 */
function locate(doc: Document, path: (string | number | null)[]): number {
  let node: unknown = doc.contents;
  let best = (node as Node | null)?.range?.[0] ?? 0;
  for (let i = 0; i < path.length; i++) {
    const segment = path[i];
    if (segment === null || segment === undefined) return best;
    if (isMap(node)) {
      const pair = node.items.find((p) => isScalar(p.key) && String(p.key.value) === String(segment));
      if (!pair) return best;
      best = (pair.key as Node | null)?.range?.[0] ?? best;
      node = pair.value;
    } else if (isSeq(node) && typeof segment === 'number' && node.items[segment]) {
      node = node.items[segment];
    } else {
      return best;
    }
    if (i === path.length - 1) return (node as Node | null)?.range?.[0] ?? best;
  }
  return best;
}
