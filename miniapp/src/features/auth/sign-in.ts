import Taro from '@tarojs/taro';
import type { AuthResponse, Role } from '@careerside/shared';
import { platformLogin } from '@/platform/login';
import { TabRoute, isTabRoute } from '@/routes';
import { authApi } from '@/services/api/auth.api';
import { deviceId } from './device-id';
import { endSession, getToken, startSession } from './session.store';

export async function signInWithWechat(): Promise<AuthResponse> {
  const code = await platformLogin.getWechatCode();
  const auth = await authApi.wechat({ code });
  startSession(auth);
  return auth;
}

/** The openid is derived from this device and the role, so each role is one stable user per device. */
export function devOpenid(role: Role): string {
  return `dev-${deviceId()}-${role}`;
}

export async function signInWithDevLogin(role: Role, name?: string): Promise<AuthResponse> {
  const trimmed = name?.trim();
  const auth = await authApi.devLogin({
    openid: devOpenid(role),
    role,
    ...(trimmed ? { name: trimmed } : {}),
  });
  startSession(auth);
  return auth;
}

/**
 * Signs out on this device at once, then asks the server to revoke the user's tokens (everywhere: see
 * POST /api/auth/logout). Best effort: offline, or with a token the server already refuses, the local sign-out
 * stands. The session ends first so that a 401 from this call is not taken for an expired session (which would
 * open the sign-in page) and so that no request leaves with the token meanwhile.
 */
export async function signOut(): Promise<void> {
  const token = getToken();
  endSession();
  if (token) await authApi.logout(token).catch(() => undefined);
}

/** Leaves the sign-in page: to where the user was sent from, else back, else home. */
export async function leaveSignIn(redirect?: string): Promise<void> {
  if (redirect && redirect.startsWith('/')) {
    if (isTabRoute(redirect)) await Taro.switchTab({ url: redirect.split('?')[0] });
    else await Taro.redirectTo({ url: redirect });
    return;
  }
  if (Taro.getCurrentPages().length > 1) await Taro.navigateBack();
  else await Taro.switchTab({ url: TabRoute.home });
}
