/**
 * Evaluates a recurrence: the next occurrence after an instant, and the occurrences in a window.
 * Pure: the current time is always an argument. UTC throughout (see types.ts).
 *
 * Semantics follow RFC 5545 for the supported parts. Each period of FREQ (minute, hour, day, week
 * starting Monday, month) counted from the one that holds DTSTART is kept when its index is a
 * multiple of INTERVAL. Within a kept period the BY parts expand or limit as the RFC's table says:
 * BYMINUTE expands from HOURLY up, BYHOUR from DAILY up, BYDAY expands for WEEKLY and MONTHLY
 * (ordinals like 1MO or -1FR: the first Monday, the last Friday of the month) and limits below,
 * BYMONTHDAY expands for MONTHLY (and BYDAY then limits it) and limits below. A missing BYMINUTE,
 * BYHOUR, week day (WEEKLY) or month day (MONTHLY) is taken from DTSTART; seconds always are.
 * A month without the day (BYMONTHDAY=31 in April, the 30th of February) is skipped, not moved.
 * Instants before DTSTART are never occurrences; DTSTART is one only when it matches the rule.
 *
 * Bounded: the search looks at most 400 years (one Gregorian cycle, after which dates and week days
 * repeat) past the later of the query instant and DTSTART, so a rule that can never match again
 * (FREQ=MONTHLY;BYMONTHDAY=30 from a February start with INTERVAL=12) gives null, never a hang.
 */
import { CYCLE_DAYS, DAY_MS, MINUTE_MS, MonthOf, dayNumber, firstDayOfMonth, mod, weekdayOfDay } from './calendar.js';
import { LIMITS, weekdayIndex, type Recurrence } from './types.js';

interface Plan {
  start: number;
  until: number;
  secondMs: number;
  startDay: number;
  startMonth: number;
  startMonthDay: number;
  /** minutes of the day that can hold an occurrence, ascending */
  times: number[];
  /** MINUTELY / HOURLY: slot length in minutes (1 or 60), and the slot index of DTSTART */
  unit: number;
  startSlot: number;
  /** MINUTELY / HOURLY: times grouped by their slot's residue modulo INTERVAL */
  byResidue: Map<number, number[]>;
  weekdays: Set<number>;
}

const range = (n: number) => Array.from({ length: n }, (_, i) => i);
const plans = new WeakMap<Recurrence, Plan>();

function planOf(r: Recurrence): Plan {
  const cached = plans.get(r);
  if (cached) return cached;
  const start = r.dtstart.getTime();
  const d = r.dtstart;
  const subDaily = r.freq === 'MINUTELY' || r.freq === 'HOURLY';
  const hours = r.byHour.length ? r.byHour : subDaily ? range(24) : [d.getUTCHours()];
  const minutes = r.byMinute.length ? r.byMinute : r.freq === 'MINUTELY' ? range(60) : [d.getUTCMinutes()];
  const times = hours.flatMap((h) => minutes.map((m) => h * 60 + m));
  const unit = r.freq === 'MINUTELY' ? 1 : 60;
  const byResidue = new Map<number, number[]>();
  if (subDaily) {
    for (const s of times) {
      const key = Math.floor(s / unit) % r.interval;
      byResidue.set(key, [...(byResidue.get(key) ?? []), s]);
    }
  }
  const plan: Plan = {
    start,
    until: r.until?.getTime() ?? Infinity,
    secondMs: d.getUTCSeconds() * 1000,
    startDay: dayNumber(start),
    startMonth: d.getUTCFullYear() * 12 + d.getUTCMonth(),
    startMonthDay: d.getUTCDate(),
    times,
    unit,
    startSlot: Math.floor(start / (unit * MINUTE_MS)),
    byResidue,
    weekdays: new Set(r.byDay.map((b) => weekdayIndex(b.day))),
  };
  plans.set(r, plan);
  return plan;
}

