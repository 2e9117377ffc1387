import type { AuthResponse, UserDto } from '@careerside/shared';
import { createStore, useStore } from '@/utils/store';
import { StorageKey, readStorage, removeStorage, writeStorage } from '@/utils/storage';

export interface Session {
  token: string | null;
  /** The last known user; kept in storage so a returning user sees their name before /me answers. */
  user: UserDto | null;
}

export const sessionStore = createStore<Session>({
  token: readStorage<string>(StorageKey.token),
  user: readStorage<UserDto>(StorageKey.user),
});

export function getToken(): string | null {
  return sessionStore.get().token;
}

export function startSession({ token, user }: AuthResponse): void {
  writeStorage(StorageKey.token, token);
  writeStorage(StorageKey.user, user);
  sessionStore.set({ token, user });
}

export function updateSessionUser(user: UserDto): void {
  if (!sessionStore.get().token) return;
  writeStorage(StorageKey.user, user);
  sessionStore.set((session) => ({ ...session, user }));
}

export function endSession(): void {
  removeStorage(StorageKey.token);
  removeStorage(StorageKey.user);
  sessionStore.set({ token: null, user: null });
}

export function useSession() {
  const session = useStore(sessionStore);
  return { ...session, signedIn: session.token !== null };
}
