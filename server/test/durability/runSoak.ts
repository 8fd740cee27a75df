import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { connect, sleep, synced } from '../collab/startCollab.ts';
import { prng } from '../prng.ts';
import type { ServerBundle } from './bundleServer.ts';
import { prepareDataDir } from './prepareDataDir.ts';
import { type RunningServer, type StandbyServer, spawnStandby } from './startStandbyServer.ts';

const DOC_ID = 'durability-soak';
const WRITERS = 2;
const SYNC_TIMEOUT_MS = 15_000;

export interface SoakOptions {
  bundle: ServerBundle;
  trials: number;
  /** Stops after this many ms (the trial under way finishes) even if fewer than `trials` ran. */
  budgetMs?: number;
  seed: number;
  /** Kill delays are drawn from [min, max] ms after the writers start streaming. */
  killDelayMs?: [number, number];
  /** Standby children loading ahead; 2 keeps both cores busy while a trial runs. */
  standbys?: number;
  /** Called after each trial's restart was checked. */
  onTrial?(trial: TrialResult): void;
}

export interface TrialResult {
  trial: number;
  killDelayMs: number;
  /** Updates (Yjs clock ticks) the observer had received from the server when it was killed, this trial. */
  acknowledged: number;
  /** Of those (and of every earlier trial's), how many the restarted server did not have. */
  lost: number;
  /** ms from telling the loaded child to run main.ts until it listened. */
  restartMs: number;
}

export interface SoakResult {
  trials: TrialResult[];
  lost: number;
  acknowledged: number;
  /** Tokens an observer had seen that the restarted server lacked (the same losses, named; for the message). */
  missingTokens: string[];
  /** Tokens present more than once after a restart (a replayed update stored twice). */
  duplicates: number;
}

/** Per client id, the clock a doc has reached. */
const stateVector = (doc: Y.Doc) => Y.decodeStateVector(Y.encodeStateVector(doc));

/** Clock ticks `had` holds that `has` lacks: updates lost between the two. */
function missingTicks(had: Map<number, number>, has: Map<number, number>): number {
  let n = 0;
  for (const [client, clock] of had) n += Math.max(0, clock - (has.get(client) ?? 0));
  return n;
}

function withTimeout<T>(p: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  return Promise.race([
    p.finally(() => clearTimeout(timer)),
    new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`${what} timed out after ${ms} ms`)), ms);
    }),
  ]);
}

/**
 * The kill -9 soak: writers stream edits into one document while an observer (which only receives) watches; at a
 * seeded random moment the server child is SIGKILLed. Everything the observer holds was broadcast by the server,
 * which broadcasts only what it stored, so after the restart the server's state vector must cover the observer's.
 * Every client is new per trial, so nothing is resent to the restarted server to mask a loss.
 */
