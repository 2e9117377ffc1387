import { Text, View } from '@tarojs/components';
import type { SlotDto } from '@careerside/shared';
import { format, useI18n } from '@/i18n';
import { useCenterClock } from '@/features/meta/use-center-clock';
import './index.scss';

/** One day's times: seats left, full (tap to join the waitlist) or closed; group sessions on their own row. */
export function SlotGrid({ slots, onPick }: { slots: SlotDto[]; onPick: (slot: SlotDto) => void }) {
  const { t } = useI18n();
  const clock = useCenterClock();
  const state = (slot: SlotDto) =>
    slot.availability === 'available'
      ? format(t.booking.remaining, { count: slot.remaining })
      : slot.availability === 'full'
        ? `${t.booking.full} · ${t.booking.joinWaitlist}`
        : t.booking.closed;
  const individual = slots.filter((slot) => slot.capacity === 1);
  const groups = slots.filter((slot) => slot.capacity > 1);
  return (
    <View className="slot-grid">
      {groups.map((slot) => (
        <View
          key={slot.id}
          className={`slot-grid__group slot--${slot.availability}`}
          data-slot={slot.id}
          onClick={() => slot.availability !== 'closed' && onPick(slot)}
        >
          <View className="slot-grid__group-head">
            <Text className="slot-grid__badge">{t.booking.workshop}</Text>
            <Text className="slot-grid__group-title">{slot.title ?? ''}</Text>
          </View>
          <Text className="slot-grid__group-meta">
            {clock.time(slot.startsAt)}–{clock.time(slot.endsAt)} · {slot.location ?? ''} ·{' '}
            {format(t.booking.seats, { count: slot.capacity })}
          </Text>
          <Text className="slot-grid__state">{state(slot)}</Text>
        </View>
      ))}
      <View className="slot-grid__cells">
        {individual.map((slot) => (
          <View
            key={slot.id}
            className={`slot-grid__cell slot--${slot.availability}`}
            data-slot={slot.id}
            onClick={() => slot.availability !== 'closed' && onPick(slot)}
          >
            <Text className="slot-grid__time">{clock.time(slot.startsAt)}</Text>
            <Text className="slot-grid__state">{state(slot)}</Text>
          </View>
        ))}
      </View>
    </View>
  );
}
