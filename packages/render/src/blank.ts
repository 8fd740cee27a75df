/** What a missing value prints as, like the blank line on the paper form (fullwidth low lines). */
export const BLANK = '＿＿＿＿';

/** How a draft shows a reference whose target is missing or omitted: visible, never silently empty. */
export function brokenRefText(target: string): string {
  return `[#${target}?]`;
}
