import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Bench, type BenchSuite, type Results } from './harness.ts';

// Runs every bench/*.bench.ts (or those named on the command line) and merges figures into bench/results.json.
const here = dirname(fileURLToPath(import.meta.url));
const only = process.argv.slice(2);
const files = readdirSync(here)
  .filter((f) => f.endsWith('.bench.ts'))
  .filter((f) => only.length === 0 || only.some((o) => f.includes(o)))
  .sort();

const bench = new Bench();
for (const file of files) {
  console.log(`\n# ${file}`);
  const suite = (await import(pathToFileURL(join(here, file)).href)).default as BenchSuite;
  await suite(bench);
}

const out = join(here, 'results.json');
let previous: Results = {};
try {
  previous = JSON.parse(readFileSync(out, 'utf8')) as Results;
} catch {
  // First run: nothing to merge.
}
const merged: Results = { ...previous };
for (const [name, metric] of Object.entries(bench.results)) {
  const { target: _target, ...stored } = metric;
  merged[name] = stored;
}
writeFileSync(out, `${JSON.stringify(merged, null, 2)}\n`);
console.log(`\nwrote ${Object.keys(bench.results).length} metrics to bench/results.json`);
