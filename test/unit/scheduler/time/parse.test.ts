/** Parsing recurrences: the accepted subset, presets, the canonical text, and errors that name the bad part. */
import { describe, expect, it } from 'vitest';
import { AppError } from '../../../../src-main/common/errors';
import { PRESETS, formatRecurrence, parseRecurrence } from '../../../../src-main/scheduler/time';

function errorOf(text: string, options?: { start?: Date }): AppError {
  try {
    parseRecurrence(text, options);
  } catch (e) {
    if (e instanceof AppError) return e;
    throw e;
  }
  throw new Error(`expected "${text}" to be rejected`);
}

describe('parseRecurrence: accepted rules', () => {
  it('reads every part of the subset', () => {
    const r = parseRecurrence('DTSTART:20260105T090000Z\nRRULE:FREQ=MONTHLY;INTERVAL=2;BYDAY=1MO,-1FR,WE;BYHOUR=18,9;BYMINUTE=30,0;COUNT=4');
    expect(r.freq).toBe('MONTHLY');
    expect(r.interval).toBe(2);
    expect(r.dtstart.toISOString()).toBe('2026-01-05T09:00:00.000Z');
    expect(r.explicitStart).toBe(true);
    expect(r.byDay).toEqual([{ day: 'MO', nth: 1 }, { day: 'FR', nth: -1 }, { day: 'WE' }]);
    expect(r.byHour).toEqual([9, 18]);
    expect(r.byMinute).toEqual([0, 30]);
    expect(r.count).toBe(4);
    expect(Object.isFrozen(r)).toBe(true);
  });

  it('takes the rule without RRULE: and without DTSTART, case-insensitively, with a trailing ;', () => {
    const r = parseRecurrence('freq=daily;byhour=2;');
    expect(r).toMatchObject({ freq: 'DAILY', interval: 1, byHour: [2], explicitStart: false });
    expect(r.dtstart.toISOString()).toBe('1970-01-01T00:00:00.000Z');
  });

  it('uses options.start (whole seconds) when there is no DTSTART, and DTSTART over it', () => {
    const start = new Date('2026-03-04T05:06:07.890Z');
    expect(parseRecurrence('FREQ=HOURLY', { start }).dtstart.toISOString()).toBe('2026-03-04T05:06:07.000Z');
    expect(parseRecurrence('DTSTART:20260101T000000Z\nFREQ=HOURLY', { start }).dtstart.toISOString()).toBe('2026-01-01T00:00:00.000Z');
  });

  it('reads DATE and floating DTSTART/UNTIL values as UTC, and CRLF lines', () => {
    expect(parseRecurrence('DTSTART;VALUE=DATE:20260105\r\nRRULE:FREQ=DAILY').dtstart.toISOString()).toBe('2026-01-05T00:00:00.000Z');
    expect(parseRecurrence('DTSTART:20260105T090000\nRRULE:FREQ=DAILY').dtstart.toISOString()).toBe('2026-01-05T09:00:00.000Z');
    expect(parseRecurrence('FREQ=DAILY;UNTIL=20261231').until?.toISOString()).toBe('2026-12-31T00:00:00.000Z');
    expect(parseRecurrence('FREQ=DAILY;UNTIL=20261231T235959Z').until?.toISOString()).toBe('2026-12-31T23:59:59.000Z');
  });

  it('accepts WKST=MO, negative month days, duplicate list items once', () => {
    const r = parseRecurrence('FREQ=MONTHLY;WKST=MO;BYMONTHDAY=-1,1,1;BYDAY=MO,MO');
    expect(r.byMonthDay).toEqual([-1, 1]);
    expect(r.byDay).toEqual([{ day: 'MO' }]);
  });

  it('accepts COUNT without DTSTART when options.start is given', () => {
    expect(parseRecurrence('FREQ=DAILY;COUNT=3', { start: new Date('2026-01-01Z') }).count).toBe(3);
  });
});

describe('presets', () => {
  it.each(Object.entries(PRESETS))('%s maps to %s', (name, rule) => {
    const r = parseRecurrence(name);
    expect(r.preset).toBe(name);
    expect({ ...r, preset: undefined }).toEqual({ ...parseRecurrence(rule), preset: undefined });
  });

  it('are frozen like any recurrence', () => {
    expect(Object.isFrozen(parseRecurrence('daily'))).toBe(true);
  });

  it('are case- and space-insensitive', () => {
    expect(parseRecurrence('  Daily ').preset).toBe('daily');
    expect(parseRecurrence('HOURLY').freq).toBe('HOURLY');
  });

  it('keep the given start', () => {
    expect(parseRecurrence('weekly', { start: new Date('2026-02-03T00:00:00Z') }).dtstart.toISOString()).toBe('2026-02-03T00:00:00.000Z');
  });
});

describe('formatRecurrence', () => {
  it.each([
    'DTSTART:20260105T090000Z\nRRULE:FREQ=WEEKLY;INTERVAL=2;BYDAY=MO,FR;BYHOUR=9;BYMINUTE=0;COUNT=5',
    'DTSTART:19700101T000000Z\nRRULE:FREQ=MONTHLY;BYDAY=-1FR;BYMONTHDAY=-1,13;UNTIL=20270101T000000Z',
    'DTSTART:20240229T123456Z\nRRULE:FREQ=MINUTELY;INTERVAL=7',
  ])('round-trips %j', (text) => {
    const r = parseRecurrence(text);
    expect(formatRecurrence(r)).toBe(text);
    expect(parseRecurrence(formatRecurrence(r))).toEqual(r);
  });

  it('writes a preset out as its rule with the start', () => {
    expect(formatRecurrence(parseRecurrence('daily'))).toBe('DTSTART:19700101T000000Z\nRRULE:FREQ=DAILY;BYHOUR=0;BYMINUTE=0');
  });
});

