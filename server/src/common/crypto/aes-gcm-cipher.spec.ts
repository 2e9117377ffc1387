import { randomBytes } from 'node:crypto';
import { describe, expect, it } from '@jest/globals';
import { loadConfig } from '../../config/load-config';
import { AesGcmCipher, deriveKey } from './aes-gcm-cipher';

describe(AesGcmCipher.name, () => {
  const cipher = new AesGcmCipher(randomBytes(32));

  it('round-trips text with a fresh IV each time', () => {
    const first = cipher.encrypt('家庭经济困难', 'note-1');
    const second = cipher.encrypt('家庭经济困难', 'note-1');
    expect(first).not.toBe(second);
    expect(first).not.toContain('家庭');
    expect(cipher.decrypt(first, 'note-1')).toBe('家庭经济困难');
  });

  it('refuses a ciphertext moved to another note, tampered with, or read with another key', () => {
    const sealed = cipher.encrypt('secret', 'note-1');
    expect(() => cipher.decrypt(sealed, 'note-2')).toThrow();
    const [version, iv, tag, body] = sealed.split('.');
    const flipped = Buffer.from(body, 'base64url');
    flipped[0] ^= 1;
    expect(() =>
      cipher.decrypt([version, iv, tag, flipped.toString('base64url')].join('.'), 'note-1'),
    ).toThrow();
    expect(() => new AesGcmCipher(randomBytes(32)).decrypt(sealed, 'note-1')).toThrow();
  });

  it('derives a distinct, stable key per purpose', () => {
    const key = randomBytes(32);
    const sessions = deriveKey(key, 'wechat-session-key');
    expect(sessions).toHaveLength(32);
    expect(deriveKey(key, 'wechat-session-key').equals(sessions)).toBe(true);
    expect(sessions.equals(key)).toBe(false);
    expect(sessions.equals(deriveKey(key, 'other'))).toBe(false);
    const sealed = new AesGcmCipher(sessions).encrypt('k', 'user-1');
    expect(() => new AesGcmCipher(key).decrypt(sealed, 'user-1')).toThrow();
  });
});

describe('NOTES_ENCRYPTION_KEY', () => {
  const production = { NODE_ENV: 'production', JWT_SECRET: 'x'.repeat(40) };

  it('is required in production and must be 32 bytes of base64', () => {
    expect(() => loadConfig(production)).toThrow(/NOTES_ENCRYPTION_KEY/);
    expect(() => loadConfig({ ...production, NOTES_ENCRYPTION_KEY: 'c2hvcnQ=' })).toThrow(/32 bytes/);
    const key = randomBytes(32).toString('base64');
    expect(
      loadConfig({ ...production, NOTES_ENCRYPTION_KEY: key }).config.counselor.notesKey.toString('base64'),
    ).toBe(key);
  });

  it('falls back to a fixed development key outside production', () => {
    expect(loadConfig({ NODE_ENV: 'development' }).config.counselor.notesKey).toHaveLength(32);
  });
});
