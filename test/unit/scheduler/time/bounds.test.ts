/**
 * COUNT and UNTIL, rules that can never match, limits; and a seeded property test against a
 * brute-force oracle that walks every minute of a window.
 */
import { describe, expect, it } from 'vitest';
import { Rng } from '../../../../bench/prng';
import { LIMITS, nextOccurrence, occurrencesBetween, parseRecurrence } from '../../../../src-main/scheduler/time';
import { first, iso } from './helpers';
import { bruteOccurrences } from './oracle';

describe('COUNT', () => {
  it('stops after COUNT occurrences counted from DTSTART, whatever the query point', () => {
    const text = 'DTSTART:20260105T090000Z\nRRULE:FREQ=WEEKLY;INTERVAL=2;BYDAY=MO,FR;COUNT=5';
    expect(first(text, '2000-01-01T00:00:00Z', 10)).toEqual([
      '2026-01-05T09:00:00Z',
      '2026-01-09T09:00:00Z',
      '2026-01-19T09:00:00Z',
      '2026-01-23T09:00:00Z',
      '2026-02-02T09:00:00Z',
    ]);
    expect(first(text, '2026-01-20T00:00:00Z', 10)).toEqual(['2026-01-23T09:00:00Z', '2026-02-02T09:00:00Z']);
    const r = parseRecurrence(text);
    expect(nextOccurrence(r, new Date('2026-02-02T09:00:00Z'))).toBeNull();
  });

  it('does not count a DTSTART that does not match the rule', () => {
    // DTSTART Thursday; Mondays only
    expect(first('DTSTART:20260101T000000Z\nRRULE:FREQ=WEEKLY;BYDAY=MO;COUNT=2', '2026-01-01T00:00:00Z', 5)).toEqual(['2026-01-05T00:00:00Z', '2026-01-12T00:00:00Z']);
  });

  it('counts from options.start when the text has no DTSTART', () => {
    const r = parseRecurrence('FREQ=DAILY;BYHOUR=3;COUNT=2', { start: new Date('2026-06-01T04:00:00Z') });
    expect(occurrencesBetween(r, new Date('2026-01-01Z'), new Date('2027-01-01Z'), 10).map(iso)).toEqual(['2026-06-02T03:00:00Z', '2026-06-03T03:00:00Z']);
  });

  it('COUNT=1 with a skipped month: the first month that has the day', () => {
    expect(first('DTSTART:20260201T000000Z\nRRULE:FREQ=MONTHLY;BYMONTHDAY=30;COUNT=1', '2026-01-01T00:00:00Z', 5)).toEqual(['2026-03-30T00:00:00Z']);
  });

  it('the largest COUNT evaluates quickly', () => {
    const r = parseRecurrence(`DTSTART:20260101T000000Z\nRRULE:FREQ=MINUTELY;COUNT=${LIMITS.count}`);
    const all = occurrencesBetween(r, new Date('2026-01-01Z'), new Date('2027-01-01Z'), LIMITS.count + 5);
    expect(all).toHaveLength(LIMITS.count);
    expect(iso(all[all.length - 1]!)).toBe('2026-01-07T22:39:00Z');
  });
});

describe('UNTIL', () => {
  it('is inclusive', () => {
    expect(first('FREQ=DAILY;BYHOUR=2;UNTIL=20260103T020000Z', '2026-01-01T00:00:00Z', 10)).toEqual([
      '2026-01-01T02:00:00Z',
      '2026-01-02T02:00:00Z',
      '2026-01-03T02:00:00Z',
    ]);
  });

  it('one second earlier excludes the last one; after UNTIL nothing', () => {
    const r = parseRecurrence('FREQ=DAILY;BYHOUR=2;UNTIL=20260103T015959Z');
    expect(occurrencesBetween(r, new Date('2026-01-01Z'), new Date('2027-01-01Z'), 10)).toHaveLength(2);
    expect(nextOccurrence(r, new Date('2026-01-02T02:00:00Z'))).toBeNull();
    expect(nextOccurrence(r, new Date('2030-01-01Z'))).toBeNull();
  });

  it('an UNTIL before DTSTART gives nothing', () => {
    expect(first('DTSTART:20260101T000000Z\nRRULE:FREQ=HOURLY;UNTIL=20251231T000000Z', '2020-01-01T00:00:00Z', 5)).toEqual([]);
  });
});

