import { Injectable } from '@nestjs/common';
import { classifySendFailure, isTokenRejection, type SendFailure } from './send-failure';
import { WechatAccessTokenService } from './wechat-access-token.service';
import { type SubscribeMessage, WechatClient } from './wechat.client';

export type SendResult = { ok: true } | ({ ok: false } & SendFailure);

/** Sends one subscribe message with the shared access token; a rejected token is replaced and tried once more. */
@Injectable()
export class SubscribeMessageSender {
  constructor(
    private readonly client: WechatClient,
    private readonly tokens: WechatAccessTokenService,
  ) {}

  get isConfigured(): boolean {
    return this.client.isConfigured;
  }

  async send(message: SubscribeMessage): Promise<SendResult> {
    let token: string;
    try {
      token = await this.tokens.get();
      try {
        await this.client.sendSubscribeMessage(token, message);
      } catch (error) {
        if (!isTokenRejection(error)) throw error;
        token = await this.tokens.replace(token);
        await this.client.sendSubscribeMessage(token, message);
      }
      return { ok: true };
    } catch (error) {
      return { ok: false, ...classifySendFailure(error) };
    }
  }
}
