/** A 1-based line and column. */
export interface LineColumn {
  line: number;
  column: number;
}

/** Returns a function mapping an offset in `text` to its line and column; built once, then O(log lines) per lookup. */
export function createLocator(text: string): (offset: number) => LineColumn {
  const starts = [0];
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return (offset) => {
    const at = Math.max(0, Math.min(offset, text.length));
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((starts[mid] ?? 0) <= at) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: at - (starts[lo] ?? 0) + 1 };
  };
}
