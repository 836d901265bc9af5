/** Every FREQ with its BY parts, INTERVAL across month and year ends, leap years. Fixed times, UTC. */
import { describe, expect, it } from 'vitest';
import { nextOccurrence, parseRecurrence } from '../../../../src-main/scheduler/time';
import { first, iso } from './helpers';

describe('MINUTELY', () => {
  it('every minute, every 15 minutes from the epoch grid', () => {
    expect(first('FREQ=MINUTELY', '2026-01-01T10:00:30Z', 3)).toEqual(['2026-01-01T10:01:00Z', '2026-01-01T10:02:00Z', '2026-01-01T10:03:00Z']);
    expect(first('FREQ=MINUTELY;INTERVAL=15', '2026-01-01T10:01:00Z', 3)).toEqual(['2026-01-01T10:15:00Z', '2026-01-01T10:30:00Z', '2026-01-01T10:45:00Z']);
  });

  it('counts INTERVAL from DTSTART, keeping its seconds', () => {
    expect(first('DTSTART:20260101T000710Z\nRRULE:FREQ=MINUTELY;INTERVAL=20', '2026-01-01T00:00:00Z', 3)).toEqual([
      '2026-01-01T00:07:10Z',
      '2026-01-01T00:27:10Z',
      '2026-01-01T00:47:10Z',
    ]);
  });

  it('BYHOUR, BYMINUTE and BYDAY limit the minutes', () => {
    expect(first('FREQ=MINUTELY;INTERVAL=30;BYHOUR=9,17', '2026-01-01T10:00:00Z', 5)).toEqual([
      '2026-01-01T17:00:00Z',
      '2026-01-01T17:30:00Z',
      '2026-01-02T09:00:00Z',
      '2026-01-02T09:30:00Z',
      '2026-01-02T17:00:00Z',
    ]);
    expect(first('FREQ=MINUTELY;BYMINUTE=5', '2026-01-01T10:06:00Z', 2)).toEqual(['2026-01-01T11:05:00Z', '2026-01-01T12:05:00Z']);
    // 2026-01-03 is a Saturday
    expect(first('FREQ=MINUTELY;INTERVAL=720;BYDAY=SA', '2026-01-01T00:00:00Z', 3)).toEqual(['2026-01-03T00:00:00Z', '2026-01-03T12:00:00Z', '2026-01-10T00:00:00Z']);
  });

  it('an INTERVAL longer than a day walks across days and months', () => {
    expect(first('DTSTART:20260130T000000Z\nRRULE:FREQ=MINUTELY;INTERVAL=2000', '2026-01-30T00:00:00Z', 3)).toEqual([
      '2026-01-30T00:00:00Z',
      '2026-01-31T09:20:00Z',
      '2026-02-01T18:40:00Z',
    ]);
  });
});

describe('HOURLY', () => {
  it('every hour at DTSTART minute, every 6 hours', () => {
    expect(first('DTSTART:20260101T000500Z\nRRULE:FREQ=HOURLY', '2026-01-01T10:05:00Z', 2)).toEqual(['2026-01-01T10:05:00Z', '2026-01-01T11:05:00Z']);
    expect(first('FREQ=HOURLY;INTERVAL=6', '2026-01-01T06:00:01Z', 3)).toEqual(['2026-01-01T12:00:00Z', '2026-01-01T18:00:00Z', '2026-01-02T00:00:00Z']);
  });

  it('BYMINUTE expands within the hour, BYHOUR limits', () => {
    expect(first('FREQ=HOURLY;BYMINUTE=0,30;BYHOUR=8,9', '2026-01-01T00:00:00Z', 5)).toEqual([
      '2026-01-01T08:00:00Z',
      '2026-01-01T08:30:00Z',
      '2026-01-01T09:00:00Z',
      '2026-01-01T09:30:00Z',
      '2026-01-02T08:00:00Z',
    ]);
  });

  it('an INTERVAL that does not divide 24 drifts across days (every 5 hours)', () => {
    const rule = 'DTSTART:20260101T000000Z\nRRULE:FREQ=HOURLY;INTERVAL=5';
    expect(first(rule, '2026-01-01T20:00:00Z', 3)).toEqual(['2026-01-01T20:00:00Z', '2026-01-02T01:00:00Z', '2026-01-02T06:00:00Z']);
    // without DTSTART the grid runs from 1970-01-01T00:00Z: 2026-01-01T00:00 is hour 490896, and 490900 is a multiple of 5
    expect(first('FREQ=HOURLY;INTERVAL=5', '2026-01-01T00:00:00Z', 2)).toEqual(['2026-01-01T04:00:00Z', '2026-01-01T09:00:00Z']);
  });

  it('an impossible BYHOUR with the INTERVAL grid gives null (INTERVAL=2 from an even hour, BYHOUR=3)', () => {
    expect(nextOccurrence(parseRecurrence('FREQ=HOURLY;INTERVAL=2;BYHOUR=3'), new Date('2026-01-01Z'))).toBeNull();
  });

  it('crosses a year end', () => {
    expect(first('FREQ=HOURLY;INTERVAL=7', '2026-12-31T20:00:00Z', 2)).toEqual(['2026-12-31T21:00:00Z', '2027-01-01T04:00:00Z']);
  });
});

