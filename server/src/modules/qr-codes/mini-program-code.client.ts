import { Injectable, Logger } from '@nestjs/common';
import type { AppConfig } from '../../config/app-config';
import { InjectConfig } from '../../config/inject-config.decorator';
import { WechatAccessTokenService } from '../wechat/wechat-access-token.service';
import { WechatApiError, WechatTransportError } from '../wechat/wechat.errors';

const ENV_VERSIONS = { formal: 'release', trial: 'trial', developer: 'develop' } as const;
const TOKEN_REJECTED = new Set([40001, 42001]);

export interface MiniProgramCodeRequest {
  /** At most 32 visible characters; the app reads it from the launch options. */
  scene: string;
  /** A page of the app, without a leading slash. */
  page: string;
  width?: number;
}

/**
 * getUnlimitedQRCode (`POST /wxa/getwxacodeunlimit`): a mini-program code that opens `page` with `scene`.
 * WeChat answers the PNG itself, or JSON with an errcode; a rejected access token is replaced once.
 */
@Injectable()
export class MiniProgramCodeClient {
  private readonly logger = new Logger('MiniProgramCode');

  constructor(
    @InjectConfig() private readonly config: AppConfig,
    private readonly tokens: WechatAccessTokenService,
  ) {}

  async create(request: MiniProgramCodeRequest): Promise<Buffer> {
    const token = await this.tokens.get();
    try {
      return await this.call(token, request);
    } catch (error) {
      if (!(error instanceof WechatApiError) || !TOKEN_REJECTED.has(error.errcode)) throw error;
      return this.call(await this.tokens.replace(token), request);
    }
  }

  private async call(token: string, request: MiniProgramCodeRequest): Promise<Buffer> {
    const url = new URL(`${this.config.wechat.apiBase}/wxa/getwxacodeunlimit`);
    url.searchParams.set('access_token', token);
    let response: Response;
    try {
      response = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          scene: request.scene,
          page: request.page,
          width: request.width ?? 430,
          // The booking page may not be in the released version yet (trial and develop builds).
          check_path: false,
          env_version: ENV_VERSIONS[this.config.wechat.miniprogramState],
        }),
        signal: AbortSignal.timeout(this.config.wechat.timeoutMs),
      });
    } catch (error) {
      throw new WechatTransportError(
        'getwxacodeunlimit',
        error instanceof Error ? error.message : String(error),
        { cause: error },
      );
    }
    const body = Buffer.from(await response.arrayBuffer());
    if (!response.ok) throw new WechatTransportError('getwxacodeunlimit', `HTTP ${response.status}`);
    if ((response.headers.get('content-type') ?? '').includes('image/')) return body;
    let answer: { errcode?: number; errmsg?: string };
    try {
      answer = JSON.parse(body.toString('utf8')) as typeof answer;
    } catch {
      throw new WechatTransportError('getwxacodeunlimit', 'the answer is neither an image nor JSON');
    }
    this.logger.warn(
      { errcode: answer.errcode, errmsg: answer.errmsg },
      'WeChat refused to make a mini-program code',
    );
    throw new WechatApiError('getwxacodeunlimit', answer.errcode ?? -1, answer.errmsg ?? '');
  }
}
