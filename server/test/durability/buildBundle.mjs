// Run by bundleServer.ts as its own process: `node buildBundle.mjs <options JSON>`. esbuild's service process keeps
// whoever loaded it alive, so the test or bench that asks for the bundle never loads esbuild itself.
import { createRequire } from 'node:module';

// esbuild comes with tsx (which every test already runs under); no package of its own to keep in step.
const esbuild = createRequire(createRequire(import.meta.url).resolve('tsx'))('esbuild');
await esbuild.build(JSON.parse(process.argv[2]));
