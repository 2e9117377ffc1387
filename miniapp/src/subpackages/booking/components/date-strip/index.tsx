import { ScrollView, Text, View } from '@tarojs/components';
import { format, useI18n } from '@/i18n';
import { monthDay, weekdayOf } from '@/utils/center-time';
import './index.scss';

/** A sideways strip of dates; a dot marks days with a bookable time. */
export function DateStrip({
  dates,
  selected,
  today,
  withSeats,
  onSelect,
}: {
  dates: string[];
  selected: string;
  today: string;
  withSeats: ReadonlySet<string>;
  onSelect: (date: string) => void;
}) {
  const { t } = useI18n();
  return (
    <ScrollView
      className="date-strip"
      scrollX
      enhanced
      showScrollbar={false}
      scrollIntoView={`day-${selected}`}
    >
      <View className="date-strip__row">
        {dates.map((date) => {
          const { month, day } = monthDay(date);
          return (
            <View
              key={date}
              id={`day-${date}`}
              data-date={date}
              className={`date-strip__day ${date === selected ? 'date-strip__day--active' : ''}`}
              onClick={() => onSelect(date)}
            >
              <Text className="date-strip__weekday">
                {date === today ? t.booking.today : t.booking.weekdays[weekdayOf(date) - 1]}
              </Text>
              <Text className="date-strip__date">{format(t.booking.monthDay, { month, day })}</Text>
              <View className={`date-strip__dot ${withSeats.has(date) ? 'date-strip__dot--on' : ''}`} />
            </View>
          );
        })}
      </View>
    </ScrollView>
  );
}
