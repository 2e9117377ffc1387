/** WeChat answered with a non-zero errcode. Callers decide what each errcode means for them. */
export class WechatApiError extends Error {
  constructor(
    readonly api: string,
    readonly errcode: number,
    readonly errmsg: string,
  ) {
    super(`WeChat ${api} answered errcode ${errcode}: ${errmsg}`);
    this.name = 'WechatApiError';
  }
}

/** WeChat could not be reached, timed out, or answered something that is not its API. */
export class WechatTransportError extends Error {
  constructor(
    readonly api: string,
    reason: string,
    options?: { cause?: unknown },
  ) {
    super(`WeChat ${api} failed: ${reason}`, options);
    this.name = 'WechatTransportError';
  }
}

/** WECHAT_APPID / WECHAT_SECRET are not set. */
export class WechatNotConfiguredError extends Error {
  constructor() {
    super('WECHAT_APPID and WECHAT_SECRET are not set');
    this.name = 'WechatNotConfiguredError';
  }
}
