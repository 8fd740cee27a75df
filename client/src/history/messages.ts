/** The history pages' UI strings in Chinese (the source: every key is declared here first). */
export const historyZh = {} as const;

/** The same keys in English. */
export const historyEn: Record<keyof typeof historyZh, string> = {};
