import { describe, expect, it } from 'vitest';
import { bundleServer } from './bundleServer.ts';
import { runSoak } from './runSoak.ts';

const SEED = Number(process.env.SOAK_SEED ?? 0x50a6);
// 200 fit in ~70 s on the 2-core CI machine: each restart runs main.ts in a child that loaded the bundle ahead.
const TRIALS = Number(process.env.SOAK_TRIALS ?? 200);

describe('kill -9 soak of the server process', () => {
  it(`loses no update a peer had received, over ${TRIALS} kills at random moments`, { timeout: 240_000 }, async () => {
    console.log(`durability soak: ${TRIALS} trials, SOAK_SEED=${SEED}`);
    const started = performance.now();
    const result = await runSoak({ bundle: await bundleServer(), trials: TRIALS, seed: SEED, standbys: 3 });
    const restarts = result.trials.map((t) => t.restartMs).sort((a, b) => a - b);
    console.log(
      `durability soak: ${result.trials.length} kills in ${Math.round(performance.now() - started)} ms, ` +
        `${result.acknowledged} updates acknowledged, ${result.lost} lost; restart median ` +
        `${Math.round(restarts[Math.floor(restarts.length / 2)] ?? 0)} ms`,
    );
    expect(result.trials).toHaveLength(TRIALS);
    // Kills must land while edits flow, or the soak proves nothing: most trials have broadcast updates to lose.
    expect(result.trials.filter((t) => t.acknowledged > 0).length).toBeGreaterThan(TRIALS / 2);
    expect(result.missingTokens, `tokens lost (SOAK_SEED=${SEED})`).toEqual([]);
    expect(result.lost, `updates lost (SOAK_SEED=${SEED})`).toBe(0);
    expect(result.duplicates, 'no update is stored twice').toBe(0);
  });
});
