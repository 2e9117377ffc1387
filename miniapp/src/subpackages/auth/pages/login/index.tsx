import { useState } from 'react';
import { Image, Input, Text, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { ROLES, type Role } from '@careerside/shared';
import { useI18n } from '@/i18n';
import { platformLogin } from '@/platform/login';
import { usePageTitle } from '@/features/navigation/use-page-title';
import { useMeta } from '@/features/meta/meta.resource';
import { leaveSignIn } from '@/features/auth/sign-in';
import { useSignIn } from '@/features/auth/use-sign-in';
import { describeError } from '@/features/errors/describe-error';
import { FormField } from '@/components/form-field';
import { ErrorState, LoadingState } from '@/components/state-views';
import { Button } from '@/components/nutui';
import logo from '@/assets/icons/entry-home.png';
import './index.scss';

export default function LoginPage() {
  usePageTitle((t) => t.titles.login);
  const { t } = useI18n();
  const { params } = useRouter<{ redirect?: string; reason?: string }>();
  const redirect = params.redirect ? decodeURIComponent(params.redirect) : undefined;
  const meta = useMeta();
  const signIn = useSignIn();
  const [role, setRole] = useState<Role>('student');
  const [name, setName] = useState('');

  const offersWechat = platformLogin.methods.includes('wechat');
  const offersDev = platformLogin.methods.includes('dev');

  const finish = async (ok: boolean) => {
    if (!ok) return;
    await Taro.showToast({ title: t.login.success, icon: 'success', duration: 800 });
    await leaveSignIn(redirect);
  };

  const devSection = () => {
    if (!offersDev) return null;
    if (meta.status === 'success') {
      if (!meta.data.devLogin) return null;
      return (
        <View className="login__card login__dev">
          <Text className="login__card-title">{t.login.devTitle}</Text>
          <Text className="login__card-hint">{t.login.devHint}</Text>
          <FormField label={t.login.roleLabel}>
            <View className="login__roles">
              {ROLES.map((option) => (
                <View
                  key={option}
                  className={`login__role ${option === role ? 'login__role--active' : ''}`}
                  onClick={() => setRole(option)}
                >
                  <Text>{t.roles[option]}</Text>
                </View>
              ))}
            </View>
          </FormField>
          <FormField label={t.login.nameLabel}>
            <Input
              className="form-field__input"
              placeholderClass="form-field__placeholder"
              value={name}
              maxlength={40}
              placeholder={t.login.namePlaceholder}
              onInput={(event) => setName(event.detail.value)}
            />
          </FormField>
          <Button
            className="login__submit"
            type="primary"
            size="large"
            block
            loading={signIn.pending === 'dev'}
            disabled={signIn.pending !== null}
            onClick={() => void signIn.dev(role, name).then(finish)}
          >
            {signIn.pending === 'dev' ? t.login.signingIn : t.login.devButton}
          </Button>
        </View>
      );
    }
    if (meta.status === 'error')
      return <ErrorState message={describeError(meta.error, t)} onRetry={meta.reload} />;
    return <LoadingState blocks={1} />;
  };

  const devUnavailable = !offersWechat && meta.status === 'success' && !meta.data.devLogin;

  return (
    <View className="page login">
      <View className="login__brand">
        <View className="login__logo">
          <Image className="login__logo-image" src={logo} mode="scaleToFill" />
        </View>
        <Text className="login__title">{t.login.title}</Text>
        <Text className="login__subtitle">{t.login.subtitle}</Text>
      </View>

      {params.reason === 'expired' ? <Text className="login__notice">{t.errors.sessionExpired}</Text> : null}

      {offersWechat ? (
        <View className="login__card">
          <Button
            type="primary"
            size="large"
            block
            loading={signIn.pending === 'wechat'}
            disabled={signIn.pending !== null}
            onClick={() => void signIn.wechat().then(finish)}
          >
            {signIn.pending === 'wechat' ? t.login.signingIn : t.login.wechatButton}
          </Button>
          <Text className="login__card-hint login__card-hint--center">{t.login.wechatHint}</Text>
        </View>
      ) : null}

      {devSection()}

      {devUnavailable ? (
        <View className="login__card">
          <Text className="login__card-title">{t.login.unavailableTitle}</Text>
          <Text className="login__card-hint">{t.login.unavailableBody}</Text>
        </View>
      ) : null}

      {signIn.error ? <Text className="login__error">{signIn.error}</Text> : null}
    </View>
  );
}
