import type { AuthResponse } from '@careerside/shared';
import type { ApiClient } from './api-client';
import { signIn } from './sign-in';

let counter = 0;

/** A signed-in student with the complete profile booking needs. */
export async function signInStudent(
  api: ApiClient,
  name?: string,
): Promise<AuthResponse & { api: ApiClient }> {
  counter += 1;
  const session = await signIn(api, 'student', { name: name ?? `学生${counter}` });
  const profile = await session.api.patch('me/profile', {
    college: '计算机学院',
    degree: 'bachelor',
    graduationYear: 2027,
  });
  if (profile.status !== 200) throw new Error(`profile update failed: ${profile.status} ${profile.text}`);
  return session;
}
