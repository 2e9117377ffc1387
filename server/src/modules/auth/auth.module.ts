import { createSecretKey } from 'node:crypto';
import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { JwtModule } from '@nestjs/jwt';
import { ThrottlerModule } from '@nestjs/throttler';
import { LargeBodyThrottlerGuard } from '../../common/guards/large-body-throttler.guard';
import { RolesGuard } from '../../common/guards/roles.guard';
import { APP_CONFIG, type AppConfig } from '../../config/app-config';
import { RedisService } from '../redis/redis.service';
import { SharedThrottlerStorage } from '../redis/shared-throttler.storage';
import { UsersModule } from '../users/users.module';
import { WechatModule } from '../wechat/wechat.module';
import { AccessTokenGuard } from './access-token.guard';
import { AccessTokenService, TOKEN_ISSUER } from './access-token.service';
import { AuthController } from './auth.controller';
import { AuthService } from './auth.service';

@Module({
  imports: [
    UsersModule,
    WechatModule,
    JwtModule.registerAsync({
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => ({
        // A KeyObject, made once: given a string, jsonwebtoken first tries (and fails) to parse it as a public
        // key on every verify, which cost more than the rest of a cached request.
        secret: createSecretKey(Buffer.from(config.auth.jwtSecret, 'utf8')),
        signOptions: { algorithm: 'HS256', issuer: TOKEN_ISSUER, expiresIn: config.auth.jwtTtlSeconds },
        verifyOptions: { algorithms: ['HS256'], issuer: TOKEN_ISSUER },
      }),
    }),
    // Only routes with @UseGuards(ThrottlerGuard) are limited: WeChat sign-in, per client address, counted
    // in Redis for all processes when it is there. The throttler keeps the name "default" so it answers with
    // a plain Retry-After header.
    ThrottlerModule.forRootAsync({
      inject: [APP_CONFIG, RedisService],
      useFactory: (config: AppConfig, redis: RedisService) => ({
        throttlers: [{ ttl: 60_000, limit: config.wechat.signInRateLimit }],
        storage: new SharedThrottlerStorage(redis, config.redis?.prefix ?? 'careerside'),
      }),
    }),
  ],
  controllers: [AuthController],
  providers: [
    AuthService,
    AccessTokenService,
    // Order matters: the token guard loads the user that the roles guard and the large-body limit use.
    { provide: APP_GUARD, useClass: AccessTokenGuard },
    { provide: APP_GUARD, useClass: RolesGuard },
    { provide: APP_GUARD, useClass: LargeBodyThrottlerGuard },
  ],
})
export class AuthModule {}