export async function runSoak(options: SoakOptions): Promise<SoakResult> {
  const [minDelay, maxDelay] = options.killDelayMs ?? [5, 200];
  const schedule = prng(options.seed);
  const content = prng(options.seed ^ 0x9e3779b9);
  const dataDir = await mkdtemp(path.join(tmpdir(), 'cw-soak-data-'));
  // An empty templates folder: nothing is seeded, so only the soak document is in the store.
  const templatesDir = await mkdtemp(path.join(tmpdir(), 'cw-soak-templates-'));
  const headers = await prepareDataDir(dataDir, [DOC_ID]);
  const env = {
    CLAUSEWRIGHT_DATA_DIR: dataDir,
    CLAUSEWRIGHT_TEMPLATES_DIR: templatesDir,
    CLAUSEWRIGHT_CLIENT_DIR: path.join(templatesDir, 'no-client'),
  };
  const spawnNext = () => spawnStandby(options.bundle, env);
  const queue: Promise<StandbyServer>[] = [];
  const fill = () => {
    while (queue.length < (options.standbys ?? 2)) {
      const next = spawnNext();
      // Awaited later; until then a failure must not be an unhandled rejection.
      next.catch(() => {});
      queue.push(next);
    }
  };
  const startNext = async (): Promise<RunningServer> => {
    fill();
    const standby = await (queue.shift() as Promise<StandbyServer>);
    fill();
    return standby.start();
  };
  const providers = new Set<WebsocketProvider>();
  const join = async (doc: Y.Doc, url: string, name: string) => {
    const provider = connect(url, DOC_ID, doc, name, headers);
    providers.add(provider);
    await withTimeout(synced(provider), SYNC_TIMEOUT_MS, `${name} sync`);
    return provider;
  };
  const dropClients = () => {
    for (const p of providers) {
      p.destroy();
      // The doc's awareness keeps an interval running until the doc is destroyed.
      p.doc.destroy();
    }
    providers.clear();
  };

  const result: SoakResult = { trials: [], lost: 0, acknowledged: 0, missingTokens: [], duplicates: 0 };
  let server: RunningServer | null = null;
  let restartMs = 0;
  /** The observer's view when the previous server was killed. */
  let seen: { vector: Map<number, number>; tokens: string[] } | null = null;
  /** Checks a synced fresh doc (the restarted server's whole state) against what was seen before the kill. */
  const check = (doc: Y.Doc): number => {
    if (!seen) return 0;
    const lost = missingTicks(seen.vector, stateVector(doc));
    const tokens = doc.getArray<string>('tokens').toArray();
    const present = new Set(tokens);
    result.duplicates += tokens.length - present.size;
    for (const t of seen.tokens) if (!present.has(t)) result.missingTokens.push(t);
    return lost;
  };
  try {
    const stopAt = performance.now() + (options.budgetMs ?? Number.POSITIVE_INFINITY);
    server = await startNext();
    restartMs = server.startMs;
    for (let trial = 0; trial < options.trials && performance.now() < stopAt; trial++) {
      const observer = new Y.Doc();
      await join(observer, server.url, 'observer');
      const lost = check(observer);
      const before = seen ? seen.vector : new Map<number, number>();
      if (seen) {
        result.lost += lost;
        const last = result.trials.at(-1);
        if (last) {
          last.lost = lost;
          options.onTrial?.(last);
        }
      }
      const writers = Array.from({ length: WRITERS }, () => new Y.Doc());
      await Promise.all(writers.map((doc, i) => join(doc, (server as RunningServer).url, `writer${i}`)));
      let streaming = true;
      const streams = writers.map(async (doc, i) => {
        let n = 0;
        while (streaming) {
          // Sometimes several tokens in one transaction (one update), sometimes one.
          const burst = 1 + Math.floor(content() * 3);
          doc.transact(() => {
            for (let k = 0; k < burst; k++) doc.getArray<string>('tokens').push([`t${trial}-w${i}-${n++}`]);
          });
          await sleep(Math.floor(content() * 3));
        }
      });
      const killDelayMs = minDelay + Math.floor(schedule() * (maxDelay - minDelay + 1));
      await sleep(killDelayMs);
      // Snapshot what the observer holds and kill in the same turn: nothing more can arrive in between.
      seen = { vector: stateVector(observer), tokens: observer.getArray<string>('tokens').toArray() };
      server.child.kill('SIGKILL');
      streaming = false;
      dropClients();
      await Promise.all(streams);
      await server.kill();
      const acknowledged = missingTicks(seen.vector, before);
      result.acknowledged += acknowledged;
      result.trials.push({ trial, killDelayMs, acknowledged, lost: 0, restartMs });
      server = await startNext();
      restartMs = server.startMs;
    }
    // The last kill is checked by one more client on the last restart.
    const checker = new Y.Doc();
    await join(checker, server.url, 'checker');
    const lost = check(checker);
    result.lost += lost;
    const last = result.trials.at(-1);
    if (last) {
      last.lost = lost;
      options.onTrial?.(last);
    }
    return result;
  } catch (e) {
    const output = server?.output() ?? '';
    throw new Error(`${(e as Error).message}\nseed ${options.seed}; server output:\n${output.slice(-4000)}`);
  } finally {
    dropClients();
    await server?.kill();
    for (const standby of queue)
      await standby.then(
        (s) => s.kill(),
        () => {},
      );
    await rm(dataDir, { recursive: true, force: true });
    await rm(templatesDir, { recursive: true, force: true });
  }
}
