import { Input, Text, View } from '@tarojs/components';
import { useState } from 'react';
import { Button } from '@/components/nutui';
import { splitList } from '@/features/jobs/job-format';
import './index.scss';

/** A short list of typed values: type (several at once with 、 or commas), add, tap × to remove. */
export function TagInput({
  values,
  onChange,
  placeholder,
  addLabel,
  maxItems,
  maxLength,
  testId,
}: {
  values: readonly string[];
  onChange: (next: string[]) => void;
  placeholder: string;
  addLabel: string;
  maxItems: number;
  maxLength: number;
  testId?: string;
}) {
  const [draft, setDraft] = useState('');
  const add = () => {
    const added = splitList(draft).filter((item) => !values.includes(item));
    if (added.length === 0) return;
    onChange([...values, ...added].slice(0, maxItems));
    setDraft('');
  };
  return (
    <View className="tag-input" data-field={testId}>
      {values.length > 0 ? (
        <View className="tag-input__tags">
          {values.map((value) => (
            <View
              key={value}
              className="tag-input__tag"
              onClick={() => onChange(values.filter((item) => item !== value))}
            >
              <Text>{value}</Text>
              <Text className="tag-input__remove">×</Text>
            </View>
          ))}
        </View>
      ) : null}
      <View className="tag-input__row">
        <Input
          className="tag-input__input"
          value={draft}
          maxlength={maxLength * 3}
          placeholder={placeholder}
          onInput={(event) => setDraft(event.detail.value)}
          onConfirm={add}
        />
        <Button size="small" disabled={values.length >= maxItems} onClick={add}>
          {addLabel}
        </Button>
      </View>
    </View>
  );
}