describe('DAILY', () => {
  it('every day at 02:00, several times a day', () => {
    expect(first('FREQ=DAILY;BYHOUR=2;BYMINUTE=0', '2026-01-01T02:00:00Z', 2)).toEqual(['2026-01-01T02:00:00Z', '2026-01-02T02:00:00Z']);
    expect(first('FREQ=DAILY;BYHOUR=2,14;BYMINUTE=15,45', '2026-01-01T03:00:00Z', 4)).toEqual([
      '2026-01-01T14:15:00Z',
      '2026-01-01T14:45:00Z',
      '2026-01-02T02:15:00Z',
      '2026-01-02T02:45:00Z',
    ]);
  });

  it('takes the time of day from DTSTART', () => {
    expect(first('DTSTART:20260110T093000Z\nRRULE:FREQ=DAILY', '2026-01-01T00:00:00Z', 2)).toEqual(['2026-01-10T09:30:00Z', '2026-01-11T09:30:00Z']);
  });

  it('INTERVAL=3 across the end of February in a leap year and a common year', () => {
    expect(first('DTSTART:20240226T000000Z\nRRULE:FREQ=DAILY;INTERVAL=3', '2024-02-26T00:00:00Z', 3)).toEqual(['2024-02-26T00:00:00Z', '2024-02-29T00:00:00Z', '2024-03-03T00:00:00Z']);
    expect(first('DTSTART:20260226T000000Z\nRRULE:FREQ=DAILY;INTERVAL=3', '2026-02-26T00:00:00Z', 3)).toEqual(['2026-02-26T00:00:00Z', '2026-03-01T00:00:00Z', '2026-03-04T00:00:00Z']);
  });

  it('INTERVAL across a year end keeps the grid from DTSTART', () => {
    expect(first('DTSTART:20261230T060000Z\nRRULE:FREQ=DAILY;INTERVAL=2', '2026-12-31T00:00:00Z', 2)).toEqual(['2027-01-01T06:00:00Z', '2027-01-03T06:00:00Z']);
  });

  it('BYDAY limits to week days (weekdays only)', () => {
    // 2026-01-02 is a Friday
    expect(first('FREQ=DAILY;BYDAY=MO,TU,WE,TH,FR;BYHOUR=9;BYMINUTE=0', '2026-01-02T10:00:00Z', 2)).toEqual(['2026-01-05T09:00:00Z', '2026-01-06T09:00:00Z']);
  });

  it('BYMONTHDAY limits to days of the month, -1 the last', () => {
    expect(first('FREQ=DAILY;BYMONTHDAY=-1;BYHOUR=23', '2024-01-31T23:00:01Z', 3)).toEqual(['2024-02-29T23:00:00Z', '2024-03-31T23:00:00Z', '2024-04-30T23:00:00Z']);
  });
});

