import { describe, expect, it } from 'vitest';
import { ConnectionCounter } from './ConnectionCounter.ts';

describe('ConnectionCounter', () => {
  it('counts per key and forgets a key at zero', () => {
    const counter = new ConnectionCounter();
    counter.add('alice');
    counter.add('alice');
    counter.add('bob');
    expect([counter.count('alice'), counter.count('bob'), counter.size]).toEqual([2, 1, 2]);
    counter.remove('alice');
    counter.remove('bob');
    expect([counter.count('alice'), counter.count('bob'), counter.size]).toEqual([1, 0, 1]);
  });
});
