import { Input, Picker, Text, Textarea, View } from '@tarojs/components';
import {
  APPLY_METHODS,
  ApplyMethod,
  DEGREES,
  EMPLOYER_TYPES,
  INDUSTRIES,
  JOB_LIMITS,
  KEY_SECTORS,
} from '@careerside/shared';
import { useI18n } from '@/i18n';
import { useCenterClock } from '@/features/meta/use-center-clock';
import type { PostingField, PostingFormValues } from '@/features/jobs/posting-form';
import { FormField } from '@/components/form-field';
import { OptionChips } from '@/components/option-chips';
import './index.scss';

const ANY = 'any';

/** Every field of a posting, for staff (editor) and employers (public form); the caller keeps the values. */
export function PostingForm({
  values,
  onChange,
  errors,
}: {
  values: PostingFormValues;
  onChange: (change: Partial<PostingFormValues>) => void;
  errors: Partial<Record<PostingField, string>>;
}) {
  const { t, label } = useI18n();
  const clock = useCenterClock();
  const s = t.staffJobs;
  const text = (
    field: PostingField,
    caption: string,
    options: { max: number; type?: 'text' | 'number' | 'digit'; placeholder?: string },
  ) => (
    <FormField label={caption} error={errors[field]} testId={field}>
      <Input
        className="form-field__input"
        placeholderClass="form-field__placeholder"
        type={options.type ?? 'text'}
        value={values[field] as string}
        maxlength={options.max}
        placeholder={options.placeholder}
        onInput={(event) => onChange({ [field]: event.detail.value })}
      />
    </FormField>
  );
  const today = clock.today();
  const methodLabel: Record<ApplyMethod, string> = {
    link: t.jobs.applyLink,
    email: t.jobs.applyEmail,
    on_site: t.jobs.applyOnSite,
  };

  return (
    <View className="posting-form">
      <Text className="posting-form__section">{s.basicSection}</Text>
      <View className="posting-form__card">
        {text('title', s.titleLabel, { max: JOB_LIMITS.titleMax })}
        {text('employer', s.employerLabel, { max: JOB_LIMITS.employerMax })}
        <FormField label={s.employerType} error={errors.employerType} testId="employerType">
          <OptionChips
            options={EMPLOYER_TYPES.map((entry) => ({
              value: entry.code,
              label: label(EMPLOYER_TYPES, entry.code),
            }))}
            selected={[values.employerType]}
            onChange={([employerType]) => onChange({ employerType: employerType })}
          />
        </FormField>
        <FormField label={s.industry} error={errors.industry} testId="industry">
          <OptionChips
            options={INDUSTRIES.map((entry) => ({ value: entry.code, label: label(INDUSTRIES, entry.code) }))}
            selected={values.industry ? [values.industry] : []}
            onChange={([industry]) => onChange({ industry: industry })}
          />
        </FormField>
        <FormField label={s.keySectors} error={errors.keySectors} testId="keySectors">
          <View className="posting-form__stack">
            <OptionChips
              multiple
              options={KEY_SECTORS.map((entry) => ({
                value: entry.code,
                label: label(KEY_SECTORS, entry.code),
              }))}
              selected={values.keySectors}
              onChange={(keySectors) => onChange({ keySectors: keySectors })}
            />
            <Text className="posting-form__hint">{s.keySectorsHint}</Text>
          </View>
        </FormField>
        {text('locations', s.locations, { max: 200, placeholder: s.locationsHint })}
      </View>

      <Text className="posting-form__section">{s.requirementSection}</Text>
      <View className="posting-form__card">
        <FormField label={s.degree} error={errors.degree} testId="degree">
          <OptionChips
            options={[
              { value: ANY, label: s.anyDegree },
              ...DEGREES.map((entry) => ({ value: entry.code, label: label(DEGREES, entry.code) })),
            ]}
            selected={[values.degree || ANY]}
            onChange={([degree]) => onChange({ degree: degree === ANY ? '' : degree })}
          />
        </FormField>
        {text('majors', s.majors, { max: 400, placeholder: s.majorsHint })}
        {text('salaryMin', s.salaryMin, { max: 7, type: 'number' })}
        {text('salaryMax', s.salaryMax, { max: 7, type: 'number' })}
        {text('headcount', s.headcount, { max: 6, type: 'number' })}
        <FormField label={s.deadline} error={errors.deadline} testId="deadline">
          <Picker
            mode="date"
            value={values.deadline || today}
            start={today}
            onChange={(event) => onChange({ deadline: String(event.detail.value) })}
          >
            <View className="posting-form__picker">
              <Text className={values.deadline ? 'posting-form__picked' : 'posting-form__placeholder'}>
                {values.deadline || s.pickDate}
              </Text>
            </View>
          </Picker>
        </FormField>
        <FormField label={s.description} error={errors.description} testId="description">
          <Textarea
            className="form-field__input posting-form__textarea"
            value={values.description}
            maxlength={JOB_LIMITS.descriptionMax}
            onInput={(event) => onChange({ description: event.detail.value })}
          />
        </FormField>
      </View>

      <Text className="posting-form__section">{s.applySection}</Text>
      <View className="posting-form__card">
        <FormField label={s.applyMethod} error={errors.applyMethod} testId="applyMethod">
          <OptionChips
            options={APPLY_METHODS.map((value) => ({ value, label: methodLabel[value] }))}
            selected={[values.applyMethod]}
            onChange={([applyMethod]) => onChange({ applyMethod })}
          />
        </FormField>
        {values.applyMethod === ApplyMethod.Link
          ? text('applyUrl', s.applyUrl, { max: JOB_LIMITS.applyUrlMax, placeholder: 'https://' })
          : null}
        {values.applyMethod === ApplyMethod.Email
          ? text('applyEmail', s.applyEmail, { max: JOB_LIMITS.applyEmailMax })
          : null}
        {values.applyMethod === ApplyMethod.OnSite
          ? text('applyAddress', s.applyAddress, { max: JOB_LIMITS.applyAddressMax })
          : null}
      </View>
    </View>
  );
}
