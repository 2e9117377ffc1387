import { Injectable, Logger } from '@nestjs/common';
import { type AuthResponse, Role } from '@careerside/shared';
import { AesGcmCipher, deriveKey } from '../../common/crypto/aes-gcm-cipher';
import type { AppConfig } from '../../config/app-config';
import { InjectConfig } from '../../config/inject-config.decorator';
import type { UserEntity } from '../users/user.entity';
import { toUserDto } from '../users/user.mapper';
import { type UserChanges, UsersRepository } from '../users/users.repository';
import { WechatClient } from '../wechat/wechat.client';
import { WechatApiError } from '../wechat/wechat.errors';
import { AccessTokenService } from './access-token.service';
import { DevLoginDisabledException, WechatNotConfiguredException } from './auth.exception';
import type { DevLoginDto } from './dto/dev-login.dto';
import { toSignInException } from './wechat-sign-in-errors';

/** What the key that encrypts stored WeChat session keys is derived for. */
export const WECHAT_SESSION_KEY_PURPOSE = 'wechat-session-key';

@Injectable()
export class AuthService {
  private readonly logger = new Logger('Auth');
  /**
   * WeChat session keys are stored encrypted (the user id is the associated data), under a key derived from
   * NOTES_ENCRYPTION_KEY, the one data-encryption key the server is given.
   */
  private readonly sessionKeys: AesGcmCipher;

  constructor(
    @InjectConfig() private readonly config: AppConfig,
    private readonly wechat: WechatClient,
    private readonly users: UsersRepository,
    private readonly tokens: AccessTokenService,
  ) {
    this.sessionKeys = new AesGcmCipher(deriveKey(config.counselor.notesKey, WECHAT_SESSION_KEY_PURPOSE));
  }

  /** First sign-in creates a student; ADMIN_OPENIDS are promoted to admin. The session key stays server-side. */
  async signInWithWechat(code: string): Promise<AuthResponse> {
    const session = await this.wechat.code2Session(code).catch((error: unknown) => {
      const exception = toSignInException(error);
      if (exception instanceof WechatNotConfiguredException) {
        this.logger.error(
          { errcode: error instanceof WechatApiError ? error.errcode : undefined },
          'WeChat sign-in is not configured or WeChat rejects our credentials: check WECHAT_APPID, WECHAT_SECRET and the IP allow-list',
        );
      }
      throw exception;
    });
    let user =
      (await this.users.findByOpenid(session.openid)) ??
      (await this.users.insertIfAbsent({ openid: session.openid, role: Role.Student }));
    user = await this.promoteConfiguredAdmin(user);
    await this.users.storeWechatSessionKey(user.id, this.sessionKeys.encrypt(session.sessionKey, user.id));
    return this.respond(user);
  }

  /** Outside production only: the same openid is the same user, updated to the role, name and advisor given. */
  async devLogin(request: DevLoginDto): Promise<AuthResponse> {
    if (!this.config.auth.devLogin) throw new DevLoginDisabledException();
    const changes: UserChanges = { role: request.role, name: request.name, advisorId: request.advisorId };
    const existing = await this.users.findByOpenid(request.openid);
    let user = existing
      ? await this.users.update(existing.id, changes)
      : await this.users.insertIfAbsent({ openid: request.openid, ...changes, role: request.role });
    user = await this.promoteConfiguredAdmin(user);
    return this.respond(user);
  }

  /**
   * Signs the user out everywhere: every token issued to them so far stops working, not only the one sent. A
   * mini-program user has one WeChat account and expects 退出登录 on a shared or lost device to end that
   * session too; tokens carry no device, so "this device only" is not something we could offer anyway.
   */
  async logout(user: UserEntity): Promise<void> {
    await this.users.revokeTokens(user.id);
    this.logger.log({ userId: user.id }, 'Signed out: every token issued so far is revoked');
  }

  private async promoteConfiguredAdmin(user: UserEntity): Promise<UserEntity> {
    if (user.role === Role.Admin || !this.config.auth.adminOpenids.has(user.openid)) return user;
    this.logger.log({ userId: user.id }, 'Promoted a user listed in ADMIN_OPENIDS to admin');
    return this.users.update(user.id, { role: Role.Admin });
  }

  private async respond(user: UserEntity): Promise<AuthResponse> {
    const { token, expiresAt } = await this.tokens.issue(user.id, user.tokenVersion);
    return { token, expiresAt: expiresAt.toISOString(), user: toUserDto(user) };
  }
}
