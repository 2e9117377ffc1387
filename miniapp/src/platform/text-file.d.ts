// Taro picks text-file.<TARO_ENV>.ts at build time; this declaration is what TypeScript sees.

/** Lets the user pick a text file (a CSV export) and reads it as UTF-8; null when they cancel. */
export declare function chooseTextFile(): Promise<{ name: string; text: string } | null>;
