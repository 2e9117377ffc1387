import { useMemo } from 'react';
import { type CenterClock, centerClock, DEFAULT_UTC_OFFSET_MINUTES } from '@/utils/center-time';
import { useMeta } from './meta.resource';

/** The center-time helpers at the offset `GET /api/meta` reports (UTC+8 until it has loaded). */
export function useCenterClock(): CenterClock {
  const offset = useMeta().data?.utcOffsetMinutes ?? DEFAULT_UTC_OFFSET_MINUTES;
  return useMemo(() => centerClock(offset), [offset]);
}
