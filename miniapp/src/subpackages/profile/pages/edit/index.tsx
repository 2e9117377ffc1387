import { Input, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { DEGREES, Role, type UserDto } from '@careerside/shared';
import { useI18n } from '@/i18n';
import { usePageTitle } from '@/features/navigation/use-page-title';
import { useRequireSignIn } from '@/features/auth/use-require-sign-in';
import { useCurrentUser } from '@/features/profile/current-user';
import { useProfileForm } from '@/features/profile/use-profile-form';
import type { ProfileField } from '@/features/profile/profile-form';
import { describeError } from '@/features/errors/describe-error';
import { FormField } from '@/components/form-field';
import { ErrorState, LoadingState } from '@/components/state-views';
import { Button } from '@/components/nutui';
import './index.scss';

type TextField = Exclude<ProfileField, 'degree'>;

function ProfileForm({ user }: { user: UserDto }) {
  const { t, label } = useI18n();
  const form = useProfileForm(user);
  const isStudent = user.role === Role.Student;

  const textInput = (field: TextField, placeholder: string, type: 'text' | 'number' = 'text') => (
    <FormField label={t.profile[field]} error={form.fieldErrors[field]} testId={field}>
      <Input
        className="form-field__input"
        placeholderClass="form-field__placeholder"
        type={type}
        value={form.values[field]}
        maxlength={field === 'graduationYear' ? 4 : 60}
        placeholder={placeholder}
        onInput={(event) => form.setValue(field, event.detail.value)}
      />
    </FormField>
  );

  const submit = async () => {
    const result = await form.save();
    if (result === 'saved') {
      await Taro.showToast({ title: t.profile.saved, icon: 'success', duration: 1000 });
      setTimeout(() => void Taro.navigateBack().catch(() => undefined), 600);
    } else if (result === 'unchanged') {
      await Taro.navigateBack().catch(() => undefined);
    }
  };

  return (
    <View className="profile-edit">
      <Text className="profile-edit__section">{t.profile.basicSection}</Text>
      <View className="profile-edit__card">
        {textInput('name', t.profile.namePlaceholder)}
        {isStudent ? textInput('studentNumber', t.profile.studentNumberPlaceholder) : null}
      </View>

      {isStudent ? (
        <>
          <Text className="profile-edit__section">{t.profile.studySection}</Text>
          <View className="profile-edit__card">
            {textInput('college', t.profile.collegePlaceholder)}
            {textInput('major', t.profile.majorPlaceholder)}
            <FormField label={t.profile.degree} error={form.fieldErrors.degree} testId="degree">
              <View className="profile-edit__degrees">
                {DEGREES.map((degree) => (
                  <View
                    key={degree.code}
                    className={`profile-edit__degree ${
                      form.values.degree === degree.code ? 'profile-edit__degree--active' : ''
                    }`}
                    onClick={() =>
                      form.setValue('degree', form.values.degree === degree.code ? null : degree.code)
                    }
                  >
                    <Text>{label(DEGREES, degree.code)}</Text>
                  </View>
                ))}
              </View>
            </FormField>
            {textInput('graduationYear', t.profile.graduationYearPlaceholder, 'number')}
          </View>
          <Text className="profile-edit__hint">{t.profile.studyHint}</Text>
        </>
      ) : null}

      {form.formError ? <Text className="profile-edit__error">{form.formError}</Text> : null}

      <Button
        className="profile-edit__save"
        type="primary"
        size="large"
        block
        loading={form.saving}
        disabled={form.saving}
        onClick={() => void submit()}
      >
        {form.saving ? t.common.saving : t.common.save}
      </Button>
    </View>
  );
}

export default function ProfileEditPage() {
  usePageTitle((t) => t.titles.profileEdit);
  useRequireSignIn();
  const { t } = useI18n();
  const { user, fresh, refresh, reload } = useCurrentUser();

  return (
    <View className="page">
      {user && fresh ? (
        <ProfileForm key={user.id} user={user} />
      ) : refresh.status === 'error' ? (
        <ErrorState message={describeError(refresh.error, t)} onRetry={reload} />
      ) : (
        <LoadingState blocks={2} />
      )}
    </View>
  );
}