describe('rules that can never match end in null, quickly', () => {
  it.each([
    ['February 30th, yearly', 'DTSTART:20260201T000000Z\nRRULE:FREQ=MONTHLY;INTERVAL=12;BYMONTHDAY=30'],
    ['31st in 30-day months only (April, every 12 months)', 'DTSTART:20260401T000000Z\nRRULE:FREQ=MONTHLY;INTERVAL=12;BYMONTHDAY=31'],
    ['the 31st in February via DAILY', 'DTSTART:20260201T000000Z\nRRULE:FREQ=DAILY;INTERVAL=365;BYMONTHDAY=31;UNTIL=20270101'],
    ['a Tuesday on a 7-day grid of Mondays', 'DTSTART:20260105T000000Z\nRRULE:FREQ=DAILY;INTERVAL=7;BYDAY=TU'],
    ['an odd minute on an even grid', 'FREQ=MINUTELY;INTERVAL=2;BYMINUTE=1'],
    ['a 13th on a 5th-week day', 'FREQ=MONTHLY;BYDAY=5MO;BYMONTHDAY=13'],
    ['a sixth week of days via the last and first', 'FREQ=MONTHLY;BYDAY=1MO;BYMONTHDAY=8,9,10,11,12,13,14'],
  ])('%s', (_name, text) => {
    const r = parseRecurrence(text);
    const began = performance.now();
    expect(nextOccurrence(r, new Date('2026-01-01Z'))).toBeNull();
    expect(occurrencesBetween(r, new Date('2026-01-01Z'), new Date('2426-01-01Z'), 100)).toEqual([]);
    expect(performance.now() - began).toBeLessThan(2000);
  });

  it('BYMONTHDAY=31 with FREQ=MONTHLY works: only the 7 long months', () => {
    const r = parseRecurrence('FREQ=MONTHLY;BYMONTHDAY=31');
    expect(occurrencesBetween(r, new Date('2026-01-01Z'), new Date('2027-01-01Z'), 100)).toHaveLength(7);
  });

  it('far-off but possible occurrences are found (a 400-year leap day on a century)', () => {
    // Feb 29th in a year divisible by 100 happens only every 400 years: 2400
    const r = parseRecurrence('DTSTART:20000229T000000Z\nRRULE:FREQ=MONTHLY;INTERVAL=1200;BYMONTHDAY=29');
    expect(iso(nextOccurrence(r, new Date('2000-02-29T00:00:00Z'))!)).toBe('2400-02-29T00:00:00Z');
  });
});

describe('occurrencesBetween', () => {
  const r = parseRecurrence('FREQ=HOURLY');
  it('is [from, to): from inclusive, to exclusive', () => {
    expect(occurrencesBetween(r, new Date('2026-01-01T00:00:00Z'), new Date('2026-01-01T03:00:00Z'), 10).map(iso)).toEqual([
      '2026-01-01T00:00:00Z',
      '2026-01-01T01:00:00Z',
      '2026-01-01T02:00:00Z',
    ]);
  });

  it('honours the limit, and never more than LIMITS.listed', () => {
    expect(occurrencesBetween(r, new Date('2026-01-01Z'), new Date('2027-01-01Z'), 4)).toHaveLength(4);
    expect(occurrencesBetween(r, new Date('2026-01-01Z'), new Date('2027-01-01Z'), 0)).toHaveLength(0);
    expect(occurrencesBetween(r, new Date('2026-01-01Z'), new Date('2099-01-01Z'), 1e9)).toHaveLength(LIMITS.listed);
  });

  it('an empty or reversed window gives nothing', () => {
    expect(occurrencesBetween(r, new Date('2026-01-02Z'), new Date('2026-01-01Z'), 10)).toEqual([]);
  });
});

