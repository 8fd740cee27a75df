import { bundleServer } from '../server/test/durability/bundleServer.ts';
import { runSoak } from '../server/test/durability/runSoak.ts';
import type { Bench } from './harness.ts';

// durability.kill9: the kill -9 soak of server/test/durability (main.ts in a child process on SQLite, writers
// streaming, SIGKILL 5–200 ms in, seeded) with up to TRIALS trials in BUDGET_MS. Lost = Yjs clock ticks a peer
// had received from the killed server that the restarted one lacks; the target is 0.
const TRIALS = Number(process.env.SOAK_TRIALS ?? 1000);
const BUDGET_MS = Number(process.env.SOAK_BUDGET_MS ?? 5 * 60_000);
const SEED = Number(process.env.SOAK_SEED ?? 0xd1e9);

export default async function durability(bench: Bench): Promise<void> {
  const started = performance.now();
  let done = 0;
  const result = await runSoak({
    bundle: await bundleServer(),
    trials: TRIALS,
    budgetMs: BUDGET_MS,
    seed: SEED,
    standbys: 3,
    onTrial: () => {
      done++;
      if (done % 100 === 0) console.log(`  ${done} trials, ${Math.round((performance.now() - started) / 1000)} s`);
    },
  });
  const acknowledged = result.trials.filter((t) => t.acknowledged > 0).length;
  console.log(
    `  ${result.trials.length} of ${TRIALS} trials in ${Math.round((performance.now() - started) / 1000)} s ` +
      `(seed ${SEED}); ${result.acknowledged} updates a peer had received at the kills (${acknowledged} trials with ` +
      `some), ${result.lost} lost, ${result.missingTokens.length} tokens missing, ${result.duplicates} stored twice`,
  );
  bench.record('durability.kill9.lost', [result.lost], 'updates', 0);
  bench.record('durability.kill9.trials', [result.trials.length], 'trials');
  bench.record(
    'durability.kill9.restart',
    result.trials.map((t) => t.restartMs),
    'ms',
  );
}
