/** Grace periods, priorities and deadlines: OpenKAT's scheduler behaviour on fixed times. */
import { describe, expect, it } from 'vitest';
import { AppError } from '../../../../src-main/common/errors';
import {
  DEFAULT_GRACE_MS,
  MAX_JITTER_MS,
  PRIORITY,
  STALE_AFTER_MS,
  gracePeriodMs,
  isWithinGrace,
  jitterMs,
  nextDeadline,
  parseRecurrence,
  priorityFor,
} from '../../../../src-main/scheduler/time';

const H = 3_600_000;
const D = 24 * H;
const ended = new Date('2026-03-01T12:00:00Z');
const at = (ms: number) => new Date(ended.getTime() + ms);

describe('gracePeriodMs', () => {
  it('is 24 h by default, or the plugin interval', () => {
    expect(DEFAULT_GRACE_MS).toBe(D);
    expect(gracePeriodMs()).toBe(D);
    expect(gracePeriodMs(null)).toBe(D);
    expect(gracePeriodMs(7 * 24 * 60)).toBe(7 * D);
    expect(gracePeriodMs(90)).toBe(1.5 * H);
  });

  it.each([0, -5, Number.NaN, Number.POSITIVE_INFINITY])('refuses the interval %d', (minutes) => {
    expect(() => gracePeriodMs(minutes)).toThrow(AppError);
  });
});

describe('isWithinGrace', () => {
  it('never run is never within grace', () => {
    expect(isWithinGrace(null, ended, D)).toBe(false);
  });

  it('is exclusive at the boundary: 1 ms before it within, exactly at it due', () => {
    expect(isWithinGrace(ended, at(0), D)).toBe(true);
    expect(isWithinGrace(ended, at(D - 1), D)).toBe(true);
    expect(isWithinGrace(ended, at(D), D)).toBe(false);
    expect(isWithinGrace(ended, at(D + 1), D)).toBe(false);
  });

  it('uses the given grace (a weekly plugin)', () => {
    expect(isWithinGrace(ended, at(3 * D), 7 * D)).toBe(true);
    expect(isWithinGrace(ended, at(7 * D), 7 * D)).toBe(false);
  });

  it('a run that ended in the future (clock skew) counts as just run', () => {
    expect(isWithinGrace(ended, at(-H), D)).toBe(true);
  });
});

describe('priorityFor', () => {
  const p = (lastRun: Date | null, now: Date, manual = false, graceMs = D) => priorityFor({ manual, lastRun, now, graceMs });

  it('manual is 1, even inside the grace period; never run is 2', () => {
    expect(p(ended, at(1), true)).toBe(PRIORITY.manual);
    expect(p(null, ended, true)).toBe(1);
    expect(p(null, ended)).toBe(PRIORITY.neverRun);
    expect(p(null, ended)).toBe(2);
  });

  it('inside the grace period there is no priority: do not queue', () => {
    expect(p(ended, at(D - 1))).toBeNull();
    expect(p(ended, at(-D))).toBeNull();
  });

  it('1000 exactly at the end of grace, 3 from 7 days past it', () => {
    expect(p(ended, at(D))).toBe(1000);
    expect(p(ended, at(D + STALE_AFTER_MS - 1))).toBe(4);
    expect(p(ended, at(D + STALE_AFTER_MS))).toBe(3);
    expect(p(ended, at(D + 365 * D))).toBe(3);
  });

  it('is linear in between: half way (3.5 days overdue) is 1000 - floor(997 / 2)', () => {
    expect(p(ended, at(D + 3.5 * D))).toBe(1000 - 498);
    expect(p(ended, at(D + D))).toBe(1000 - Math.floor(997 / 7));
  });

  it('measures staleness from the end of the plugin own grace period', () => {
    expect(p(ended, at(7 * D), false, 7 * D)).toBe(1000);
    expect(p(ended, at(14 * D), false, 7 * D)).toBe(3);
  });

  it('property: never more urgent for a later now, always a whole number in [3, 1000]', () => {
    for (const graceMs of [H, D, 7 * D]) {
      let previous = Infinity;
      for (let now = graceMs; now <= graceMs + 9 * D; now += 997_013) {
        const prio = p(ended, at(now), false, graceMs)!;
        expect(Number.isInteger(prio)).toBe(true);
        expect(prio).toBeGreaterThanOrEqual(3);
        expect(prio).toBeLessThanOrEqual(1000);
        expect(prio).toBeLessThanOrEqual(previous);
        previous = prio;
      }
      expect(previous).toBe(3);
    }
  });

  it('property: an older last run is never less urgent, and never-run beats every stale run', () => {
    const now = new Date('2026-06-01T00:00:00Z');
    let previous = Infinity; // inside grace (null) counts as the least urgent
    for (let age = 0; age <= 10 * D; age += 611_953) {
      const prio = p(new Date(now.getTime() - age), now) ?? Infinity;
      expect(prio).toBeLessThanOrEqual(previous);
      expect(prio).toBeGreaterThan(PRIORITY.neverRun);
      previous = prio;
    }
  });
});

describe('jitter and nextDeadline', () => {
  const now = new Date('2026-03-01T00:00:00Z');

  it('jitter is deterministic per key, whole seconds, in [0, 5 h)', () => {
    expect(jitterMs('dns-records|Hostname|internet|example.com')).toBe(jitterMs('dns-records|Hostname|internet|example.com'));
    const seen = new Set<number>();
    for (let i = 0; i < 5000; i++) {
      const j = jitterMs(`nmap|IPAddressV4|internet|10.0.${i >> 8}.${i & 255}`);
      expect(j).toBeGreaterThanOrEqual(0);
      expect(j).toBeLessThan(MAX_JITTER_MS);
      expect(j % 1000).toBe(0);
      seen.add(Math.floor(j / (MAX_JITTER_MS / 10)));
    }
    expect(seen.size).toBe(10); // spread over the whole range
  });

  it('pinned values, so a change of hash shows up here', () => {
    expect(jitterMs('')).toBe(((0x811c9dc5 >>> 0) % 18_000) * 1000);
    expect(jitterMs('a')).not.toBe(jitterMs('b'));
  });

  it('without a recurrence: now + grace + jitter', () => {
    const key = 'dns-records|Hostname|internet|example.com';
    expect(nextDeadline({ now, taskKey: key, graceMs: D })!.getTime()).toBe(now.getTime() + D + jitterMs(key));
    expect(nextDeadline({ now, taskKey: key, graceMs: 7 * D, recurrence: null })!.getTime()).toBe(now.getTime() + 7 * D + jitterMs(key));
  });

  it('with a recurrence: its next occurrence after now, no jitter', () => {
    const recurrence = parseRecurrence('FREQ=DAILY;BYHOUR=2;BYMINUTE=0');
    expect(nextDeadline({ now, taskKey: 'x', graceMs: D, recurrence })?.toISOString()).toBe('2026-03-01T02:00:00.000Z');
  });

  it('null when the recurrence has ended', () => {
    const recurrence = parseRecurrence('FREQ=DAILY;UNTIL=20260101');
    expect(nextDeadline({ now, taskKey: 'x', graceMs: D, recurrence })).toBeNull();
  });
});
