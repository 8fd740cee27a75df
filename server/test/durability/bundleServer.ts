import { execFile } from 'node:child_process';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

const run = promisify(execFile);
const BUILD = fileURLToPath(new URL('./buildBundle.mjs', import.meta.url));
const SERVER_DIR = fileURLToPath(new URL('../..', import.meta.url));
const MAIN = path.join(SERVER_DIR, 'src/main.ts');
// Inside server/node_modules so the bundle's external packages (native libsql, pino's workers…) resolve as usual.
const OUT_DIR = path.join(SERVER_DIR, 'node_modules/.cache/clausewright-durability');
// Native or worker-spawning packages stay real imports; everything else (our TypeScript included) is bundled.
const EXTERNAL = ['libsql', 'pg', 'pg-native', 'ioredis', 'pino'];

/** The two entry points a {@link startStandbyServer} child loads. */
export interface ServerBundle {
  /** Imports every module main.ts imports without running main.ts: the slow part of a start, done ahead. */
  preload: string;
  /** `server/src/main.ts` itself, bundled; its shared code is in chunks `preload` already evaluated. */
  main: string;
}

/**
 * Bundles `server/src/main.ts` (unchanged) into ES modules with the code shared with a preload entry split into
 * chunks, so a child can load and compile the server before the previous one is killed and start it in ~100 ms
 * instead of ~2 s under tsx: that is what makes hundreds of kill -9 trials fit in a test run.
 */
export async function bundleServer(): Promise<ServerBundle> {
  await mkdir(OUT_DIR, { recursive: true });
  const imports = [...(await readFile(MAIN, 'utf8')).matchAll(/^import\s[^;]*?from\s+'(\.[^']+)';/gms)].map((m) =>
    path.join(SERVER_DIR, 'src', m[1] as string),
  );
  if (imports.length === 0) throw new Error('found no imports in server/src/main.ts to preload');
  const preloadSource = path.join(OUT_DIR, 'preload.ts');
  await writeFile(preloadSource, imports.map((file) => `import ${JSON.stringify(file)};\n`).join(''));
  const options = {
    entryPoints: { main: MAIN, preload: preloadSource },
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    minify: true,
    outdir: OUT_DIR,
    outExtension: { '.js': '.mjs' },
    external: EXTERNAL,
    logLevel: 'warning',
    // Bundled CommonJS dependencies call require(); an ES module has none of its own.
    banner: { js: "import{createRequire as __cwRequire}from'node:module';const require=__cwRequire(import.meta.url);" },
  };
  await run(process.execPath, [BUILD, JSON.stringify(options)]);
  return { preload: path.join(OUT_DIR, 'preload.mjs'), main: path.join(OUT_DIR, 'main.mjs') };
}
