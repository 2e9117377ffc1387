import type { AuthResponse, DevLoginRequest, Role } from '@careerside/shared';
import type { ApiClient } from './api-client';

let counter = 0;

/** Signs a user in through the dev sign-in route; a fresh openid unless one is given. */
export async function signIn(
  api: ApiClient,
  role: Role,
  extra: Partial<Omit<DevLoginRequest, 'role'>> = {},
): Promise<AuthResponse & { api: ApiClient }> {
  counter += 1;
  const request = {
    openid: `test-${role}-${process.pid}-${counter}`,
    role,
    ...extra,
  } satisfies DevLoginRequest;
  const response = await api.post<AuthResponse>('auth/dev-login', request);
  if (response.status !== 200) throw new Error(`dev-login failed: ${response.status} ${response.text}`);
  return { ...response.body, api: api.as(response.body.token) };
}
