import { useCallback, useSyncExternalStore } from 'react';
import type * as Y from 'yjs';

/** One key of a Y.Map as React state: re-renders when that key changes locally or remotely. */
export function useYMapValue<T>(map: Y.Map<unknown>, key: string): T | undefined {
  const subscribe = useCallback(
    (notify: () => void) => {
      const observer = (event: Y.YMapEvent<unknown>) => {
        if (event.keysChanged.has(key)) notify();
      };
      map.observe(observer);
      return () => map.unobserve(observer);
    },
    [map, key],
  );
  return useSyncExternalStore(subscribe, () => map.get(key) as T | undefined);
}
