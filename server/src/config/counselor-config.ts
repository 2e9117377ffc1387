import type { EnvReader } from './env-reader';

/**
 * Fixed development key for private counselor notes (base64 of 32 bytes). Used only outside production when
 * NOTES_ENCRYPTION_KEY is unset, like the development JWT secret: notes written with it are readable by
 * anyone with the source, so production refuses to start without a key of its own.
 */
export const DEV_NOTES_ENCRYPTION_KEY = 'Y2FyZWVyc2lkZS1kZXYtbm90ZXMta2V5LTMyLWJ5dGU=';

/** The counselor workspace (issue 5). */
export interface CounselorConfig {
  /** AES-256-GCM key for private notes (and stored calendar-feed tokens). */
  notesKey: Buffer;
  /** When each counselor gets the day's agenda, `HH:MM` center time. */
  agendaAt: string;
  /** How many days back and ahead the calendar feed reaches. */
  feedPastDays: number;
  feedFutureDays: number;
  inviteTtlHours: number;
  /**
   * Invite redemptions per client address per window, on top of the per-user limit (WECHAT_SIGNIN_RATE_LIMIT
   * a minute): many accounts guessing from one address are stopped too.
   */
  inviteAddressRateLimit: number;
  inviteAddressRateWindowMs: number;
}

export function parseCounselorConfig(read: EnvReader, isProduction: boolean): CounselorConfig {
  return {
    notesKey: parseNotesKey(read, isProduction),
    agendaAt: parseAgendaAt(read),
    feedPastDays: read.integer('CALENDAR_FEED_PAST_DAYS', 14, { min: 0, max: 365 }),
    feedFutureDays: read.integer('CALENDAR_FEED_FUTURE_DAYS', 60, { min: 1, max: 365 }),
    inviteTtlHours: read.integer('COUNSELOR_INVITE_TTL_HOURS', 72, { min: 1, max: 24 * 30 }),
    inviteAddressRateLimit: read.integer('INVITE_ADDRESS_RATE_LIMIT', 30, { min: 1, max: 100_000 }),
    inviteAddressRateWindowMs:
      read.integer('INVITE_ADDRESS_RATE_WINDOW_MINUTES', 60, { min: 1, max: 7 * 24 * 60 }) * 60_000,
  };
}

function parseNotesKey(read: EnvReader, isProduction: boolean): Buffer {
  const value = read.raw('NOTES_ENCRYPTION_KEY');
  if (value === undefined) {
    if (isProduction)
      read.fail('NOTES_ENCRYPTION_KEY', 'is required in production (base64 of 32 random bytes)');
    return Buffer.from(DEV_NOTES_ENCRYPTION_KEY, 'base64');
  }
  const key = Buffer.from(value, 'base64');
  if (key.length !== 32 || key.toString('base64') !== value.replace(/\s/g, '')) {
    read.fail('NOTES_ENCRYPTION_KEY', 'must be base64 of exactly 32 bytes (openssl rand -base64 32)');
    return Buffer.alloc(32);
  }
  if (isProduction && value === DEV_NOTES_ENCRYPTION_KEY)
    read.fail('NOTES_ENCRYPTION_KEY', 'must not be the development default');
  return key;
}

function parseAgendaAt(read: EnvReader): string {
  const value = read.string('COUNSELOR_AGENDA_AT', '07:30');
  if (!/^([01]\d|2[0-3]):[0-5]\d$/.test(value))
    read.fail('COUNSELOR_AGENDA_AT', `must be HH:MM (got "${value}")`);
  return value;
}
