import type { DocumentStore } from '../storage/DocumentStore.ts';
import type { Histogram } from './Histogram.ts';

/**
 * `store` with every `append` timed into `histogram` (seconds, from the call until it is committed). Everything else
 * passes through untouched, so the hub needs no change to be measured.
 */
export function timeStore<S extends DocumentStore>(store: S, histogram: Histogram): S {
  const append: DocumentStore['append'] = (docId, update, meta) => {
    const started = performance.now();
    const done = () => histogram.observe((performance.now() - started) / 1000);
    const appending = store.append(docId, update, meta);
    appending.then(done, done);
    return appending;
  };
  return new Proxy(store, {
    get(target, property) {
      if (property === 'append') return append;
      const value = Reflect.get(target, property);
      // Methods run on the real store, so its private fields work.
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}
