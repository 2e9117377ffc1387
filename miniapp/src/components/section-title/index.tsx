import type { ReactNode } from 'react';
import { Text, View } from '@tarojs/components';
import './index.scss';

export function SectionTitle({ children, extra }: { children: ReactNode; extra?: ReactNode }) {
  return (
    <View className="section-title">
      <Text className="section-title__text">{children}</Text>
      {extra ? <View className="section-title__extra">{extra}</View> : null}
    </View>
  );
}
