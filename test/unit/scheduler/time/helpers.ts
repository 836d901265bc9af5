import { occurrencesBetween, parseRecurrence } from '../../../../src-main/scheduler/time';

/** The first `n` occurrences at or after `from` (within 50 years), as ISO strings without millis. */
export function first(text: string, from: string, n: number): string[] {
  const r = parseRecurrence(text);
  const start = new Date(from);
  const end = new Date(start.getTime() + 50 * 366 * 86_400_000);
  return occurrencesBetween(r, start, end, n).map(iso);
}

export const iso = (d: Date): string => d.toISOString().replace('.000Z', 'Z');
