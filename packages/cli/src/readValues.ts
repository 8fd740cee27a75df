import { readFileSync } from 'node:fs';
import { parseDocument } from 'yaml';
import { UsageError } from './UsageError.ts';

/** Reads a values JSON file; a syntax error is reported as file:line:col. */
export function readValues(file: string): unknown {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    throw new UsageError(`${file}: cannot read the values file`);
  }
  try {
    return JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (e) {
    const message = (e instanceof Error ? e.message : String(e)).replace(
      / in JSON at position \d+.*$|, (\.\.\.)?".*" is not valid JSON$/s,
      '',
    );
    const [line, col] = locate(text, e);
    throw new UsageError(`${file}:${line}:${col}: invalid JSON: ${message}`);
  }
}

// V8 gives a position for some JSON errors only; the yaml parser (JSON schema) locates the rest.
function locate(text: string, error: unknown): [number, number] {
  const at = /position (\d+)/.exec(error instanceof Error ? error.message : '');
  if (at) {
    const before = text.slice(0, Number(at[1])).split('\n');
    return [before.length, (before[before.length - 1]?.length ?? 0) + 1];
  }
  const pos = parseDocument(text, { schema: 'json' }).errors[0]?.linePos?.[0];
  if (pos) return [pos.line, pos.col];
  const lines = text.split('\n');
  return [lines.length, (lines[lines.length - 1]?.length ?? 0) + 1];
}
