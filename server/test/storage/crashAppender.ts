// Child process of crash.test.ts: appends real Yjs updates until it is killed, printing the number of each
// update only after its append has resolved, and compacting now and then while appends continue.
import * as Y from 'yjs';
import { SqliteStore } from '../../src/storage/SqliteStore.ts';

const file = process.argv[2];
if (!file) throw new Error('usage: crashAppender.ts <db file>');
const store = SqliteStore.open(file);
const doc = new Y.Doc();
const entries = doc.getMap<number>('acked');
let pending: Promise<void>[] = [];
let next = 0;
doc.on('update', (update: Uint8Array) => {
  const n = next++;
  pending.push(store.append('crash', update).then(() => void process.stdout.write(`${n}\n`)));
});

process.stdout.write('ready\n');
for (let turn = 0; ; turn++) {
  for (let k = 0; k < 1 + (turn % 23); k++) entries.set(String(next), next);
  if (turn % 40 === 39) {
    store.compact('crash').catch((error) => {
      console.error(error);
      process.exit(3);
    });
  }
  const batch = pending;
  pending = [];
  await Promise.all(batch);
}
