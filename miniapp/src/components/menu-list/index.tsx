import { Text, View } from '@tarojs/components';
import { Cell, CellGroup } from '@/components/nutui';
import './index.scss';

export interface MenuItem {
  key: string;
  title: string;
  value?: string;
  tone?: 'danger';
  onClick: () => void;
}

/** A card of tappable rows (settings-style), built on NutUI Cell. */
export function MenuList({ items }: { items: MenuItem[] }) {
  return (
    <View className="menu-list">
      <CellGroup>
        {items.map((item) => (
          <Cell
            key={item.key}
            className={`menu-list__item ${item.tone ? `menu-list__item--${item.tone}` : ''}`}
            title={<Text className="menu-list__title">{item.title}</Text>}
            extra={
              item.tone ? null : (
                <View className="menu-list__extra">
                  {item.value ? <Text className="menu-list__value">{item.value}</Text> : null}
                  <View className="menu-list__chevron" />
                </View>
              )
            }
            align="center"
            clickable
            onClick={item.onClick}
          />
        ))}
      </CellGroup>
    </View>
  );
}