describe('WEEKLY', () => {
  it('every Monday at 09:00', () => {
    // 2026-01-05 is a Monday
    expect(first('FREQ=WEEKLY;BYDAY=MO;BYHOUR=9;BYMINUTE=0', '2026-01-05T09:00:01Z', 2)).toEqual(['2026-01-12T09:00:00Z', '2026-01-19T09:00:00Z']);
  });

  it('without BYDAY, on the week day of DTSTART', () => {
    expect(first('DTSTART:20260107T120000Z\nRRULE:FREQ=WEEKLY', '2026-01-01T00:00:00Z', 2)).toEqual(['2026-01-07T12:00:00Z', '2026-01-14T12:00:00Z']);
  });

  it('several days, in week order whatever the order written', () => {
    expect(first('FREQ=WEEKLY;BYDAY=SU,WE,MO;BYHOUR=8;BYMINUTE=0', '2026-01-05T00:00:00Z', 4)).toEqual([
      '2026-01-05T08:00:00Z',
      '2026-01-07T08:00:00Z',
      '2026-01-11T08:00:00Z',
      '2026-01-12T08:00:00Z',
    ]);
  });

  it('every 2 weeks: weeks start on Monday, so a Sunday belongs to the week before', () => {
    // DTSTART Wednesday 2026-01-07: kept weeks are those of 01-05, 01-19, 02-02 ...
    expect(first('DTSTART:20260107T000000Z\nRRULE:FREQ=WEEKLY;INTERVAL=2;BYDAY=MO,SU', '2026-01-01T00:00:00Z', 4)).toEqual([
      '2026-01-11T00:00:00Z',
      '2026-01-19T00:00:00Z',
      '2026-01-25T00:00:00Z',
      '2026-02-02T00:00:00Z',
    ]);
  });

  it('every 3 weeks across a year end with 53 ISO weeks (2026)', () => {
    expect(first('DTSTART:20261214T000000Z\nRRULE:FREQ=WEEKLY;INTERVAL=3;BYDAY=FR', '2026-12-14T00:00:00Z', 3)).toEqual([
      '2026-12-18T00:00:00Z',
      '2027-01-08T00:00:00Z',
      '2027-01-29T00:00:00Z',
    ]);
  });
});

