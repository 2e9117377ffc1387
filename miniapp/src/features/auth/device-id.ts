import { StorageKey, readStorage, writeStorage } from '@/utils/storage';

/** A random id made once per device and kept, so dev sign-in maps the same browser to the same user. */
export function deviceId(): string {
  const stored = readStorage<string>(StorageKey.deviceId);
  if (stored) return stored;
  const made = Array.from({ length: 16 }, () => Math.floor(Math.random() * 36).toString(36)).join('');
  writeStorage(StorageKey.deviceId, made);
  return made;
}
