/**
 * A recurrence in words for the UI: "every day at 02:00", "every Monday at 09:00", "every 6 hours".
 * Times are UTC (the recurrence has no time zone); pass { utc: true } to say so in the text.
 */
import { WEEKDAYS, type ByDay, type Recurrence } from './types.js';

const DAY_NAMES = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];
const ORDINALS = ['', 'first', 'second', 'third', 'fourth', 'fifth'];
const UNITS = { MINUTELY: 'minute', HOURLY: 'hour', DAILY: 'day', WEEKLY: 'week', MONTHLY: 'month' } as const;

const pad = (n: number) => String(n).padStart(2, '0');

/** "a", "a and b", "a, b and c" */
export function joinWords(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

function ordinalSuffix(n: number): string {
  const teen = n % 100 >= 11 && n % 100 <= 13;
  return `${n}${teen ? 'th' : (['th', 'st', 'nd', 'rd'][n % 10] ?? 'th')}`;
}

function dayName(b: ByDay): string {
  const name = DAY_NAMES[WEEKDAYS.indexOf(b.day)]!;
  if (b.nth === undefined) return name;
  if (b.nth === -1) return `last ${name}`;
  return b.nth > 0 ? `${ORDINALS[b.nth]} ${name}` : `${ORDINALS[-b.nth]}-last ${name}`;
}

/** "Monday and Friday", "weekday"; plural: "Mondays and Fridays", "weekdays"; ordinals: "the first Monday". */
function weekdays(days: readonly ByDay[], plural = false): string {
  const s = plural ? 's' : '';
  const plain = days.map((d) => WEEKDAYS.indexOf(d.day)).sort((a, b) => a - b);
  if (days.every((d) => d.nth === undefined) && plain.join() === '0,1,2,3,4') return `weekday${s}`;
  const sorted = [...days].sort((a, b) => WEEKDAYS.indexOf(a.day) - WEEKDAYS.indexOf(b.day) || (a.nth ?? 0) - (b.nth ?? 0));
  return joinWords(sorted.map((d) => (d.nth === undefined ? dayName(d) + s : `the ${dayName(d)}`)));
}

function monthDays(days: readonly number[]): string {
  const words = [...days].sort((a, b) => (a > 0 ? a : 100 - a) - (b > 0 ? b : 100 - b)).map((n) =>
    n === -1 ? 'last day' : n < 0 ? `${ordinalSuffix(-n)}-last day` : ordinalSuffix(n),
  );
  return `the ${joinWords(words)}`;
}

function clock(h: number, m: number, s: number): string {
  return s ? `${pad(h)}:${pad(m)}:${pad(s)}` : `${pad(h)}:${pad(m)}`;
}

/** "at 02:00", "at 02:00 and 14:30"; empty for sub-daily rules (they say "every N minutes"). */
function timesOfDay(r: Recurrence): string {
  const d = r.dtstart;
  const hours = r.byHour.length ? r.byHour : [d.getUTCHours()];
  const minutes = r.byMinute.length ? r.byMinute : [d.getUTCMinutes()];
  const all = hours.flatMap((h) => minutes.map((m) => clock(h, m, d.getUTCSeconds())));
  if (all.length > 6) return `at ${all.slice(0, 3).join(', ')} and ${all.length - 3} more times`;
  return `at ${joinWords(all)}`;
}

function stamp(d: Date): string {
  const date = `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
  return `${date} ${clock(d.getUTCHours(), d.getUTCMinutes(), d.getUTCSeconds())} UTC`;
}

function every(r: Recurrence): string {
  const unit = UNITS[r.freq];
  return r.interval === 1 ? `every ${unit}` : `every ${r.interval} ${unit}s`;
}

export interface DescribeOptions {
  /** append " UTC" after the times of day */
  utc?: boolean;
}

export function describeRecurrence(r: Recurrence, options: DescribeOptions = {}): string {
  const parts: string[] = [];
  const utc = options.utc ? ' UTC' : '';
  switch (r.freq) {
    case 'MINUTELY':
    case 'HOURLY': {
      // every minute at given minutes is every hour at them
      const hourly = r.freq === 'HOURLY' || (r.interval === 1 && r.byMinute.length > 0);
      parts.push(r.freq === 'MINUTELY' && hourly ? 'every hour' : every(r));
      const second = r.dtstart.getUTCSeconds() ? `:${pad(r.dtstart.getUTCSeconds())}` : '';
      if (hourly) {
        const minutes = r.byMinute.length ? r.byMinute : [r.dtstart.getUTCMinutes()];
        if (minutes.join() !== '0' || second) parts.push(`at ${joinWords(minutes.map((m) => `:${pad(m)}${second}`))}`);
      } else if (r.byMinute.length) {
        parts.push(`at ${r.byMinute.length === 1 ? 'minute' : 'minutes'} ${joinWords(r.byMinute.map(String))}`);
      }
      if (r.byHour.length) parts.push(`during ${r.byHour.length === 1 ? 'hour' : 'hours'} ${joinWords(r.byHour.map(pad))}${utc}`);
      if (r.byDay.length) parts.push(`on ${weekdays(r.byDay, true)}`);
      if (r.byMonthDay.length) parts.push(`on ${monthDays(r.byMonthDay)} of the month`);
      break;
    }
    case 'DAILY':
      parts.push(r.byDay.length && r.interval === 1 ? `every ${weekdays(r.byDay)}` : every(r));
      if (r.byDay.length && r.interval !== 1) parts.push(`on ${weekdays(r.byDay, true)}`);
      if (r.byMonthDay.length) parts.push(`on ${monthDays(r.byMonthDay)} of the month`);
      parts.push(timesOfDay(r) + utc);
      break;
    case 'WEEKLY': {
      const days = r.byDay.length ? r.byDay : [{ day: WEEKDAYS[(r.dtstart.getUTCDay() + 6) % 7]! }];
      parts.push(r.interval === 1 ? `every ${weekdays(days)}` : `${every(r)} on ${weekdays(days)}`);
      parts.push(timesOfDay(r) + utc);
      break;
    }
    case 'MONTHLY': {
      parts.push(every(r));
      const md = r.byMonthDay.length ? r.byMonthDay : r.byDay.length ? [] : [r.dtstart.getUTCDate()];
      if (md.length) parts.push(`on ${monthDays(md)}`);
      if (r.byDay.length) parts.push(md.length ? `if it is ${r.byDay.some((d) => d.nth !== undefined) ? '' : 'a '}${weekdays(r.byDay)}` : `on ${weekdays(r.byDay, true)}`);
      parts.push(timesOfDay(r) + utc);
      break;
    }
  }
  let text = parts.join(' ');
  if (r.count !== undefined) text += `, ${r.count === 1 ? 'once' : `${r.count} times`}`;
  if (r.explicitStart) text += `, from ${stamp(r.dtstart)}`;
  if (r.until) text += `, until ${stamp(r.until)}`;
  return text;
}
