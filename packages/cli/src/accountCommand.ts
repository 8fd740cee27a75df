import type { Io } from './commands.ts';

/**
 * `cw user …` and `cw token …`: the server owns accounts and their store, so these load its account commands only
 * when called (render, check, fields and diff never touch the server). Returns the exit code.
 */
export async function accountCommand(argv: string[], io: Io): Promise<number> {
  const { runAccountCommand } = await import('../../../server/src/auth/runAccountCommand.ts');
  return runAccountCommand(argv, { stdout: (text) => io.stdout(text), stderr: (text) => io.stderr(text) });
}