describe('MONTHLY', () => {
  it('on the DTSTART day; months without it are skipped (January 31st)', () => {
    expect(first('DTSTART:20260131T120000Z\nRRULE:FREQ=MONTHLY', '2026-01-31T12:00:00Z', 4)).toEqual([
      '2026-01-31T12:00:00Z',
      '2026-03-31T12:00:00Z',
      '2026-05-31T12:00:00Z',
      '2026-07-31T12:00:00Z',
    ]);
  });

  it('BYMONTHDAY=29 hits February only in leap years (yearly via INTERVAL=12)', () => {
    expect(first('DTSTART:20240229T000000Z\nRRULE:FREQ=MONTHLY;INTERVAL=12;BYMONTHDAY=29', '2024-02-29T00:00:00Z', 3)).toEqual([
      '2024-02-29T00:00:00Z',
      '2028-02-29T00:00:00Z',
      '2032-02-29T00:00:00Z',
    ]);
    // 2100 is not a leap year: 2096 -> 2104
    expect(first('DTSTART:20240229T000000Z\nRRULE:FREQ=MONTHLY;INTERVAL=12;BYMONTHDAY=29', '2096-03-01T00:00:00Z', 1)).toEqual(['2104-02-29T00:00:00Z']);
  });

  it('BYMONTHDAY=-1 is the last day of every month, leap or not', () => {
    expect(first('FREQ=MONTHLY;BYMONTHDAY=-1', '2023-12-31T00:00:01Z', 3)).toEqual(['2024-01-31T00:00:00Z', '2024-02-29T00:00:00Z', '2024-03-31T00:00:00Z']);
    expect(first('FREQ=MONTHLY;BYMONTHDAY=-1', '2025-02-01T00:00:00Z', 1)).toEqual(['2025-02-28T00:00:00Z']);
  });

  it('several month days, ascending', () => {
    expect(first('FREQ=MONTHLY;BYMONTHDAY=15,1,-1', '2026-02-02T00:00:00Z', 4)).toEqual([
      '2026-02-15T00:00:00Z',
      '2026-02-28T00:00:00Z',
      '2026-03-01T00:00:00Z',
      '2026-03-15T00:00:00Z',
    ]);
  });

  it('BYDAY with ordinals: first Monday, last Friday, second-to-last Sunday', () => {
    expect(first('FREQ=MONTHLY;BYDAY=1MO;BYHOUR=9', '2026-01-01T00:00:00Z', 3)).toEqual(['2026-01-05T09:00:00Z', '2026-02-02T09:00:00Z', '2026-03-02T09:00:00Z']);
    expect(first('FREQ=MONTHLY;BYDAY=-1FR', '2026-01-01T00:00:00Z', 3)).toEqual(['2026-01-30T00:00:00Z', '2026-02-27T00:00:00Z', '2026-03-27T00:00:00Z']);
    expect(first('FREQ=MONTHLY;BYDAY=-2SU', '2026-01-01T00:00:00Z', 2)).toEqual(['2026-01-18T00:00:00Z', '2026-02-15T00:00:00Z']);
  });

  it('a fifth week day exists only in some months', () => {
    // fifth Thursday: 2026-01-29, 2026-04-30, 2026-07-30
    expect(first('FREQ=MONTHLY;BYDAY=5TH', '2026-01-01T00:00:00Z', 3)).toEqual(['2026-01-29T00:00:00Z', '2026-04-30T00:00:00Z', '2026-07-30T00:00:00Z']);
  });

  it('plain BYDAY expands to every such day of the month', () => {
    expect(first('FREQ=MONTHLY;INTERVAL=2;BYDAY=MO', '2026-01-20T00:00:00Z', 4)).toEqual([
      '2026-01-26T00:00:00Z',
      '2026-03-02T00:00:00Z',
      '2026-03-09T00:00:00Z',
      '2026-03-16T00:00:00Z',
    ]);
  });

  it('BYDAY limits BYMONTHDAY: Friday the 13th', () => {
    expect(first('FREQ=MONTHLY;BYMONTHDAY=13;BYDAY=FR', '2026-01-01T00:00:00Z', 3)).toEqual(['2026-02-13T00:00:00Z', '2026-03-13T00:00:00Z', '2026-11-13T00:00:00Z']);
  });

  it('INTERVAL=5 across year ends counts months from DTSTART', () => {
    expect(first('DTSTART:20261015T000000Z\nRRULE:FREQ=MONTHLY;INTERVAL=5', '2026-10-16T00:00:00Z', 3)).toEqual(['2027-03-15T00:00:00Z', '2027-08-15T00:00:00Z', '2028-01-15T00:00:00Z']);
  });
});

describe('nextOccurrence', () => {
  it('is strictly after the given instant', () => {
    const r = parseRecurrence('FREQ=DAILY;BYHOUR=2;BYMINUTE=0');
    expect(iso(nextOccurrence(r, new Date('2026-01-01T02:00:00Z'))!)).toBe('2026-01-02T02:00:00Z');
    expect(iso(nextOccurrence(r, new Date('2026-01-01T01:59:59.999Z'))!)).toBe('2026-01-01T02:00:00Z');
  });

  it('never gives an instant before DTSTART', () => {
    const r = parseRecurrence('DTSTART:20300101T000000Z\nRRULE:FREQ=HOURLY');
    expect(iso(nextOccurrence(r, new Date('2026-01-01Z'))!)).toBe('2030-01-01T00:00:00Z');
  });

  it('DTSTART is an occurrence only when it matches the rule', () => {
    // DTSTART is a Thursday, the rule says Mondays
    const r = parseRecurrence('DTSTART:20260101T090000Z\nRRULE:FREQ=WEEKLY;BYDAY=MO');
    expect(iso(nextOccurrence(r, new Date('2025-12-31Z'))!)).toBe('2026-01-05T09:00:00Z');
  });
});
