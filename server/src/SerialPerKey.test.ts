import { describe, expect, it } from 'vitest';
import { SerialPerKey } from './SerialPerKey.ts';

const tick = () => new Promise((resolve) => setTimeout(resolve, 5));

describe('SerialPerKey', () => {
  it('runs the tasks of one key one after another, even after a failure, and other keys alongside', async () => {
    const queue = new SerialPerKey();
    const log: string[] = [];
    const task =
      (name: string, fail = false) =>
      async () => {
        log.push(`${name} start`);
        await tick();
        log.push(`${name} end`);
        if (fail) throw new Error(name);
        return name;
      };
    const a1 = queue.run('a', task('a1', true));
    const a2 = queue.run('a', task('a2'));
    const b1 = queue.run('b', task('b1'));
    await expect(a1).rejects.toThrow('a1');
    expect(await a2).toBe('a2');
    expect(await b1).toBe('b1');
    expect(log.indexOf('a2 start')).toBeGreaterThan(log.indexOf('a1 end'));
    expect(log.indexOf('b1 start')).toBeLessThan(log.indexOf('a1 end'));
  });

  it('settles once everything queued so far has', async () => {
    const queue = new SerialPerKey();
    let done = 0;
    for (const key of ['a', 'a', 'b']) {
      queue
        .run(key, async () => {
          await tick();
          done++;
        })
        .catch(() => {});
    }
    await queue.settled();
    expect(done).toBe(3);
  });
});
