import { Body, Controller, HttpCode, HttpStatus, Post, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ThrottlerGuard } from '@nestjs/throttler';
import { ApiRoute, type AuthResponse } from '@careerside/shared';
import { CurrentUser } from '../../common/decorators/current-user.decorator';
import { Public } from '../../common/decorators/public.decorator';
import { ApiErrors } from '../../common/openapi/api-errors.decorator';
import type { UserEntity } from '../users/user.entity';
import { AuthService } from './auth.service';
import { AuthResponseDto } from './dto/auth-response.dto';
import { DevLoginDto } from './dto/dev-login.dto';
import { WechatLoginDto } from './dto/wechat-login.dto';

@ApiTags('auth')
@Controller()
export class AuthController {
  constructor(private readonly auth: AuthService) {}

  @Post(ApiRoute.auth.wechat)
  @Public()
  @HttpCode(HttpStatus.OK)
  @UseGuards(ThrottlerGuard)
  @ApiOperation({
    summary: 'Sign in with a wx.login code',
    description:
      'Exchanges the code at jscode2session; the first sign-in creates a student. Rate-limited per client address.',
  })
  @ApiOkResponse({ type: AuthResponseDto })
  @ApiErrors(
    400,
    [401, 'WECHAT_CODE_INVALID: the code is invalid, expired or already used'],
    [403, 'WECHAT_USER_BLOCKED: WeChat flags the account as high-risk'],
    [429, 'RATE_LIMITED (too many attempts from this address) or WECHAT_RATE_LIMITED'],
    [503, 'WECHAT_UNAVAILABLE or WECHAT_NOT_CONFIGURED'],
  )
  signInWithWechat(@Body() body: WechatLoginDto): Promise<AuthResponse> {
    return this.auth.signInWithWechat(body.code);
  }

  @Post(ApiRoute.auth.devLogin)
  @Public()
  @HttpCode(HttpStatus.OK)
  @ApiOperation({
    summary: 'Sign in without WeChat (development and tests only)',
    description:
      'The same openid is the same user; role, name and advisorId are updated. Not rate-limited. Never available in production.',
  })
  @ApiOkResponse({ type: AuthResponseDto })
  @ApiErrors(400, [404, 'DEV_LOGIN_DISABLED'])
  devLogin(@Body() body: DevLoginDto): Promise<AuthResponse> {
    return this.auth.devLogin(body);
  }

  @Post(ApiRoute.auth.logout)
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiBearerAuth()
  @ApiOperation({
    summary: 'Sign out everywhere',
    description:
      'Revokes every token issued to the signed-in user so far, on every device: later requests with them answer ' +
      '401 TOKEN_REVOKED (on another server process, after at most a second). Signing in again issues a token ' +
      'that works.',
  })
  @ApiNoContentResponse()
  @ApiErrors(401)
  logout(@CurrentUser() user: UserEntity): Promise<void> {
    return this.auth.logout(user);
  }
}