function randomRule(rng: Rng, windowStart: number): string {
  const freq = rng.pick(['MINUTELY', 'HOURLY', 'DAILY', 'WEEKLY', 'MONTHLY'] as const);
  const parts = [`FREQ=${freq}`];
  const maxInterval = { MINUTELY: 200, HOURLY: 30, DAILY: 10, WEEKLY: 4, MONTHLY: 3 }[freq];
  if (rng.chance(0.7)) parts.push(`INTERVAL=${rng.int(1, maxInterval)}`);
  const days = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'];
  const some = (n: number, make: () => string) => [...new Set(Array.from({ length: rng.int(1, n) }, make))].join(',');
  if (rng.chance(freq === 'WEEKLY' || freq === 'MONTHLY' ? 0.6 : 0.3)) {
    parts.push(`BYDAY=${some(3, () => (freq === 'MONTHLY' && rng.chance(0.5) ? `${rng.pick([1, 2, 3, 4, 5, -1, -2])}` : '') + rng.pick(days))}`);
  }
  if (freq !== 'WEEKLY' && rng.chance(freq === 'MONTHLY' ? 0.5 : 0.2)) {
    parts.push(`BYMONTHDAY=${some(3, () => String(rng.chance(0.3) ? -rng.int(1, 31) : rng.int(1, 31)))}`);
  }
  if (rng.chance(0.4)) parts.push(`BYHOUR=${some(4, () => String(rng.int(0, 23)))}`);
  if (rng.chance(0.4)) parts.push(`BYMINUTE=${some(4, () => String(rng.int(0, 59)))}`);
  const start = windowStart + rng.int(-60, 10) * 86_400_000 + rng.int(0, 1439) * 60_000 + (rng.chance(0.2) ? rng.int(1, 59) * 1000 : 0);
  if (start >= windowStart && rng.chance(0.3)) parts.push(`COUNT=${rng.int(1, 40)}`);
  else if (rng.chance(0.2)) parts.push(`UNTIL=${new Date(windowStart + rng.int(0, 20) * 86_400_000).toISOString().replace(/[-:]|\.\d+/g, '')}`);
  const dtstart = new Date(start).toISOString().replace(/[-:]|\.\d+/g, '');
  return `DTSTART:${dtstart}\nRRULE:${parts.join(';')}`;
}

describe('property: the evaluator agrees with a brute-force walk over every minute', () => {
  const windowDays = { MINUTELY: 3, HOURLY: 4, DAILY: 40, WEEKLY: 70, MONTHLY: 100 } as const;
  it('on 250 seeded random rules, for listing and for nextOccurrence at random points', () => {
    const rng = new Rng(20261202);
    let nonEmpty = 0;
    for (let i = 0; i < 250; i++) {
      const windowStart = Date.UTC(2023 + rng.int(0, 4), rng.int(0, 11), rng.int(1, 28));
      const text = randomRule(rng, windowStart);
      const r = parseRecurrence(text);
      const from = new Date(r.count !== undefined ? Math.min(windowStart, r.dtstart.getTime()) : windowStart);
      const to = new Date(windowStart + windowDays[r.freq] * 86_400_000);
      const expected = bruteOccurrences(r, from, to).map(iso);
      expect(occurrencesBetween(r, from, to, 100_000).map(iso), text).toEqual(expected);
      if (expected.length > 0) nonEmpty++;
      for (let j = 0; j < 5; j++) {
        const at = new Date(from.getTime() + rng.int(0, to.getTime() - from.getTime()));
        const want = expected.find((e) => new Date(e) > at);
        const got = nextOccurrence(r, at);
        if (want !== undefined) expect(got && iso(got), `${text} after ${iso(at)}`).toBe(want);
        else if (got) expect(got.getTime(), `${text} after ${iso(at)}`).toBeGreaterThanOrEqual(to.getTime());
      }
    }
    expect(nonEmpty).toBeGreaterThan(150); // most random rules do fire inside their window
  });
});
