export type SignInMethod = 'wechat' | 'dev';

export interface PlatformLogin {
  /** What this platform can offer, in display order; 'dev' shows only while the server allows it. */
  readonly methods: readonly SignInMethod[];
  /** A one-time code for POST /api/auth/wechat; rejects where 'wechat' is not offered. */
  getWechatCode(): Promise<string>;
}
