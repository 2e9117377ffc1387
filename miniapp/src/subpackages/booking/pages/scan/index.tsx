import { Input, Text, View } from '@tarojs/components';
import { useState } from 'react';
import { useI18n } from '@/i18n';
import { usePageTitle } from '@/features/navigation/use-page-title';
import { parseScanned } from '@/features/booking/scan-target';
import { openScanTarget } from '@/features/booking/scan';
import { FormField } from '@/components/form-field';
import { Button } from '@/components/nutui';
import './index.scss';

/** 扫一扫 where there is no camera scanner (the web app): type the poster's code or paste the link. */
export default function ScanPage() {
  usePageTitle((t) => t.booking.scanManualTitle);
  const { t } = useI18n();
  const [text, setText] = useState('');
  const [problem, setProblem] = useState<string | null>(null);

  const open = () => {
    const target = parseScanned(text);
    if (!target) {
      setProblem(t.booking.scanUnrecognized);
      return;
    }
    void openScanTarget(target);
  };

  return (
    <View className="page scan">
      <Text className="scan__hint">{t.booking.scanManualHint}</Text>
      <View className="scan__card">
        <FormField label={t.booking.scanManualTitle} error={problem ?? undefined} testId="code">
          <Input
            className="form-field__input"
            placeholderClass="form-field__placeholder"
            value={text}
            maxlength={300}
            placeholder={t.booking.scanManualPlaceholder}
            onInput={(event) => {
              setText(event.detail.value);
              setProblem(null);
            }}
            onConfirm={open}
          />
        </FormField>
      </View>
      <Button className="scan__submit" type="primary" block disabled={!text.trim()} onClick={open}>
        {t.booking.scanManualSubmit}
      </Button>
    </View>
  );
}
