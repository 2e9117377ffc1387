import { ValidateBy, type ValidationArguments, type ValidationOptions, buildMessage } from 'class-validator';

/**
 * The years a date the server is given may fall in. Nothing the center schedules lies outside them, and the
 * date arithmetic (Date.UTC reads years 0-99 as 1900-1999; year 10000 has no ISO string) stays exact inside.
 */
export const MIN_CALENDAR_YEAR = 2000;
export const MAX_CALENDAR_YEAR = 2100;

const CALENDAR_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A real `YYYY-MM-DD` date (2026-02-30 is not) from MIN_CALENDAR_YEAR to MAX_CALENDAR_YEAR. */
export function isCalendarDate(value: unknown): value is string {
  if (typeof value !== 'string') return false;
  const match = CALENDAR_DATE.exec(value);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (year < MIN_CALENDAR_YEAR || year > MAX_CALENDAR_YEAR || month < 1 || month > 12 || day < 1)
    return false;
  return day <= new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** The English message; the localized one (VALIDATION_MESSAGES.isCalendarDate) reads the years from it. */
export function calendarDateMessage(field: string): string {
  return `${field} must be a date YYYY-MM-DD from year ${MIN_CALENDAR_YEAR} to ${MAX_CALENDAR_YEAR}`;
}

export function IsCalendarDate(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isCalendarDate',
      validator: {
        validate: (value) => isCalendarDate(value),
        defaultMessage: buildMessage((each) => `${each}${calendarDateMessage('$property')}`, options),
      },
    },
    options,
  );
}

/** An ISO 8601 date-time whose year is in range (class-validator's @IsISO8601 checks the shape only). */
export function isDateTimeInRange(value: unknown): boolean {
  if (typeof value !== 'string' || !isCalendarDate(value.slice(0, 10))) return false;
  return !Number.isNaN(Date.parse(value));
}

export function IsDateTimeInRange(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isDateTimeInRange',
      validator: {
        validate: (value) => isDateTimeInRange(value),
        defaultMessage: buildMessage(
          (each) =>
            `${each}$property must be an ISO 8601 date-time from year ${MIN_CALENDAR_YEAR} to ${MAX_CALENDAR_YEAR}`,
          options,
        ),
      },
    },
    options,
  );
}

/**
 * On `to` of a `from`-`to` range: not before `from` (both `YYYY-MM-DD`, so they compare as text). Says nothing
 * when either is missing or not a date; their own validators name those.
 */
export function IsNotBeforeFrom(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isNotBeforeFrom',
      validator: {
        validate: (value, args?: ValidationArguments) => {
          const from = (args?.object as { from?: unknown } | undefined)?.from;
          if (!isCalendarDate(value) || !isCalendarDate(from)) return true;
          return value >= from;
        },
        defaultMessage: buildMessage((each) => `${each}$property must not be before from`, options),
      },
    },
    options,
  );
}
