import { Input, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import { JOB_LIMITS, type JobSubmissionReceipt } from '@careerside/shared';
import { useI18n } from '@/i18n';
import { usePageTitle } from '@/features/navigation/use-page-title';
import { describeError } from '@/features/errors/describe-error';
import {
  type PostingField,
  type PostingFormValues,
  emptyPosting,
  postingRequest,
} from '@/features/jobs/posting-form';
import { employerApi } from '@/services/api/jobs.api';
import { isApiError } from '@/services/http/request';
import { FormField } from '@/components/form-field';
import { PostingForm } from '@/components/posting-form';
import { Button } from '@/components/nutui';
import { PageRoute, withQuery } from '@/routes';
import { openPage } from '@/utils/navigation';
import '../employer.scss';

type ContactField = 'contactName' | 'contactPhone' | 'contactEmail';

/** The public form employers post a job with, no account needed; staff review it before students see it. */
export default function EmployerSubmitPage() {
  usePageTitle((t) => t.employer.submitTitle);
  const { t } = useI18n();
  const e = t.employer;
  const [values, setValues] = useState<PostingFormValues>(emptyPosting);
  const [contact, setContact] = useState<Record<ContactField, string>>({
    contactName: '',
    contactPhone: '',
    contactEmail: '',
  });
  const [errors, setErrors] = useState<Partial<Record<PostingField | ContactField, string>>>({});
  const [problem, setProblem] = useState<string | null>(null);
  const [sending, setSending] = useState(false);
  const [receipt, setReceipt] = useState<JobSubmissionReceipt | null>(null);

  const submit = async () => {
    const { request, invalid } = postingRequest(values);
    if (invalid.length > 0) {
      setErrors(Object.fromEntries(invalid.map((field) => [field, t.staffJobs.numberInvalid])));
      setProblem(t.staffJobs.checkFields);
      return;
    }
    setSending(true);
    setProblem(null);
    setErrors({});
    try {
      setReceipt(
        await employerApi.submit({
          ...request,
          contactName: contact.contactName.trim(),
          contactPhone: contact.contactPhone.trim() || null,
          contactEmail: contact.contactEmail.trim() || null,
        }),
      );
      await Taro.pageScrollTo({ scrollTop: 0, duration: 0 }).catch(() => undefined);
    } catch (error) {
      if (isApiError(error) && error.isValidation) {
        const byField = error.fieldErrors();
        const fields = [...Object.keys(values), 'contactName', 'contactPhone', 'contactEmail'];
        setErrors(
          Object.fromEntries(
            fields.filter((field) => byField[field]).map((field) => [field, byField[field]]),
          ),
        );
        setProblem(t.staffJobs.checkFields);
      } else {
        setProblem(describeError(error, t));
      }
    } finally {
      setSending(false);
    }
  };

  if (receipt) {
    return (
      <View className="page employer">
        <View className="employer__card employer__done">
          <Text className="employer__done-mark">✓</Text>
          <Text className="employer__title">{e.submittedTitle}</Text>
          <Text className="employer__lead">{e.submittedBody}</Text>
          <Text className="employer__label">{e.statusLink}</Text>
          <Text className="employer__link" userSelect>
            {receipt.statusUrl}
          </Text>
          <View className="employer__buttons">
            <Button
              size="small"
              onClick={() =>
                void Taro.setClipboardData({ data: receipt.statusUrl }).then(() =>
                  Taro.showToast({ title: t.jobs.copied, icon: 'success' }),
                )
              }
            >
              {e.copyLink}
            </Button>
            <Button
              size="small"
              type="primary"
              onClick={() => void openPage(withQuery(PageRoute.employerStatus, { token: receipt.token }))}
            >
              {e.viewStatus}
            </Button>
          </View>
          <Text
            className="employer__again"
            onClick={() => {
              setReceipt(null);
              setValues(emptyPosting());
            }}
          >
            {e.submitAnother}
          </Text>
        </View>
      </View>
    );
  }

  const contactInput = (field: ContactField, label: string, max: number) => (
    <FormField label={label} error={errors[field]} testId={field}>
      <Input
        className="form-field__input"
        value={contact[field]}
        maxlength={max}
        onInput={(event) => {
          const value = event.detail.value;
          setContact((current) => ({ ...current, [field]: value }));
        }}
      />
    </FormField>
  );

  return (
    <View className="page employer">
      <View className="employer__intro">
        <Text className="employer__title">{e.submitTitle}</Text>
        <Text className="employer__lead">{e.submitLead}</Text>
      </View>
      <PostingForm
        values={values}
        onChange={(change) => setValues((current) => ({ ...current, ...change }))}
        errors={errors}
      />
      <Text className="employer__section">{e.contactSection}</Text>
      <View className="employer__card employer__contact">
        {contactInput('contactName', e.contactName, JOB_LIMITS.contactNameMax)}
        {contactInput('contactPhone', e.contactPhone, JOB_LIMITS.contactPhoneMax)}
        {contactInput('contactEmail', e.contactEmail, JOB_LIMITS.applyEmailMax)}
        <Text className="employer__hint">{e.contactHint}</Text>
      </View>
      {problem ? <Text className="employer__problem">{problem}</Text> : null}
      <Button
        className="employer__submit"
        type="primary"
        size="large"
        block
        loading={sending}
        disabled={sending}
        onClick={() => void submit()}
      >
        {sending ? e.submitting : e.submit}
      </Button>
    </View>
  );
}
