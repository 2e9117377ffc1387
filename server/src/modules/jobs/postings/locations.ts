// Locations are free text (cities, provinces, regions). Postings and alert preferences are compared on a
// normalized key, so 北京 matches 北京市 and Ｘi'an matches xi'an; words that mean "anywhere" mean no location.

const ANYWHERE = new Set(['全国', '不限', '不限地点', '全国各地', '各地', 'anywhere', 'nationwide', 'any']);
const ADMIN_SUFFIX = /(市|省|地区)$/u;

/** Trimmed, inner whitespace collapsed: how a location is shown. */
export function cleanLocation(value: string): string {
  return value.normalize('NFKC').replace(/\s+/gu, ' ').trim();
}

/** The matching key: lower-case NFKC without a trailing 市/省/地区 (when a name remains). */
export function locationKey(value: string): string {
  const cleaned = cleanLocation(value).toLowerCase();
  const stripped = cleaned.replace(ADMIN_SUFFIX, '');
  return [...stripped].length >= 2 ? stripped : cleaned;
}

export function meansAnywhere(value: string): boolean {
  return ANYWHERE.has(cleanLocation(value).toLowerCase());
}

/**
 * The locations to show and their distinct matching keys. "Anywhere" words and blanks are dropped, so a
 * posting listing only 全国 has no locations: it is open anywhere.
 */
export function normalizeLocations(values: readonly string[]): { shown: string[]; keys: string[] } {
  const shown: string[] = [];
  const keys: string[] = [];
  for (const value of values) {
    const cleaned = cleanLocation(value);
    if (!cleaned || meansAnywhere(cleaned)) continue;
    const key = locationKey(cleaned);
    if (keys.includes(key)) continue;
    keys.push(key);
    shown.push(cleaned);
  }
  return { shown, keys };
}
