// Taro picks api-base.<TARO_ENV>.ts at build time; this declaration is what TypeScript sees.
export declare const DEFAULT_API_BASE: string;
