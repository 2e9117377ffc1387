import { Agent as HttpAgent, request as httpRequest } from 'node:http';
import { Agent as HttpsAgent, request as httpsRequest } from 'node:https';
import { Injectable, Logger, type OnApplicationShutdown } from '@nestjs/common';
import type { AppConfig } from '../../config/app-config';
import { InjectConfig } from '../../config/inject-config.decorator';
import { WechatApiError, WechatNotConfiguredError, WechatTransportError } from './wechat.errors';

export interface WechatSession {
  openid: string;
  sessionKey: string;
  unionid: string | null;
}

interface WechatErrorFields {
  errcode?: number;
  errmsg?: string;
}

interface Code2SessionResponse extends WechatErrorFields {
  openid?: string;
  session_key?: string;
  unionid?: string;
}

interface StableTokenResponse extends WechatErrorFields {
  access_token?: string;
  expires_in?: number;
}

export interface WechatAccessToken {
  accessToken: string;
  expiresInSeconds: number;
}

/** A subscribe message as `subscribeMessage.send` takes it. */
export interface SubscribeMessage {
  touser: string;
  templateId: string;
  /** The page the message opens, e.g. `subpackages/inbox/pages/index/index?id=1` (no leading slash). */
  page?: string;
  data: Record<string, { value: string }>;
  miniprogramState: 'developer' | 'trial' | 'formal';
  lang?: 'zh_CN' | 'en_US' | 'zh_HK' | 'zh_TW';
}

interface RequestOptions {
  query?: Record<string, string>;
  json?: unknown;
}

/**
 * The server side of the public WeChat API under WECHAT_API_BASE. One attempt per call, bounded by
 * WECHAT_TIMEOUT_MS: a login code is single-use, so retrying a timed-out exchange could only fail.
 */
@Injectable()
export class WechatClient implements OnApplicationShutdown {
  private readonly logger = new Logger('WechatClient');
  private readonly httpAgent = new HttpAgent({ keepAlive: true, maxSockets: 256 });
  private readonly httpsAgent = new HttpsAgent({ keepAlive: true, maxSockets: 256 });

  constructor(@InjectConfig() private readonly config: AppConfig) {}

  /** Last, after the workers have stopped: close the kept-alive connections. */
  onApplicationShutdown(): void {
    this.httpAgent.destroy();
    this.httpsAgent.destroy();
  }

  get isConfigured(): boolean {
    return this.config.wechat.appId !== null && this.config.wechat.secret !== null;
  }

  /** auth.code2Session: exchanges a `wx.login` code for the user's openid and session key. */
  async code2Session(code: string): Promise<WechatSession> {
    const { appId, secret } = this.credentials();
    const body = await this.request<Code2SessionResponse>('jscode2session', 'GET', '/sns/jscode2session', {
      query: { appid: appId, secret, js_code: code, grant_type: 'authorization_code' },
    });
    if (!body.openid || !body.session_key) {
      throw new WechatTransportError('jscode2session', 'the answer has no openid or session_key');
    }
    return { openid: body.openid, sessionKey: body.session_key, unionid: body.unionid ?? null };
  }

  /**
   * getStableAccessToken. In normal mode WeChat returns the token in force (with its remaining lifetime);
   * force_refresh issues a new one and is limited per day, so callers use it only when the current one is
   * rejected.
   */
  async getStableAccessToken(forceRefresh = false): Promise<WechatAccessToken> {
    const { appId, secret } = this.credentials();
    const body = await this.request<StableTokenResponse>('stable_token', 'POST', '/cgi-bin/stable_token', {
      json: { grant_type: 'client_credential', appid: appId, secret, force_refresh: forceRefresh },
    });
    if (!body.access_token || typeof body.expires_in !== 'number') {
      throw new WechatTransportError('stable_token', 'the answer has no access_token');
    }
    return { accessToken: body.access_token, expiresInSeconds: body.expires_in };
  }

