import { Text, View } from '@tarojs/components';
import type { SlotDto, WaitlistEntryDto } from '@careerside/shared';
import { format, useI18n } from '@/i18n';
import { useCenterClock } from '@/features/meta/use-center-clock';
import './index.scss';

/**
 * One day's times: seats left, full (tap to join the waitlist) or closed; group sessions on their own row.
 * `waiting` holds the student's own places in line by slot id: such a time says where they stand (or that a
 * seat is held for them) instead of offering the waitlist again. `mine` holds the slots the student has booked:
 * such a time says so instead of showing full.
 */
export function SlotGrid({
  slots,
  waiting,
  mine,
  onPick,
}: {
  slots: SlotDto[];
  waiting?: ReadonlyMap<string, WaitlistEntryDto>;
  mine?: ReadonlySet<string>;
  onPick: (slot: SlotDto) => void;
}) {
  const { t } = useI18n();
  const clock = useCenterClock();
  const state = (slot: SlotDto) => {
    if (mine?.has(slot.id)) return t.booking.slotMine;
    const inLine = waiting?.get(slot.id);
    if (inLine)
      return inLine.status === 'offered'
        ? t.booking.waitlistHeldForYou
        : format(t.booking.waitlistMine, { position: inLine.position ?? '-' });
    return slot.availability === 'available'
      ? format(t.booking.remaining, { count: slot.remaining })
      : slot.availability === 'full'
        ? `${t.booking.full} · ${t.booking.joinWaitlist}`
        : t.booking.closed;
  };
  const classes = (slot: SlotDto) =>
    `slot--${slot.availability}${mine?.has(slot.id) ? ' slot--mine' : waiting?.has(slot.id) ? ' slot--waiting' : ''}`;
  const individual = slots.filter((slot) => slot.capacity === 1);
  const groups = slots.filter((slot) => slot.capacity > 1);
  return (
    <View className="slot-grid">
      {groups.map((slot) => (
        <View
          key={slot.id}
          className={`slot-grid__group ${classes(slot)}`}
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
            className={`slot-grid__cell ${classes(slot)}`}
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
