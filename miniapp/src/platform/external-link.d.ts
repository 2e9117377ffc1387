// Taro picks external-link.<TARO_ENV>.ts at build time; this declaration is what TypeScript sees.

/** Opens an outside web page where the platform can ('opened'), otherwise copies its address ('copied'). */
export declare function openExternalLink(url: string): Promise<'opened' | 'copied'>;
