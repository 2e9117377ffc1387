export const Locale = {
  ZhCN: 'zh-CN',
  EnUS: 'en-US',
} as const;
export type Locale = (typeof Locale)[keyof typeof Locale];
export const DEFAULT_LOCALE: Locale = Locale.ZhCN;

/** Picks the supported locale for an Accept-Language header or a `lang` value; Chinese unless English is asked for. */
export function resolveLocale(value: string | null | undefined): Locale {
  return value && /^en\b/i.test(value.trim()) ? Locale.EnUS : Locale.ZhCN;
}
