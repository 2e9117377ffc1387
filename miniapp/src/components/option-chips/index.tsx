import { Text, View } from '@tarojs/components';
import './index.scss';

export interface Option<V extends string> {
  value: V;
  label: string;
}

/** Wrapping choices: several may be on (`multiple`) or exactly one; a second tap on a single choice keeps it. */
export function OptionChips<V extends string>({
  options,
  selected,
  onChange,
  multiple = false,
  testId,
}: {
  options: readonly Option<V>[];
  selected: readonly V[];
  onChange: (next: V[]) => void;
  multiple?: boolean;
  testId?: string;
}) {
  const toggle = (value: V) => {
    if (!multiple) onChange([value]);
    else
      onChange(selected.includes(value) ? selected.filter((item) => item !== value) : [...selected, value]);
  };
  return (
    <View className="option-chips" data-field={testId}>
      {options.map((option) => (
        <Text
          key={option.value}
          className={`option-chips__chip ${selected.includes(option.value) ? 'option-chips__chip--on' : ''}`}
          data-value={option.value}
          onClick={() => toggle(option.value)}
        >
          {option.label}
        </Text>
      ))}
    </View>
  );
}
