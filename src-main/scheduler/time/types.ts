/**
 * A recurrence: a parsed iCalendar RRULE (RFC 5545, a subset) with its DTSTART. All times are UTC:
 * there is no TZID and no daylight saving, so "every day at 02:00" is 02:00 UTC every day. A
 * floating DTSTART/UNTIL (no trailing Z) is read as UTC too.
 *
 * The value is plain data (frozen), so it can be cached, compared and serialised back with
 * `formatRecurrence`. Treat its Dates as read-only: evaluation caches per recurrence object.
 */
export const FREQUENCIES = ['MINUTELY', 'HOURLY', 'DAILY', 'WEEKLY', 'MONTHLY'] as const;
export type Frequency = (typeof FREQUENCIES)[number];

/** Week days in RFC 5545 order from the default week start (WKST=MO): index 0 is Monday. */
export const WEEKDAYS = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'] as const;
export type Weekday = (typeof WEEKDAYS)[number];
export const weekdayIndex = (d: Weekday): number => WEEKDAYS.indexOf(d);

/** A BYDAY entry: a week day, and for MONTHLY optionally its ordinal in the month (1 = first, -1 = last). */
export interface ByDay {
  readonly day: Weekday;
  readonly nth?: number;
}

export interface Recurrence {
  readonly freq: Frequency;
  /** >= 1: every `interval` periods of `freq`, counted from the period that holds `dtstart` */
  readonly interval: number;
  /** the first period; occurrences are never before it. Whole seconds. */
  readonly dtstart: Date;
  /** false when the text had no DTSTART and the default (options.start, else 1970-01-01T00:00:00Z) was used */
  readonly explicitStart: boolean;
  readonly byDay: readonly ByDay[];
  /** sorted, distinct, 0..23 */
  readonly byHour: readonly number[];
  /** sorted, distinct, 0..59 */
  readonly byMinute: readonly number[];
  /** distinct, as written: 1..31 or -31..-1 (-1 = the last day of the month) */
  readonly byMonthDay: readonly number[];
  /** at most this many occurrences, counted from dtstart (the first matching instant counts as 1) */
  readonly count?: number;
  /** inclusive: no occurrence after this instant */
  readonly until?: Date;
  /** the preset name when the text was one ('daily', ...) */
  readonly preset?: string;
}

/** Largest accepted values, so that no evaluation can run away. */
export const LIMITS = {
  interval: 10_000,
  count: 10_000,
  /** occurrencesBetween returns at most this many, whatever the caller's limit */
  listed: 10_000,
} as const;
