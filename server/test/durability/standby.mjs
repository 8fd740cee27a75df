// Loads the bundled server's modules, then waits: one line on stdin starts main.mjs (see startStandbyServer.ts).
const [preload, main] = process.argv.slice(2);
await import(preload);
process.stdout.write('standby\n');
process.stdin.once('data', () => {
  import(main);
});
process.stdin.resume();
// The parent going away closes stdin: a standby that was never started leaves with it.
process.stdin.once('end', () => process.exit(0));
