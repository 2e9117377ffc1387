import type { Locale } from '../enums/locale.enum';

export interface MetaOption {
  code: string;
  label: string;
}

export interface MetaResponse {
  locale: Locale;
  /** The center's IANA time zone (`CENTER_TIMEZONE`). */
  timezone: string;
  /**
   * Minutes the center's clock is ahead of UTC now (+480 for Asia/Shanghai), so the app can show wall-clock
   * times without time-zone data of its own. A zone with DST reports the offset in force when meta was asked.
   */
  utcOffsetMinutes: number;
  topics: MetaOption[];
  industries: MetaOption[];
  keySectors: MetaOption[];
  degrees: MetaOption[];
  employerTypes: MetaOption[];
  appointmentModes: MetaOption[];
  /** True when `POST /api/auth/dev-login` is honoured (never in production). */
  devLogin: boolean;
}
