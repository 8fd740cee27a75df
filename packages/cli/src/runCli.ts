import { parseArgs } from 'node:util';
import { accountCommand } from './accountCommand.ts';
import { check, type Flags, fields, type Io, render } from './commands.ts';
import { diffCommand } from './diffCommand.ts';
import { UsageError } from './UsageError.ts';

export const USAGE = `usage:
  cw render <template dir or .md> [--values v.json] [--format docx|txt|html] [--out file] [--strict]
  cw check <template> [--values v.json]
  cw fields <template>
  cw diff <old template dir or .md> <new template dir or .md> [--json]
  cw user add <username> --role admin|user [--password <pw>] [--name <display name>]
  cw user list | cw user password <username> [--password <pw>]
  cw token create <username> [--name <label>] | cw token list [<username>] | cw token revoke <id>
    (accounts and API tokens in the store of CLAUSEWRIGHT_DATA_DIR; a generated password or a token prints once)

exit codes: 0 ok, 2 bad input (template, values, arguments), 1 internal error
  cw diff: 0 identical, 1 different, 2 bad input or internal error`;

const COMMANDS = { render, check, fields } as const;

/** Runs one CLI invocation and returns its exit code; never throws. */
export async function runCli(argv: string[], io: Io): Promise<number> {
  // For `diff`, 1 means "different", so an internal error must not exit with 1 (GNU diff uses 2 for trouble too).
  const internalError = argv[0] === 'diff' ? 2 : 1;
  // Accounts have their own options (--role, --password, --name).
  if (argv[0] === 'user' || argv[0] === 'token') return accountCommand(argv, io);
  try {
    const { positionals, values } = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        values: { type: 'string' },
        format: { type: 'string' },
        out: { type: 'string', short: 'o' },
        strict: { type: 'boolean' },
        json: { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
    });
    const [name, target, ...extra] = positionals;
    if (values.help || !name) {
      io.stdout(`${USAGE}\n`);
      return values.help ? 0 : 2;
    }
    if (name === 'diff') {
      const [, oldPath, newPath, ...rest] = positionals;
      if (!oldPath || !newPath) throw new UsageError(`cw diff needs two templates: <old> <new>\n${USAGE}`);
      if (rest.length > 0) throw new UsageError(`unexpected argument "${rest[0]}"`);
      return diffCommand(oldPath, newPath, values as Flags, io);
    }
    const command = COMMANDS[name as keyof typeof COMMANDS];
    if (!command) throw new UsageError(`unknown command "${name}"\n${USAGE}`);
    if (!target) throw new UsageError(`cw ${name} needs a template folder or .md file\n${USAGE}`);
    if (extra.length > 0) throw new UsageError(`unexpected argument "${extra[0]}"`);
    return await command(target, values as Flags, io);
  } catch (e) {
    if (e instanceof UsageError) {
      io.stderr(`error: ${e.message}\n`);
      return 2;
    }
    // parseArgs reports unknown or malformed options with these codes: still the user's input.
    const code = (e as { code?: string }).code;
    if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION' || code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') {
      io.stderr(`error: ${(e as Error).message}\n${USAGE}\n`);
      return 2;
    }
    io.stderr(`internal error: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
    return internalError;
  }
}
