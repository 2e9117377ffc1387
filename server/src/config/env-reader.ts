export interface ConfigIssue {
  variable: string;
  message: string;
}

export type RawEnv = Readonly<Record<string, string | undefined>>;

/** Reads typed values from a raw environment, collecting every problem instead of stopping at the first. */
export class EnvReader {
  readonly issues: ConfigIssue[] = [];

  constructor(private readonly env: RawEnv) {}

  /** The trimmed value, or undefined when unset or blank. */
  raw(name: string): string | undefined {
    const value = this.env[name]?.trim();
    return value ? value : undefined;
  }

  fail(variable: string, message: string): void {
    this.issues.push({ variable, message });
  }

  string(name: string, fallback: string): string {
    return this.raw(name) ?? fallback;
  }

  optionalString(name: string): string | null {
    return this.raw(name) ?? null;
  }

  integer(name: string, fallback: number, { min, max }: { min: number; max: number }): number {
    const value = this.raw(name);
    if (value === undefined) return fallback;
    const parsed = /^-?\d+$/.test(value) ? Number(value) : Number.NaN;
    if (!Number.isSafeInteger(parsed) || parsed < min || parsed > max) {
      this.fail(name, `must be an integer from ${min} to ${max} (got "${value}")`);
      return fallback;
    }
    return parsed;
  }

  boolean(name: string, fallback: boolean): boolean {
    const value = this.raw(name)?.toLowerCase();
    if (value === undefined) return fallback;
    if (['true', '1', 'yes', 'on'].includes(value)) return true;
    if (['false', '0', 'no', 'off'].includes(value)) return false;
    this.fail(name, `must be true or false (got "${this.raw(name)}")`);
    return fallback;
  }

  oneOf<const T extends readonly string[]>(name: string, allowed: T, fallback: T[number]): T[number] {
    const value = this.raw(name);
    if (value === undefined) return fallback;
    const isAllowed = (candidate: string): candidate is T[number] => allowed.includes(candidate);
    if (isAllowed(value)) return value;
    this.fail(name, `must be one of ${allowed.join(', ')} (got "${value}")`);
    return fallback;
  }

  list(name: string): string[] {
    const value = this.raw(name);
    if (value === undefined) return [];
    return value
      .split(',')
      .map((item) => item.trim())
      .filter((item) => item.length > 0);
  }

  /** An absolute http(s) URL without a trailing slash. */
  httpUrl(name: string, fallback: string): string {
    const value = this.raw(name) ?? fallback;
    let url: URL;
    try {
      url = new URL(value);
    } catch {
      this.fail(name, `must be an absolute URL such as https://example.edu.cn (got "${value}")`);
      return fallback.replace(/\/+$/, '');
    }
    if (url.protocol !== 'http:' && url.protocol !== 'https:') {
      this.fail(name, `must use http or https (got "${value}")`);
    }
    return value.replace(/\/+$/, '');
  }
}
