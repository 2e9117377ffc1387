import { Text, View } from '@tarojs/components';
import { Locale } from '@careerside/shared';
import { SUPPORTED_LOCALES, setLocale, useI18n } from '@/i18n';
import { usePageTitle } from '@/features/navigation/use-page-title';
import './index.scss';

export default function LanguagePage() {
  usePageTitle((t) => t.titles.language);
  const { t, locale } = useI18n();
  const names: Record<Locale, string> = { [Locale.ZhCN]: t.language.zhCN, [Locale.EnUS]: t.language.enUS };

  return (
    <View className="page">
      <View className="language">
        {SUPPORTED_LOCALES.map((option) => (
          <View
            key={option}
            className={`language__option ${option === locale ? 'language__option--active' : ''}`}
            onClick={() => setLocale(option)}
          >
            <Text className="language__name">{names[option]}</Text>
            {option === locale ? <View className="language__check" /> : null}
          </View>
        ))}
      </View>
      <Text className="language__hint">{t.language.hint}</Text>
    </View>
  );
}
