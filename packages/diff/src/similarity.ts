/**
 * Text similarity in 0–1, alike for Chinese and English: the Dice coefficient of character bigrams, or of single
 * characters when either text is shorter than 8 (a two-character heading has one bigram, too few to judge).
 */
export function similarity(a: string, b: string): number {
  if (a === b) return 1;
  const n = Math.min(a.length, b.length) < 8 ? 1 : 2;
  if (a.length < n || b.length < n) return 0;
  const grams = new Map<string, number>();
  for (let i = 0; i <= a.length - n; i++) {
    const g = a.slice(i, i + n);
    grams.set(g, (grams.get(g) ?? 0) + 1);
  }
  let shared = 0;
  for (let i = 0; i <= b.length - n; i++) {
    const g = b.slice(i, i + n);
    const left = grams.get(g);
    if (left) {
      shared++;
      grams.set(g, left - 1);
    }
  }
  return (2 * shared) / (a.length - n + 1 + (b.length - n + 1));
}
