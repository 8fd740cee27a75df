// Loads the bundled server's modules, then waits for lines on stdin (see startStandbyServer.ts): `start` runs
// main.mjs; `usage` prints this process's CPU time and memory (benchmarks sample the server's own cost this way).
import { createInterface } from 'node:readline';

const [preload, main] = process.argv.slice(2);
await import(preload);
process.stdout.write('standby\n');
let started = false;
const lines = createInterface({ input: process.stdin });
lines.on('line', (line) => {
  if (line === 'start') {
    started = true;
    import(main);
  } else if (line === 'usage') {
    const cpu = process.cpuUsage();
    const usage = {
      cpuMicros: cpu.user + cpu.system,
      rss: process.memoryUsage.rss(),
      maxRss: process.resourceUsage().maxRSS * 1024,
    };
    process.stdout.write(`usage ${JSON.stringify(usage)}\n`);
  }
});
// The parent going away closes stdin: a standby that was never started leaves with it (a started server is killed).
lines.once('close', () => {
  if (!started) process.exit(0);
});
