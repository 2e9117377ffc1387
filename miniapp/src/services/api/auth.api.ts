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
};
