import { useCallback, useState } from 'react';
import type { UserDto } from '@careerside/shared';
import { useI18n } from '@/i18n';
import { meApi } from '@/services/api/me.api';
import { isApiError } from '@/services/http/request';
import { updateSessionUser } from '@/features/auth/session.store';
import { describeError } from '@/features/errors/describe-error';
import { type ProfileField, type ProfileFormValues, toFormValues, toUpdateRequest } from './profile-form';

export type SaveResult = 'saved' | 'unchanged' | 'invalid' | 'failed';

/** Edit-profile state: values, per-field messages (the server's, under the field it names) and saving. */
export function useProfileForm(user: UserDto) {
  const { t } = useI18n();
  const [values, setValues] = useState<ProfileFormValues>(() => toFormValues(user.profile));
  const [fieldErrors, setFieldErrors] = useState<Partial<Record<ProfileField, string>>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);

  const setValue = useCallback(<F extends ProfileField>(field: F, value: ProfileFormValues[F]) => {
    setValues((previous) => ({ ...previous, [field]: value }));
    setFieldErrors((previous) => ({ ...previous, [field]: undefined }));
  }, []);

  const save = useCallback(async (): Promise<SaveResult> => {
    const { request, localErrors } = toUpdateRequest(values, user.profile);
    if (localErrors.graduationYear) {
      setFieldErrors({ graduationYear: t.profile.yearFormat });
      setFormError(t.profile.checkFields);
      return 'invalid';
    }
    if (Object.keys(request).length === 0) return 'unchanged';

    setSaving(true);
    setFormError(null);
    setFieldErrors({});
    try {
      const updated = await meApi.updateProfile(request);
      updateSessionUser(updated);
      return 'saved';
    } catch (error) {
      if (isApiError(error) && error.kind === 'http' && error.status === 400) {
        const byField = error.fieldErrors();
        const known = Object.keys(values).filter((field) => byField[field]) as ProfileField[];
        setFieldErrors(Object.fromEntries(known.map((field) => [field, byField[field]])));
        setFormError(known.length ? t.profile.checkFields : describeError(error, t));
        return 'invalid';
      }
      setFormError(describeError(error, t));
      return 'failed';
    } finally {
      setSaving(false);
    }
  }, [t, user.profile, values]);

  return { values, setValue, fieldErrors, formError, saving, save };
}
