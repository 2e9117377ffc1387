import type { CounselorScheduleItemDto, Degree } from '@careerside/shared';
import { addDays, weekdayOf } from '@/utils/center-time';

/** Monday to Sunday of the week that contains `date`. */
export function weekOf(date: string): string[] {
  const monday = addDays(date, 1 - weekdayOf(date));
  return Array.from({ length: 7 }, (_, index) => addDays(monday, index));
}

/** Whether the counselor may record attendance yet: the server refuses it before the start. */
export function hasStarted(item: CounselorScheduleItemDto, now = Date.now()): boolean {
  return new Date(item.startsAt).getTime() <= now;
}

export function studentLine(
  student: CounselorScheduleItemDto['student'],
  degreeLabel: (degree: Degree) => string,
  yearLabel: (year: number) => string,
): string {
  return [
    student.college,
    student.major,
    student.degree ? degreeLabel(student.degree) : null,
    student.graduationYear ? yearLabel(student.graduationYear) : null,
  ]
    .filter(Boolean)
    .join(' · ');
}
