// Taro picks boot.<TARO_ENV>.ts at build time; this declaration is what TypeScript sees.
export declare function bootPlatform(): void;
