export { check, type Flags, fields, type Io, render } from './commands.ts';
export { diffCommand } from './diffCommand.ts';
export { type FormatDiffOptions, formatDiff } from './formatDiff.ts';
export { type LoadedTemplate, loadTemplate } from './loadTemplate.ts';
export { readValues } from './readValues.ts';
export { runCli, USAGE } from './runCli.ts';
export { UsageError } from './UsageError.ts';
export { writtenIds } from './writtenIds.ts';
