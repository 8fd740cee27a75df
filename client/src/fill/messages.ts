/** The fill pages' UI strings in Chinese (the source: every key is declared here first). */
export const fillZh = {} as const;

/** The same keys in English. */
export const fillEn: Record<keyof typeof fillZh, string> = {};
