import {
  ApiRoute,
  type AuthResponse,
  type DevLoginRequest,
  type WechatLoginRequest,
} from '@careerside/shared';
import { request } from '@/services/http/request';

export const authApi = {
  wechat: (body: WechatLoginRequest) =>
    request<AuthResponse>({ method: 'POST', path: ApiRoute.auth.wechat, body }),
  devLogin: (body: DevLoginRequest) =>
    request<AuthResponse>({ method: 'POST', path: ApiRoute.auth.devLogin, body }),
  /** Revokes every token of the user; sends the token given (the session may already be ended locally). */
  logout: (token: string) =>
    request<void>({
      method: 'POST',
      path: ApiRoute.auth.logout,
      headers: { Authorization: `Bearer ${token}` },
      timeoutMs: 5_000,
    }),
};