describe('parseRecurrence: errors name the bad part', () => {
  it.each([
    ['', 'RRULE', 1],
    ['FREQ=YEARLY', 'FREQ', 1],
    ['FREQ=SECONDLY', 'FREQ', 1],
    ['INTERVAL=2', 'FREQ', 1],
    ['FREQ=DAILY;INTERVAL=0', 'INTERVAL', 12],
    ['FREQ=DAILY;INTERVAL=-1', 'INTERVAL', 12],
    ['FREQ=DAILY;INTERVAL=1.5', 'INTERVAL', 12],
    ['FREQ=DAILY;INTERVAL=10001', 'INTERVAL', 12],
    ['FREQ=DAILY;BYHOUR=24', 'BYHOUR', 12],
    ['FREQ=DAILY;BYHOUR=', 'BYHOUR', 12],
    ['FREQ=DAILY;BYHOUR=1,,2', 'BYHOUR', 12],
    ['FREQ=DAILY;BYMINUTE=60', 'BYMINUTE', 12],
    ['FREQ=MONTHLY;BYMONTHDAY=0', 'BYMONTHDAY', 14],
    ['FREQ=MONTHLY;BYMONTHDAY=32', 'BYMONTHDAY', 14],
    ['FREQ=MONTHLY;BYMONTHDAY=-32', 'BYMONTHDAY', 14],
    ['FREQ=WEEKLY;BYMONTHDAY=1', 'BYMONTHDAY', 13],
    ['FREQ=WEEKLY;BYDAY=XX', 'BYDAY', 13],
    ['FREQ=WEEKLY;BYDAY=1MO', 'BYDAY', 13],
    ['FREQ=DAILY;BYDAY=-1FR', 'BYDAY', 12],
    ['FREQ=MONTHLY;BYDAY=6MO', 'BYDAY', 14],
    ['FREQ=MONTHLY;BYDAY=0MO', 'BYDAY', 14],
    ['FREQ=DAILY;BYSECOND=5', 'BYSECOND', 12],
    ['FREQ=DAILY;BYSETPOS=1', 'BYSETPOS', 12],
    ['FREQ=DAILY;BYMONTH=1', 'BYMONTH', 12],
    ['FREQ=DAILY;WKST=SU', 'WKST', 12],
    ['FREQ=DAILY;FREQ=HOURLY', 'FREQ', 12],
    ['FREQ=DAILY;COUNT', 'COUNT', 12],
    ['FREQ=DAILY;COUNT=0', 'COUNT', 12],
    ['FREQ=DAILY;UNTIL=20260230', 'UNTIL', 12],
    ['FREQ=DAILY;UNTIL=tomorrow', 'UNTIL', 12],
    ['DTSTART:20260101T000000Z\nFREQ=DAILY;COUNT=2;UNTIL=20270101', 'UNTIL', 20],
    ['FREQ=DAILY;COUNT=3', 'COUNT', 12],
    ['FREQ=DAILY;;BYHOUR=1', 'RRULE', 12],
    ['FREQ=DAILY; BYHOUR=1', 'BYHOUR', 12],
    ['FREQ=DAILY;BYHOUR = 1', 'BYHOUR', 12],
  ])('%j -> %s at column %i', (text, part, column) => {
    const e = errorOf(text);
    expect(e.code).toBe('BAD_REQUEST');
    expect(e.details).toMatchObject({ field: 'recurrence', part, column });
    expect(e.message).toMatch(/^Recurrence: /);
  });

  it('points at the DTSTART line and refuses time zones', () => {
    expect(errorOf('DTSTART;TZID=Europe/Amsterdam:20260101T000000\nRRULE:FREQ=DAILY').details).toMatchObject({ part: 'DTSTART', line: 1 });
    expect(errorOf('DTSTART:20261301T000000Z\nRRULE:FREQ=DAILY').details).toMatchObject({ part: 'DTSTART', line: 1 });
    expect(errorOf('DTSTART:20260101T250000Z\nRRULE:FREQ=DAILY').details).toMatchObject({ part: 'DTSTART' });
    expect(errorOf('DTSTART 20260101\nRRULE:FREQ=DAILY').details).toMatchObject({ part: 'DTSTART' });
    expect(errorOf('DTSTART:20260101\nDTSTART:20260102\nRRULE:FREQ=DAILY').details).toMatchObject({ part: 'DTSTART', line: 2 });
  });

  it('gives line and column on the rule line, after RRULE: and leading spaces', () => {
    expect(errorOf('DTSTART:20260101T000000Z\n  RRULE:FREQ=DAILY;BYHOUR=99').details).toMatchObject({ part: 'BYHOUR', line: 2, column: 20, value: '99' });
  });

  it('refuses a second rule line', () => {
    expect(errorOf('FREQ=DAILY\nFREQ=HOURLY').details).toMatchObject({ part: 'RRULE', line: 2 });
  });

  it('says what to write instead', () => {
    expect(errorOf('FREQ=DAILY;BYDAY=MONDAY').message).toContain('MO, TU, WE');
    expect(errorOf('every day').message).toContain('NAME=VALUE');
  });
});
