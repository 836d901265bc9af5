/**
 * A brute-force reading of the supported RRULE semantics, written without the evaluator's
 * shortcuts (no period jumps, no residue tables): it walks every minute of a window and asks
 * "is this an occurrence?" from the calendar fields alone. Slow and obviously right, for tests.
 */
import { WEEKDAYS, type Recurrence } from '../../../../src-main/scheduler/time/types';

const MIN = 60_000;
const DAY = 86_400_000;

function periodIndex(r: Recurrence, t: Date): number {
  const s = r.dtstart;
  switch (r.freq) {
    case 'MINUTELY':
      return Math.floor(t.getTime() / MIN) - Math.floor(s.getTime() / MIN);
    case 'HOURLY':
      return Math.floor(t.getTime() / (60 * MIN)) - Math.floor(s.getTime() / (60 * MIN));
    case 'DAILY':
      return Math.floor(t.getTime() / DAY) - Math.floor(s.getTime() / DAY);
    case 'WEEKLY': {
      const monday = (d: Date) => Math.floor(d.getTime() / DAY) - ((d.getUTCDay() + 6) % 7);
      return (monday(t) - monday(s)) / 7;
    }
    case 'MONTHLY':
      return t.getUTCFullYear() * 12 + t.getUTCMonth() - (s.getUTCFullYear() * 12 + s.getUTCMonth());
  }
}

/** Whether the day of `t` passes BYDAY / BYMONTHDAY and the DTSTART defaults for the day. */
function dayOk(r: Recurrence, t: Date): boolean {
  const weekday = WEEKDAYS[(t.getUTCDay() + 6) % 7]!;
  const date = t.getUTCDate();
  const last = new Date(Date.UTC(t.getUTCFullYear(), t.getUTCMonth() + 1, 0)).getUTCDate();
  if (r.byMonthDay.length && !r.byMonthDay.includes(date) && !r.byMonthDay.includes(date - last - 1)) return false;
  if (r.byDay.length) {
    const fromStart = Math.floor((date - 1) / 7) + 1;
    const fromEnd = -(Math.floor((last - date) / 7) + 1);
    const ok = r.byDay.some((b) => b.day === weekday && (b.nth === undefined || b.nth === fromStart || b.nth === fromEnd));
    if (!ok) return false;
  }
  if (r.freq === 'WEEKLY' && !r.byDay.length) return t.getUTCDay() === r.dtstart.getUTCDay();
  if (r.freq === 'MONTHLY' && !r.byDay.length && !r.byMonthDay.length) return date === r.dtstart.getUTCDate();
  return true;
}

function timeOk(r: Recurrence, t: Date): boolean {
  const fine = r.freq === 'MINUTELY' || r.freq === 'HOURLY';
  const hourOk = r.byHour.length ? r.byHour.includes(t.getUTCHours()) : fine || t.getUTCHours() === r.dtstart.getUTCHours();
  const minOk = r.byMinute.length
    ? r.byMinute.includes(t.getUTCMinutes())
    : r.freq === 'MINUTELY' || t.getUTCMinutes() === r.dtstart.getUTCMinutes();
  return hourOk && minOk && t.getUTCSeconds() === r.dtstart.getUTCSeconds();
}

/** Every occurrence in [from, to) by brute force (COUNT applied when the window starts at or before DTSTART). */
export function bruteOccurrences(r: Recurrence, from: Date, to: Date): Date[] {
  const out: Date[] = [];
  const sec = r.dtstart.getUTCSeconds() * 1000;
  const firstDay = Math.floor(from.getTime() / DAY);
  for (let day = firstDay; day * DAY < to.getTime(); day++) {
    if (!dayOk(r, new Date(day * DAY))) continue;
    for (let m = 0; m < 1440; m++) {
      if (m % 60 === 0 && r.byHour.length && !r.byHour.includes(m / 60)) {
        m += 59; // a whole hour BYHOUR leaves out
        continue;
      }
      const t = new Date(day * DAY + m * MIN + sec);
      if (t < from || t >= to || t < r.dtstart || (r.until && t > r.until)) continue;
      if (periodIndex(r, t) % r.interval !== 0 || !timeOk(r, t)) continue;
      out.push(t);
    }
  }
  if (r.count !== undefined) {
    if (from > r.dtstart) throw new Error('oracle: COUNT needs a window that starts at DTSTART');
    return out.slice(0, r.count);
  }
  return out;
}
