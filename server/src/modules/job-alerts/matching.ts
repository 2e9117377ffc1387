import { AlertFrequency, DEGREES, type Degree, type Industry, type KeySector } from '@careerside/shared';

// The matching rules, stated twice: once as a plain function (the reference the tests compare against) and
// once as the SQL condition that publishing runs over every student's preferences at once.

export interface MatchableJob {
  industry: Industry;
  keySectors: readonly KeySector[];
  /** Normalized location keys; empty = open anywhere. */
  locationKeys: readonly string[];
  /** The lowest degree accepted; null = any. */
  degree: Degree | null;
  /** The posting's normalized search text. */
  searchText: string;
}

export interface AlertPreferences {
  frequency: AlertFrequency;
  industries: readonly Industry[];
  keySectors: readonly KeySector[];
  locationKeys: readonly string[];
  /** Normalized like search text. */
  keywords: readonly string[];
  /** The student's degree; null = no condition. */
  degree: Degree | null;
}

const RANK = new Map(DEGREES.map((entry, index) => [entry.code, index]));

/** Degrees at least as high as this one (who may apply when it is the minimum). */
export function degreesAtOrAbove(degree: Degree): Degree[] {
  const rank = RANK.get(degree) ?? 0;
  return DEGREES.filter((_, index) => index >= rank).map((entry) => entry.code);
}

/** Degrees up to this one (minimums a student with this degree meets). */
export function degreesAtOrBelow(degree: Degree): Degree[] {
  const rank = RANK.get(degree) ?? 0;
  return DEGREES.filter((_, index) => index <= rank).map((entry) => entry.code);
}

/**
 * Whether a student hears of a posting. Each field with an empty list places no condition; otherwise the
 * posting needs one of the listed values: its industry, one of its key sectors, one of its locations (a
 * posting without locations is open anywhere), one keyword in its text. The student's degree must meet the
 * posting's minimum. Frequency off hears of nothing.
 */
export function matchesPreferences(job: MatchableJob, preferences: AlertPreferences): boolean {
  if (preferences.frequency === AlertFrequency.Off) return false;
  if (preferences.industries.length > 0 && !preferences.industries.includes(job.industry)) return false;
  if (
    preferences.keySectors.length > 0 &&
    !preferences.keySectors.some((sector) => job.keySectors.includes(sector))
  ) {
    return false;
  }
  if (
    preferences.locationKeys.length > 0 &&
    job.locationKeys.length > 0 &&
    !preferences.locationKeys.some((location) => job.locationKeys.includes(location))
  ) {
    return false;
  }
  if (
    preferences.keywords.length > 0 &&
    !preferences.keywords.some((keyword) => job.searchText.includes(keyword))
  ) {
    return false;
  }
  if (preferences.degree && job.degree && !degreesAtOrAbove(job.degree).includes(preferences.degree))
    return false;
  return true;
}

const list = (count: number) => Array.from({ length: count }, () => '?').join(', ');

/**
 * The same rules as a WHERE condition over `job_alert_settings s` (with `?` placeholders, valid on SQLite and
 * MySQL/MariaDB): one pass over the settings, each list an indexed EXISTS on its (user_id, value) key.
 */
export function matchingCondition(job: MatchableJob): { where: string; parameters: unknown[] } {
  const conditions = [`s.frequency <> '${AlertFrequency.Off}'`];
  const parameters: unknown[] = [];

  conditions.push(
    '(s.any_industry = 1 OR EXISTS (SELECT 1 FROM job_alert_industries i WHERE i.user_id = s.user_id AND i.industry = ?))',
  );
  parameters.push(job.industry);

  if (job.keySectors.length > 0) {
    conditions.push(
      `(s.any_key_sector = 1 OR EXISTS (SELECT 1 FROM job_alert_key_sectors k WHERE k.user_id = s.user_id AND k.key_sector IN (${list(job.keySectors.length)})))`,
    );
    parameters.push(...job.keySectors);
  } else {
    conditions.push('s.any_key_sector = 1');
  }

  // A posting without locations is open anywhere: no condition at all.
  if (job.locationKeys.length > 0) {
    conditions.push(
      `(s.any_location = 1 OR EXISTS (SELECT 1 FROM job_alert_locations l WHERE l.user_id = s.user_id AND l.location IN (${list(job.locationKeys.length)})))`,
    );
    parameters.push(...job.locationKeys);
  }

  // Keywords and search text are normalized alike; INSTR is a plain substring test on both databases.
  conditions.push(
    '(s.any_keyword = 1 OR EXISTS (SELECT 1 FROM job_alert_keywords w WHERE w.user_id = s.user_id AND INSTR(?, w.keyword) > 0))',
  );
  parameters.push(job.searchText);

  if (job.degree) {
    const accepted = degreesAtOrAbove(job.degree);
    conditions.push(`(s.degree IS NULL OR s.degree IN (${list(accepted.length)}))`);
    parameters.push(...accepted);
  }
  return { where: conditions.join('\n  AND '), parameters };
}
