import { writeFileSync } from 'node:fs';
import { extname } from 'node:path';
import { eachBodyClause, resolveTemplate } from '@clausewright/model';
import { renderDocx, renderHtml, renderTxt } from '@clausewright/render';
import { loadTemplate } from './loadTemplate.ts';
import { readValues } from './readValues.ts';
import { UsageError } from './UsageError.ts';

export type Flags = Record<string, string | boolean | undefined>;

/** Where a command writes: injectable so tests can run commands in-process. */
export interface Io {
  stdout(data: string | Uint8Array): void;
  stderr(text: string): void;
  stdoutIsTTY: boolean;
}

const FORMATS = ['docx', 'txt', 'html'] as const;
type Format = (typeof FORMATS)[number];

function pickFormat(flags: Flags): Format {
  const given = typeof flags.format === 'string' ? flags.format : undefined;
  const fromOut = typeof flags.out === 'string' ? extname(flags.out).slice(1).toLowerCase() : undefined;
  const format = given ?? (fromOut === 'htm' ? 'html' : fromOut) ?? 'txt';
  if (!(FORMATS as readonly string[]).includes(format)) {
    throw new UsageError(`unknown format "${format}" (use ${FORMATS.join(', ')})`);
  }
  return format as Format;
}

/** `cw render <template> [--values v.json] [--format docx|txt|html] [--out file] [--strict]` */
export async function render(target: string, flags: Flags, io: Io): Promise<number> {
  const format = pickFormat(flags);
  const { template } = loadTemplate(target);
  const values = typeof flags.values === 'string' ? readValues(flags.values) : {};
  const strict = flags.strict === true;
  const doc = resolveTemplate(template, values, { mode: strict ? 'strict' : 'draft' });
  if (doc.problems.length > 0) {
    const head = strict ? 'cannot render in strict mode:' : 'warning: draft has gaps:';
    io.stderr(`${head}\n${doc.problems.map((p) => `  - ${p.message}`).join('\n')}\n`);
    if (strict) return 2;
  }
  const out = typeof flags.out === 'string' ? flags.out : undefined;
  let data: string | Uint8Array;
  if (format === 'docx') {
    if (!out && io.stdoutIsTTY) throw new UsageError('a .docx is binary: give --out <file>.docx or redirect stdout');
    data = await renderDocx(doc);
  } else {
    data = format === 'html' ? renderHtml(doc, { standalone: true }) : renderTxt(doc);
  }
  if (out) {
    writeFileSync(out, data);
    io.stderr(`wrote ${out}\n`);
  } else io.stdout(data);
  return 0;
}

/** `cw check <template> [--values v.json]`: every problem with file:line:col; values checked strictly. */
export function check(target: string, flags: Flags, io: Io): number {
  const { template, file } = loadTemplate(target);
  const clauses = [...eachBodyClause(template.body)].length;
  if (typeof flags.values === 'string') {
    const doc = resolveTemplate(template, readValues(flags.values), { mode: 'strict' });
    if (doc.problems.length > 0) {
      io.stderr(`${doc.problems.map((p) => `${flags.values}: ${p.message}`).join('\n')}\n`);
      return 2;
    }
  }
  io.stdout(`${file}: ok (${clauses} clauses, ${Object.keys(template.fields).length} fields)\n`);
  return 0;
}

/** `cw fields <template>`: the field definitions as JSON. */
export function fields(target: string, _flags: Flags, io: Io): number {
  const { template } = loadTemplate(target);
  io.stdout(`${JSON.stringify(template.fields, null, 2)}\n`);
  return 0;
}
