// Taro picks share.<TARO_ENV>.ts at build time; this declaration is what TypeScript sees.

/** True where a button can open the platform's own share sheet (WeChat's open-type="share"). */
export declare const nativeShare: boolean;

/** Copies an absolute link to this app page (H5); on weapp pages are shared, not linked. */
export declare function copyPageLink(path: string): Promise<void>;
