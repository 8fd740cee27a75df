import { readFile } from 'node:fs/promises';
import { Agent, request } from 'node:http';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { REPO_TEMPLATES, startApp } from '../server/test/startApp.ts';
import type { Bench } from './harness.ts';

// render.api.seed: the seed contract issued as .docx over HTTP — POST /api/templates/<seed>/render with its sample
// values, strict, the latest published version (published once first, as a real library would have it) — on the
// whole server (SQLite store, documents log written) listening on a free port, one keep-alive connection. Timed
// from the request to the last byte of the file. The same issue from the live draft is printed for comparison.
const SEED = 'wechat-miniprogram-service';
const RUNS = 100;
const WARMUP = 20;

function post(
  agent: Agent,
  server: { port: number; authorization: string },
  urlPath: string,
  body: unknown,
): Promise<{ status: number; bytes: number }> {
  const payload = Buffer.from(JSON.stringify(body), 'utf8');
  return new Promise((resolve, reject) => {
    const req = request(
      {
        agent,
        host: '127.0.0.1',
        port: server.port,
        path: urlPath,
        method: 'POST',
        // As the admin startApp creates (an API token): every API route needs a login.
        headers: {
          'content-type': 'application/json',
          'content-length': payload.byteLength,
          authorization: server.authorization,
        },
      },
      (res) => {
        let bytes = 0;
        res.on('data', (chunk: Buffer) => {
          bytes += chunk.byteLength;
        });
        res.on('end', () => resolve({ status: res.statusCode ?? 0, bytes }));
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(payload);
  });
}

export default async function renderApiBench(bench: Bench): Promise<void> {
  const values = JSON.parse(await readFile(path.join(REPO_TEMPLATES, SEED, 'sample.values.json'), 'utf8'));
  const server = await startApp(REPO_TEMPLATES);
  const agent = new Agent({ keepAlive: true, maxSockets: 1 });
  try {
    const published = await post(agent, server, `/api/templates/${SEED}/versions`, { message: 'bench' });
    if (published.status !== 201) throw new Error(`publishing the seed failed: ${published.status}`);
    const issue = async (version?: 'draft') => {
      const res = await post(agent, server, `/api/templates/${SEED}/render`, {
        format: 'docx',
        strict: true,
        values,
        by: 'bench',
        ...(version ? { version } : {}),
      });
      if (res.status !== 200) throw new Error(`render answered ${res.status}`);
      return res.bytes;
    };
    const size = await issue();
    console.log(`  seed .docx: ${(size / 1024).toFixed(1)} KB`);
    await bench.time('render.api.seed', () => issue(), { runs: RUNS, warmup: WARMUP, target: 30 });

    for (let i = 0; i < WARMUP; i++) await issue('draft');
    const draft: number[] = [];
    for (let i = 0; i < RUNS / 2; i++) {
      const start = performance.now();
      await issue('draft');
      draft.push(performance.now() - start);
    }
    draft.sort((a, b) => a - b);
    console.log(`  the same from the live draft: median ${draft[Math.floor(draft.length / 2)]?.toFixed(2)} ms`);
  } finally {
    agent.destroy();
    await server.close();
  }
}
