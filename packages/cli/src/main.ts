import { runCli } from './runCli.ts';

// The `cw` entry point: `pnpm cw …` from the repo root.
const code = await runCli(process.argv.slice(2), {
  stdout: (data) => process.stdout.write(data),
  stderr: (text) => process.stderr.write(text),
  stdoutIsTTY: process.stdout.isTTY === true,
});
process.exitCode = code;
