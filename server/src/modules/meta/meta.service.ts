import { Injectable } from '@nestjs/common';
import {
  type Locale,
  type MetaOption,
  type MetaResponse,
  TAXONOMIES,
  type TaxonomyEntry,
} from '@careerside/shared';
import { utcOffsetMinutes } from '../../common/time/zoned-time';
import type { AppConfig } from '../../config/app-config';
import { InjectConfig } from '../../config/inject-config.decorator';

@Injectable()
export class MetaService {
  constructor(@InjectConfig() private readonly config: AppConfig) {}

  /** The shared taxonomies as `{ code, label }` lists in one locale, plus the settings the app adapts to. */
  describe(locale: Locale, now: Date = new Date()): MetaResponse {
    const options = (entries: readonly TaxonomyEntry[]): MetaOption[] =>
      entries.map((entry) => ({ code: entry.code, label: entry.label[locale] }));
    return {
      locale,
      timezone: this.config.center.timezone,
      // Asia/Shanghai has no DST. A zone with DST gets the offset of "now": what the app needs for today's date
      // (the day switcher) and for UTC times near now; slot and appointment times carry their own offset.
      utcOffsetMinutes: utcOffsetMinutes(now, this.config.center.timezone),
      topics: options(TAXONOMIES.topics),
      industries: options(TAXONOMIES.industries),
      keySectors: options(TAXONOMIES.keySectors),
      degrees: options(TAXONOMIES.degrees),
      employerTypes: options(TAXONOMIES.employerTypes),
      appointmentModes: options(TAXONOMIES.appointmentModes),
      devLogin: this.config.auth.devLogin,
    };
  }
}
