import { Input, Text, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { useState } from 'react';
import { useI18n } from '@/i18n';
import { usePageTitle } from '@/features/navigation/use-page-title';
import { useRequireSignIn } from '@/features/auth/use-require-sign-in';
import { updateSessionUser } from '@/features/auth/session.store';
import { describeError } from '@/features/errors/describe-error';
import { counselorApi } from '@/services/api/counselor.api';
import { FormField } from '@/components/form-field';
import { Button } from '@/components/nutui';
import { PageRoute } from '@/routes';
import '../counselor.scss';

/** Redeems a counselor invite (typed, or carried in the QR code's page link) and opens the day view. */
export default function CounselorJoinPage() {
  usePageTitle((t) => t.counselor.joinTitle);
  useRequireSignIn();
  const { t } = useI18n();
  const { params } = useRouter();
  const [code, setCode] = useState(params.code ? decodeURIComponent(params.code) : '');
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const join = async () => {
    setBusy(true);
    setProblem(null);
    try {
      updateSessionUser(await counselorApi.acceptInvite(code.trim()));
      await Taro.showToast({ title: t.counselor.joined, icon: 'success' });
      await Taro.redirectTo({ url: PageRoute.counselorToday });
    } catch (error) {
      setProblem(describeError(error, t));
    } finally {
      setBusy(false);
    }
  };

  return (
    <View className="page counselor">
      <View className="counselor__card">
        <Text className="counselor__hint">{t.counselor.joinLead}</Text>
        <FormField label={t.counselor.inviteCode} testId="code">
          <Input
            className="form-field__input"
            value={code}
            maxlength={16}
            onInput={(event) => setCode(event.detail.value.toUpperCase())}
          />
        </FormField>
        {problem ? <Text className="counselor__problem">{problem}</Text> : null}
        <Button type="primary" block disabled={busy || code.trim().length < 6} onClick={() => void join()}>
          {t.counselor.join}
        </Button>
      </View>
    </View>
  );
}
