import type { Role } from '../enums/role.enum';
import type { UserDto } from './me.contract';
import type { IsoDateTime } from './common.contract';

export interface WechatLoginRequest {
  /** The code from `wx.login`; valid for five minutes, usable once. */
  code: string;
}

export interface DevLoginRequest {
  openid: string;
  role: Role;
  name?: string;
  /** Binds a counselor to an advisor profile. */
  advisorId?: string;
}

export interface AuthResponse {
  token: string;
  expiresAt: IsoDateTime;
  user: UserDto;
}