/** Whether a day passes the day-level parts (BYDAY, BYMONTHDAY and the DTSTART defaults). */
function dayMatches(r: Recurrence, p: Plan, day: number, month: MonthOf): boolean {
  const weekday = weekdayOfDay(day);
  if (r.freq === 'WEEKLY') return r.byDay.length ? p.weekdays.has(weekday) : weekday === weekdayOfDay(p.startDay);
  if (r.freq !== 'MONTHLY' && !r.byMonthDay.length && !r.byDay.length) return true;
  const { first, days: dim } = month.at(day);
  const monthDay = day - first + 1;
  if (r.byMonthDay.length && !r.byMonthDay.some((n) => (n > 0 ? n : dim + n + 1) === monthDay)) return false;
  if (r.byDay.length) {
    const hit = r.byDay.some((b) => {
      if (weekdayIndex(b.day) !== weekday) return false;
      if (b.nth === undefined) return true;
      return b.nth > 0 ? Math.ceil(monthDay / 7) === b.nth : Math.ceil((dim - monthDay + 1) / 7) === -b.nth;
    });
    if (!hit) return false;
  }
  if (r.freq === 'MONTHLY' && !r.byDay.length && !r.byMonthDay.length) return monthDay === p.startMonthDay;
  return true;
}

/** The first day >= day whose period is kept by INTERVAL (day-level frequencies). */
function alignDay(r: Recurrence, p: Plan, day: number, monthOf: MonthOf): number {
  const k = r.interval;
  if (k === 1) return day;
  if (r.freq === 'DAILY') return day + mod(p.startDay - day, k);
  if (r.freq === 'WEEKLY') {
    const week = day - weekdayOfDay(day);
    const off = mod((p.startDay - weekdayOfDay(p.startDay) - week) / 7, k);
    return off === 0 ? day : week + 7 * off;
  }
  if (r.freq === 'MONTHLY') {
    const month = monthOf.at(day).index;
    const off = mod(p.startMonth - month, k);
    return off === 0 ? day : firstDayOfMonth(month + off);
  }
  return day;
}

/** The first occurrence at or after `t` (epoch ms), ignoring COUNT; null when none within the bound. */
function firstAtOrAfter(r: Recurrence, t: number): number | null {
  const p = planOf(r);
  const from = Math.max(t, p.start);
  if (!Number.isFinite(from) || from > p.until) return null;
  const lastDay = Math.min(dayNumber(from) + CYCLE_DAYS, dayNumber(Math.min(p.until, 8.64e15)));
  const subDaily = r.freq === 'MINUTELY' || r.freq === 'HOURLY';
  const month = new MonthOf();
  for (let day = dayNumber(from); day <= lastDay; day++) {
    if (!subDaily) {
      const aligned = alignDay(r, p, day, month);
      if (aligned !== day) {
        day = aligned - 1;
        continue;
      }
    }
    const times = subDaily ? p.byResidue.get(mod(p.startSlot - (day * 1440) / p.unit, r.interval)) : p.times;
    if (times === undefined || !dayMatches(r, p, day, month)) continue;
    for (const s of times) {
      const at = day * DAY_MS + s * MINUTE_MS + p.secondMs;
      if (at < from) continue;
      return at <= p.until ? at : null;
    }
  }
  return null;
}

const counted = new WeakMap<Recurrence, number[]>();

/** With COUNT: every occurrence, computed once per recurrence (at most LIMITS.count). */
function countedOccurrences(r: Recurrence & { count: number }): number[] {
  const cached = counted.get(r);
  if (cached) return cached;
  const out: number[] = [];
  for (let t: number | null = r.dtstart.getTime(); out.length < r.count; t += 1) {
    t = firstAtOrAfter(r, t);
    if (t === null) break;
    out.push(t);
  }
  counted.set(r, out);
  return out;
}

function firstFrom(r: Recurrence, t: number): number | null {
  if (r.count === undefined) return firstAtOrAfter(r, t);
  const all = countedOccurrences(r as Recurrence & { count: number });
  let lo = 0;
  let hi = all.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (all[mid]! < t) lo = mid + 1;
    else hi = mid;
  }
  return lo < all.length ? all[lo]! : null;
}

/** The first occurrence strictly after `after`, or null when the recurrence has ended (or cannot match). */
export function nextOccurrence(r: Recurrence, after: Date): Date | null {
  const t = firstFrom(r, after.getTime() + 1);
  return t === null ? null : new Date(t);
}

/** Occurrences in [from, to), ascending, at most `limit` (and never more than LIMITS.listed). */
export function occurrencesBetween(r: Recurrence, from: Date, to: Date, limit: number): Date[] {
  const out: Date[] = [];
  const max = Math.max(0, Math.min(Math.floor(limit), LIMITS.listed));
  const end = to.getTime();
  for (let t: number | null = from.getTime(); out.length < max; t += 1) {
    t = firstFrom(r, t);
    if (t === null || t >= end) break;
    out.push(new Date(t));
  }
  return out;
}
