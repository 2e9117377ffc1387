import type { Locale } from '../enums/locale.enum';

export interface MetaOption {
  code: string;
  label: string;
}

export interface MetaResponse {
  locale: Locale;
  timezone: string;
  topics: MetaOption[];
  industries: MetaOption[];
  keySectors: MetaOption[];
  degrees: MetaOption[];
  employerTypes: MetaOption[];
  appointmentModes: MetaOption[];
  /** True when `POST /api/auth/dev-login` is honoured (never in production). */
  devLogin: boolean;
}
