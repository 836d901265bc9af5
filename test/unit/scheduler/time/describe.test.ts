/** Recurrences in words, as the schedules page shows them. */
import { describe, expect, it } from 'vitest';
import { describeRecurrence, parseRecurrence } from '../../../../src-main/scheduler/time';

const say = (text: string) => describeRecurrence(parseRecurrence(text));

describe('describeRecurrence', () => {
  it.each([
    ['daily', 'every day at 00:00'],
    ['hourly', 'every hour'],
    ['weekly', 'every Monday at 00:00'],
    ['monthly', 'every month on the 1st at 00:00'],
    ['FREQ=MINUTELY', 'every minute'],
    ['FREQ=MINUTELY;INTERVAL=15', 'every 15 minutes'],
    ['FREQ=MINUTELY;BYMINUTE=0,30;BYHOUR=9;BYDAY=MO,FR', 'every hour at :00 and :30 during hour 09 on Mondays and Fridays'],
    ['FREQ=MINUTELY;INTERVAL=2;BYMINUTE=1,3', 'every 2 minutes at minutes 1 and 3'],
    ['FREQ=HOURLY;INTERVAL=6', 'every 6 hours'],
    ['FREQ=HOURLY;BYMINUTE=15,45', 'every hour at :15 and :45'],
    ['FREQ=HOURLY;BYHOUR=8,9,10;BYMONTHDAY=1', 'every hour during hours 08, 09 and 10 on the 1st of the month'],
    ['DTSTART:20260101T000030Z\nFREQ=HOURLY', 'every hour at :00:30, from 2026-01-01 00:00:30 UTC'],
    ['FREQ=DAILY;BYHOUR=2;BYMINUTE=0', 'every day at 02:00'],
    ['FREQ=DAILY;INTERVAL=2;BYHOUR=2,14', 'every 2 days at 02:00 and 14:00'],
    ['FREQ=DAILY;BYHOUR=2,14;BYMINUTE=0,30', 'every day at 02:00, 02:30, 14:00 and 14:30'],
    ['FREQ=DAILY;BYHOUR=0,1,2,3,4,5,6,7;BYMINUTE=0', 'every day at 00:00, 01:00, 02:00 and 5 more times'],
    ['FREQ=DAILY;BYDAY=MO,TU,WE,TH,FR;BYHOUR=9', 'every weekday at 09:00'],
    ['FREQ=DAILY;BYDAY=SU,SA;BYHOUR=9', 'every Saturday and Sunday at 09:00'],
    ['FREQ=DAILY;INTERVAL=3;BYDAY=SA,SU', 'every 3 days on Saturdays and Sundays at 00:00'],
    ['FREQ=DAILY;BYMONTHDAY=1,-1', 'every day on the 1st and last day of the month at 00:00'],
    ['FREQ=WEEKLY;BYDAY=MO;BYHOUR=9;BYMINUTE=0', 'every Monday at 09:00'],
    ['FREQ=WEEKLY;BYDAY=FR,MO,WE;BYHOUR=9', 'every Monday, Wednesday and Friday at 09:00'],
    ['FREQ=WEEKLY;INTERVAL=2;BYDAY=MO,FR', 'every 2 weeks on Monday and Friday at 00:00'],
    ['FREQ=MONTHLY;BYDAY=1MO,-1FR;BYHOUR=9', 'every month on the first Monday and the last Friday at 09:00'],
    ['FREQ=MONTHLY;BYDAY=-2SU', 'every month on the second-last Sunday at 00:00'],
    ['FREQ=MONTHLY;BYDAY=MO,TU', 'every month on Mondays and Tuesdays at 00:00'],
    ['FREQ=MONTHLY;BYMONTHDAY=13;BYDAY=FR', 'every month on the 13th if it is a Friday at 00:00'],
    ['FREQ=MONTHLY;INTERVAL=3;BYMONTHDAY=-1,2,3,11,21,22,23', 'every 3 months on the 2nd, 3rd, 11th, 21st, 22nd, 23rd and last day at 00:00'],
    ['DTSTART:20260131T120000Z\nRRULE:FREQ=MONTHLY', 'every month on the 31st at 12:00, from 2026-01-31 12:00 UTC'],
    ['DTSTART:20260105T090000Z\nFREQ=WEEKLY;COUNT=5', 'every Monday at 09:00, 5 times, from 2026-01-05 09:00 UTC'],
    ['DTSTART:20260105T090000Z\nFREQ=DAILY;COUNT=1', 'every day at 09:00, once, from 2026-01-05 09:00 UTC'],
    ['FREQ=DAILY;UNTIL=20261231T235959Z', 'every day at 00:00, until 2026-12-31 23:59:59 UTC'],
  ])('%j -> %j', (text, words) => {
    expect(say(text)).toBe(words);
  });

  it('says UTC when asked', () => {
    expect(describeRecurrence(parseRecurrence('daily'), { utc: true })).toBe('every day at 00:00 UTC');
    expect(describeRecurrence(parseRecurrence('FREQ=WEEKLY;BYDAY=MO;BYHOUR=9'), { utc: true })).toBe('every Monday at 09:00 UTC');
  });

  it('does not mention a default start', () => {
    expect(describeRecurrence(parseRecurrence('FREQ=DAILY;BYHOUR=3', { start: new Date('2026-05-05T10:00:00Z') }))).toBe('every day at 03:00');
  });

  it('says something for every rule the property test generates (never empty, never "undefined")', () => {
    for (const f of ['MINUTELY', 'HOURLY', 'DAILY', 'WEEKLY', 'MONTHLY']) {
      for (const extra of ['', ';BYDAY=MO', ';BYHOUR=1,2', ';BYMINUTE=5', ';INTERVAL=4', f === 'WEEKLY' ? '' : ';BYMONTHDAY=-3']) {
        const words = say(`FREQ=${f}${extra}`);
        expect(words).toMatch(/^every /);
        expect(words).not.toMatch(/undefined|NaN/);
      }
    }
  });
});
