import type { ReactNode } from 'react';
import { Text, View } from '@tarojs/components';
import './index.scss';

/** A labelled form row with its validation message underneath. */
export function FormField({
  label,
  error,
  children,
  testId,
}: {
  label: string;
  error?: string;
  children: ReactNode;
  testId?: string;
}) {
  return (
    <View className={`form-field ${error ? 'form-field--invalid' : ''}`} data-field={testId}>
      <Text className="form-field__label">{label}</Text>
      <View className="form-field__control">{children}</View>
      {error ? <Text className="form-field__error">{error}</Text> : null}
    </View>
  );
}
