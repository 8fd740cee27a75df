const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
const LETTERS = 52;
const LENGTH = 10;

/**
 * A fresh clause id: ten url-safe characters, a letter first so it passes the model's `CLAUSE_ID` check.
 * 52 × 62⁹ ≈ 7·10¹⁷ values, so two clients splitting at once practically never collide (and ClauseIds would fix it).
 *
 * @example newClauseId() // 'kQ3vX0pLa9'
 */
export function newClauseId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(LENGTH));
  let id = '';
  for (let i = 0; i < LENGTH; i++) {
    // 256 is not a multiple of 62: the tiny bias only makes some ids slightly likelier, which is harmless here.
    const byte = bytes[i] ?? 0;
    id += ALPHABET[i === 0 ? byte % LETTERS : byte % ALPHABET.length];
  }
  return id;
}
