import { describeRecurrence, nextOccurrence, parseRecurrence } from '../../../src-main/scheduler/time';

/** Ready-made recurrences for report recipes (times in UTC, like every recurrence in Kattegat). */
export const RECIPE_PRESETS: readonly { id: string; label: string; rrule: string }[] = [
  { id: 'weekly', label: 'Weekly, Monday 08:00', rrule: 'FREQ=WEEKLY;BYDAY=MO;BYHOUR=8;BYMINUTE=0' },
  { id: 'monthly', label: 'Monthly, first day 08:00', rrule: 'FREQ=MONTHLY;BYMONTHDAY=1;BYHOUR=8;BYMINUTE=0' },
  { id: 'daily', label: 'Daily 06:00', rrule: 'FREQ=DAILY;BYHOUR=6;BYMINUTE=0' },
];

export type RruleCheck =
  | { ok: true; text: string; next: Date[]; /** fires more than once an hour: a report that often is likely a mistake */ frequent: boolean }
  | { ok: false; message: string; column: number | null };

const HOUR_MS = 3_600_000;

/**
 * Reads a recipe's recurrence the way the scheduler will (the scheduler's own parser, run here on
 * the draft as it is typed): its description and the next three runs after `now`, or what is wrong
 * with it and at which column.
 */
export function checkRrule(text: string, now: Date = new Date(), opts: { withStart?: boolean } = {}): RruleCheck {
  const trimmed = text.trim();
  if (!trimmed) return { ok: false, message: 'A recipe needs a recurrence: pick a preset or write an RRULE such as FREQ=WEEKLY;BYDAY=MO;BYHOUR=8', column: null };
  try {
    const r = parseRecurrence(trimmed, { start: new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate())) });
    const next: Date[] = [];
    let after = now;
    for (let i = 0; i < 3; i++) {
      const t = nextOccurrence(r, after);
      if (!t) break;
      next.push(t);
      after = t;
    }
    const frequent = next.length >= 2 && next[1]!.getTime() - next[0]!.getTime() < HOUR_MS;
    // a stored recipe carries the DTSTART it was saved at: a list says when it runs, not since when
    const described = opts.withStart === false ? { ...r, explicitStart: false } : r;
    return { ok: true, text: describeRecurrence(described, { utc: true }), next, frequent };
  } catch (e) {
    const err = e as { message?: string; details?: { column?: unknown } };
    const message = String(err.message ?? e).replace(/^Recurrence: /, '');
    return { ok: false, message, column: typeof err.details?.column === 'number' ? err.details.column : null };
  }
}

/**
 * The recurrence as sent on save. A rule without DTSTART gets today's midnight (UTC) as its start,
 * the start the preview above reads it with: the core would otherwise start it at the moment of
 * saving, seconds included, and a "08:00" recipe would run at 08:00:37.
 */
export function withStart(rrule: string, now: Date = new Date()): string {
  const text = rrule.trim();
  if (/^DTSTART/im.test(text) || !/FREQ=/i.test(text)) return text;
  const pad = (n: number) => String(n).padStart(2, '0');
  const day = `${now.getUTCFullYear()}${pad(now.getUTCMonth() + 1)}${pad(now.getUTCDate())}`;
  return `DTSTART:${day}T000000Z\n${text.replace(/^RRULE:/i, '')}`;
}

/** Which preset a recurrence is, if any. */
export function presetOf(rrule: string): string | null {
  const t = rrule.trim().toUpperCase();
  return RECIPE_PRESETS.find((p) => p.rrule === t)?.id ?? null;
}
