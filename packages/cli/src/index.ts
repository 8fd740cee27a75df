export { check, type Flags, fields, type Io, render } from './commands.ts';
export { type LoadedTemplate, loadTemplate } from './loadTemplate.ts';
export { readValues } from './readValues.ts';
export { runCli, USAGE } from './runCli.ts';
export { UsageError } from './UsageError.ts';
