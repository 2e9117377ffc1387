import { describe, expect, it } from '@jest/globals';
import { EnvReader } from './env-reader';
import { parseInputLimitsConfig } from './input-limits-config';

describe(parseInputLimitsConfig.name, () => {
  it('defaults to 256 KiB JSON bodies, depth 32, 1000 items a list, 5000 values, 20,000 characters, 60 large bodies a minute', () => {
    const read = new EnvReader({});
    expect(parseInputLimitsConfig(read, 1024 * 1024)).toEqual({
      jsonBodyLimit: 256 * 1024,
      maxDepth: 32,
      maxArrayLength: 1000,
      maxItems: 5000,
      maxStringLength: 20_000,
      largeBodyBytes: 16 * 1024,
      largeBodyRateLimit: 60,
    });
    expect(read.issues).toEqual([]);
  });

  it('keeps the JSON limit within BODY_LIMIT and names each bad setting', () => {
    expect(parseInputLimitsConfig(new EnvReader({}), 4096).jsonBodyLimit).toBe(4096);
    const bad = new EnvReader({
      JSON_BODY_LIMIT: '8192',
      JSON_MAX_DEPTH: '1',
      LARGE_BODY_RATE_LIMIT: 'many',
    });
    parseInputLimitsConfig(bad, 4096);
    expect(bad.issues.map((issue) => issue.variable)).toEqual([
      'JSON_BODY_LIMIT',
      'JSON_MAX_DEPTH',
      'LARGE_BODY_RATE_LIMIT',
    ]);
  });
});
