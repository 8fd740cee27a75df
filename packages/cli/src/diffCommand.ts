import { diffTemplates } from '@clausewright/diff';
import { eachBodyClause } from '@clausewright/model';
import type { Flags, Io } from './commands.ts';
import { formatDiff } from './formatDiff.ts';
import { type LoadedTemplate, loadTemplate } from './loadTemplate.ts';
import { UsageError } from './UsageError.ts';
import { writtenIds } from './writtenIds.ts';

/**
 * `cw diff <old> <new> [--json]`: the clause-level diff of two template files or folders. Exit 0 when identical,
 * 1 when they differ (like `diff`); bad input throws a UsageError (exit 2). Clauses written without an id are
 * paired by position and text similarity, written ids by id only.
 */
export function diffCommand(oldPath: string, newPath: string, flags: Flags, io: Io): number {
  const problems: string[] = [];
  const load = (path: string): LoadedTemplate | undefined => {
    try {
      return loadTemplate(path);
    } catch (e) {
      if (!(e instanceof UsageError)) throw e;
      problems.push(e.message);
      return undefined;
    }
  };
  // Both files are read first so the problems of both are reported together.
  const before = load(oldPath);
  const after = load(newPath);
  if (!before || !after) throw new UsageError(problems.join('\n'));

  const written = { old: writtenIds(before.template, before.source), new: writtenIds(after.template, after.source) };
  const handWritten = written.old.size < countClauses(before) || written.new.size < countClauses(after);
  const diff = diffTemplates(
    before.template,
    after.template,
    handWritten ? { matchBy: 'position', isGeneratedId: (id, side) => !written[side].has(id) } : {},
  );
  if (flags.json === true) io.stdout(`${JSON.stringify(diff, null, 2)}\n`);
  else {
    const hiddenIds = new Set<string>();
    for (const c of diff.clauses) {
      if (c.old && !written.old.has(c.oldId ?? c.id)) hiddenIds.add(c.oldId ?? c.id);
      if (c.new && !written.new.has(c.id)) hiddenIds.add(c.id);
    }
    io.stdout(formatDiff(diff, { color: io.stdoutIsTTY, oldName: before.file, newName: after.file, hiddenIds }));
  }
  return diff.identical ? 0 : 1;
}

function countClauses(loaded: LoadedTemplate): number {
  let n = 0;
  for (const _ of eachBodyClause(loaded.template.body)) n++;
  return n;
}
