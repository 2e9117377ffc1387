import { useMemo } from 'react';
import { DEFAULT_LOCALE, Locale, type TaxonomyEntry } from '@careerside/shared';
import { createStore, useStore } from '@/utils/store';
import { StorageKey, readStorage, writeStorage } from '@/utils/storage';
import { format } from '@/utils/format';
import { enUS } from './en-US';
import type { Messages } from './messages';
import { zhCN } from './zh-CN';

export type { Messages } from './messages';
export { format };

const dictionaries: Record<Locale, Messages> = {
  [Locale.ZhCN]: zhCN,
  [Locale.EnUS]: enUS,
};

export const SUPPORTED_LOCALES: readonly Locale[] = [Locale.ZhCN, Locale.EnUS];

function initialLocale(): Locale {
  const stored = readStorage<string>(StorageKey.locale);
  return SUPPORTED_LOCALES.find((locale) => locale === stored) ?? DEFAULT_LOCALE;
}

export const localeStore = createStore<Locale>(initialLocale());

export function getLocale(): Locale {
  return localeStore.get();
}

export function getMessages(locale: Locale = localeStore.get()): Messages {
  return dictionaries[locale];
}

export function setLocale(locale: Locale): void {
  writeStorage(StorageKey.locale, locale);
  localeStore.set(locale);
}

/** The label of a shared taxonomy code in the given locale; the code itself if it is unknown. */
export function taxonomyLabel(entries: readonly TaxonomyEntry[], code: string, locale: Locale): string {
  return entries.find((entry) => entry.code === code)?.label[locale] ?? code;
}

export function useI18n() {
  const locale = useStore(localeStore);
  return useMemo(
    () => ({
      locale,
      t: dictionaries[locale],
      label: (entries: readonly TaxonomyEntry[], code: string) => taxonomyLabel(entries, code, locale),
    }),
    [locale],
  );
}