  /** subscribeMessage.send: one attempt; the caller decides what an errcode means and whether to retry. */
  async sendSubscribeMessage(accessToken: string, message: SubscribeMessage): Promise<void> {
    await this.request<WechatErrorFields>('subscribe_send', 'POST', '/cgi-bin/message/subscribe/send', {
      query: { access_token: accessToken },
      json: {
        touser: message.touser,
        template_id: message.templateId,
        ...(message.page ? { page: message.page } : {}),
        data: message.data,
        miniprogram_state: message.miniprogramState,
        lang: message.lang ?? 'zh_CN',
      },
    });
  }

  /**
   * One HTTP exchange over a kept-alive connection, the whole of it (connect, send, answer) bounded by
   * WECHAT_TIMEOUT_MS. node:http rather than fetch: a push pipeline sends thousands of these a second, and
   * fetch's web streams and abort signals cost several times the CPU per call.
   */
  private exchange(
    url: URL,
    method: 'GET' | 'POST',
    body: string | undefined,
  ): Promise<{ status: number; text: string }> {
    const secure = url.protocol === 'https:';
    return new Promise((resolve, reject) => {
      const request = (secure ? httpsRequest : httpRequest)(
        url,
        {
          method,
          agent: secure ? this.httpsAgent : this.httpAgent,
          headers:
            body === undefined
              ? {}
              : { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) },
        },
        (response) => {
          const parts: Buffer[] = [];
          response.on('data', (part: Buffer) => parts.push(part));
          response.on('error', fail);
          response.on('end', () => {
            clearTimeout(timer);
            resolve({ status: response.statusCode ?? 0, text: Buffer.concat(parts).toString('utf8') });
          });
        },
      );
      const timer = setTimeout(
        () => request.destroy(new TimeoutError('timed out')),
        this.config.wechat.timeoutMs,
      );
      function fail(error: Error) {
        clearTimeout(timer);
        reject(error);
      }
      request.on('error', fail);
      request.end(body);
    });
  }

  private credentials(): { appId: string; secret: string } {
    const { appId, secret } = this.config.wechat;
    if (appId === null || secret === null) throw new WechatNotConfiguredError();
    return { appId, secret };
  }

  private async request<T extends WechatErrorFields>(
    api: string,
    method: 'GET' | 'POST',
    path: string,
    options: RequestOptions,
  ): Promise<T> {
    const url = new URL(`${this.config.wechat.apiBase}${path}`);
    for (const [key, value] of Object.entries(options.query ?? {})) url.searchParams.set(key, value);
    const started = Date.now();
    let text: string;
    try {
      const response = await this.exchange(
        url,
        method,
        options.json === undefined ? undefined : JSON.stringify(options.json),
      );
      text = response.text;
      if (response.status < 200 || response.status > 299) {
        throw new WechatTransportError(api, `HTTP ${response.status}`);
      }
    } catch (error) {
      const failure =
        error instanceof WechatTransportError
          ? error
          : new WechatTransportError(api, describeFetchError(error), { cause: error });
      // The URL carries the secret and the login code: log the path only.
      this.logger.warn(
        { api, path, durationMs: Date.now() - started, reason: failure.message },
        'WeChat call failed',
      );
      throw failure;
    }

    let body: T;
    try {
      body = JSON.parse(text) as T;
    } catch {
      throw new WechatTransportError(api, 'the answer is not JSON');
    }
    if (typeof body.errcode === 'number' && body.errcode !== 0) {
      this.logger.warn({ api, path, errcode: body.errcode, errmsg: body.errmsg }, 'WeChat answered an error');
      throw new WechatApiError(api, body.errcode, body.errmsg ?? '');
    }
    return body;
  }
}

class TimeoutError extends Error {
  override readonly name = 'TimeoutError';
}

function describeFetchError(error: unknown): string {
  // Checked by name, not instanceof: undici's DOMException may come from another realm (as under Jest).
  const nameOf = (value: unknown) =>
    value !== null && typeof value === 'object' && 'name' in value ? String(value.name) : '';
  const cause = error !== null && typeof error === 'object' && 'cause' in error ? error.cause : undefined;
  if ([error, cause].some((value) => nameOf(value) === 'TimeoutError' || nameOf(value) === 'AbortError')) {
    return 'timed out';
  }
  if (cause instanceof Error) return `${cause.name}: ${cause.message}`;
  return error instanceof Error ? error.message : String(error);
}
