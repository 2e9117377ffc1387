import { Module } from '@nestjs/common';
import type { AppConfig } from '../../config/app-config';
import { APP_CONFIG } from '../../config/app-config';
import { DatabaseAccessTokenStore, RedisAccessTokenStore } from './access-token.store';
import { InProcessSendRateLimiter, RedisSendRateLimiter, SEND_RATE_LIMITER } from './send-rate-limiter';
import { SubscribeMessageSender } from './subscribe-message.sender';
import { ACCESS_TOKEN_STORE, WechatAccessTokenService } from './wechat-access-token.service';
import { WechatClient } from './wechat.client';

@Module({
  providers: [
    WechatClient,
    DatabaseAccessTokenStore,
    RedisAccessTokenStore,
    InProcessSendRateLimiter,
    RedisSendRateLimiter,
    // Shared through Redis when there is one, so every process uses one token and one send schedule.
    {
      provide: ACCESS_TOKEN_STORE,
      inject: [APP_CONFIG, DatabaseAccessTokenStore, RedisAccessTokenStore],
      useFactory: (config: AppConfig, database: DatabaseAccessTokenStore, redis: RedisAccessTokenStore) =>
        config.redis ? redis : database,
    },
    {
      provide: SEND_RATE_LIMITER,
      inject: [APP_CONFIG, InProcessSendRateLimiter, RedisSendRateLimiter],
      useFactory: (config: AppConfig, local: InProcessSendRateLimiter, redis: RedisSendRateLimiter) =>
        config.redis ? redis : local,
    },
    WechatAccessTokenService,
    SubscribeMessageSender,
  ],
  exports: [WechatClient, WechatAccessTokenService, SubscribeMessageSender, SEND_RATE_LIMITER],
})
export class WechatModule {}
