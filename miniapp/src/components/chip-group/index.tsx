import { ScrollView, Text, View } from '@tarojs/components';
import './index.scss';

export interface Chip {
  value: string;
  label: string;
}

/** A row of choices, one selected; scrolls sideways when it does not fit. */
export function ChipGroup({
  chips,
  selected,
  onSelect,
  wrap = false,
}: {
  chips: Chip[];
  selected: string;
  onSelect: (value: string) => void;
  wrap?: boolean;
}) {
  const items = chips.map((chip) => (
    <View
      key={chip.value}
      className={`chip ${chip.value === selected ? 'chip--active' : ''}`}
      data-value={chip.value}
      onClick={() => onSelect(chip.value)}
    >
      <Text>{chip.label}</Text>
    </View>
  ));
  if (wrap) return <View className="chip-group chip-group--wrap">{items}</View>;
  return (
    <ScrollView className="chip-group" scrollX enhanced showScrollbar={false}>
      <View className="chip-group__row">{items}</View>
    </ScrollView>
  );
}
