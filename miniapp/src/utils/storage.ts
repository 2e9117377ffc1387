import Taro from '@tarojs/taro';

/** Every key the app keeps in local storage, in one place. */
export const StorageKey = {
  token: 'careerside.token',
  user: 'careerside.user',
  locale: 'careerside.locale',
  deviceId: 'careerside.deviceId',
} as const;
export type StorageKey = (typeof StorageKey)[keyof typeof StorageKey];

export function readStorage<T>(key: StorageKey): T | null {
  try {
    const value: unknown = Taro.getStorageSync(key);
    return value === '' || value === undefined || value === null ? null : (value as T);
  } catch {
    return null;
  }
}

export function writeStorage(key: StorageKey, value: unknown): void {
  try {
    Taro.setStorageSync(key, value);
  } catch {
    // Storage full or unavailable (private browsing): the app still works for this session.
  }
}

export function removeStorage(key: StorageKey): void {
  try {
    Taro.removeStorageSync(key);
  } catch {
    // Nothing to do: the value is gone for this session either way.
  }
}
