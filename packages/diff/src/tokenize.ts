// One token per CJK character (character-level diff for Chinese), one per Latin word or number (word-level for
// English), one per whitespace run or punctuation mark; fields and references stay whole.
const TOKEN =
  /\{\{[^{}]*\}\}|\[\[#[^\]]*\]\]|[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]|[^\s\p{P}\p{S}\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]+|[^\S\n]+|\n|[\s\S]/gu;

/** Splits text into diff tokens: characters for CJK, words for other scripts, `{{…}}` and `[[#…]]` whole. */
export function tokenize(text: string): string[] {
  return text.match(TOKEN) ?? [];
}
