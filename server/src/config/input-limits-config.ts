import type { EnvReader } from './env-reader';

/**
 * What a request body may hold before the server spends work on it (issue 11): refused in the JSON parser,
 * before class-transformer and class-validator walk it.
 */
export interface InputLimitsConfig {
  /** The body limit of ordinary JSON routes; routes marked @LargeJsonBody() (the CSV import) take BODY_LIMIT. */
  jsonBodyLimit: number;
  /** Deepest nesting of objects and lists; the top-level object is depth 1. */
  maxDepth: number;
  maxArrayLength: number;
  /** Values (objects, lists, strings, numbers, booleans, nulls) in the whole body. */
  maxItems: number;
  /** Longest string or key, in UTF-16 code units. */
  maxStringLength: number;
  /** A body of at least this many bytes counts against `largeBodyRateLimit`. */
  largeBodyBytes: number;
  /** Large bodies per minute per signed-in user (per client address when signed out), over all routes. */
  largeBodyRateLimit: number;
}

export function parseInputLimitsConfig(read: EnvReader, bodyLimit: number): InputLimitsConfig {
  const jsonBodyLimit = read.integer('JSON_BODY_LIMIT', Math.min(256 * 1024, bodyLimit), {
    min: 1024,
    max: 100 * 1024 * 1024,
  });
  if (jsonBodyLimit > bodyLimit) read.fail('JSON_BODY_LIMIT', `must not be above BODY_LIMIT (${bodyLimit})`);
  return {
    jsonBodyLimit: Math.min(jsonBodyLimit, bodyLimit),
    maxDepth: read.integer('JSON_MAX_DEPTH', 32, { min: 2, max: 1000 }),
    maxArrayLength: read.integer('JSON_MAX_ARRAY_LENGTH', 1000, { min: 1, max: 1_000_000 }),
    maxItems: read.integer('JSON_MAX_ITEMS', 5000, { min: 1, max: 10_000_000 }),
    maxStringLength: read.integer('JSON_MAX_STRING_LENGTH', 20_000, { min: 1, max: 100 * 1024 * 1024 }),
    largeBodyBytes: read.integer('LARGE_BODY_BYTES', 16 * 1024, { min: 1, max: 100 * 1024 * 1024 }),
    largeBodyRateLimit: read.integer('LARGE_BODY_RATE_LIMIT', 60, { min: 1, max: 1_000_000 }),
  };
}
