/** The arithmetic of the hand-drawn report charts, and the recipe recurrence check. */
import { describe, expect, it } from 'vitest';
import { bands, categories, donutArcs, niceTicks, polyline, scaleY, shortNumber, spreadX } from '../../../src-renderer/features/reports/charts/geometry';
import { colourFor, describeChart } from '../../../src-renderer/features/reports/charts/types';
import { checkRrule, presetOf, RECIPE_PRESETS, withStart } from '../../../src-renderer/features/reports/recipe-rrule';

describe('chart geometry', () => {
  it('picks round axis steps that reach the maximum; counts get whole steps', () => {
    expect(niceTicks(7)).toEqual([0, 2, 4, 6, 8]);
    expect(niceTicks(3)).toEqual([0, 1, 2, 3]);
    expect(niceTicks(10)).toEqual([0, 5, 10]);
    expect(niceTicks(1)).toEqual([0, 1]);
    expect(niceTicks(0)).toEqual([0, 1]);
    expect(niceTicks(2000)).toEqual([0, 500, 1000, 1500, 2000]);
    expect(niceTicks(0.9)).toEqual([0, 0.25, 0.5, 0.75, 1]);
    for (const max of [1, 9, 13, 99, 101, 4999, 12345]) {
      const t = niceTicks(max);
      expect(t[0]).toBe(0);
      expect(t[t.length - 1]).toBeGreaterThanOrEqual(max);
      expect(t.every(Number.isInteger)).toBe(true);
      expect(t.length).toBeLessThanOrEqual(7);
    }
  });

  it('scales values onto the y axis (0 at the bottom, the axis maximum at the top)', () => {
    expect(scaleY(0, 10, 20, 120)).toBe(120);
    expect(scaleY(10, 10, 20, 120)).toBe(20);
    expect(scaleY(5, 10, 20, 120)).toBe(70);
    expect(scaleY(-3, 10, 20, 120)).toBe(120);
    expect(scaleY(3, 0, 20, 120)).toBe(120);
  });

  it('spreads bands and points evenly', () => {
    expect(bands(2, 0, 100, 0.5)).toEqual([
      { x: 12.5, width: 25 },
      { x: 62.5, width: 25 },
    ]);
    expect(bands(0, 0, 100)).toEqual([]);
    expect(spreadX(3, 0, 100)).toEqual([0, 50, 100]);
    expect(spreadX(1, 0, 100)).toEqual([50]);
    expect(polyline([0, 50.123], [10, 20])).toBe('0,10 50.12,20');
  });

  it('cuts a donut into segments by share, a single value into a full ring, zeros into nothing', () => {
    const arcs = donutArcs([1, 0, 3], 50, 50, 40, 20);
    expect(arcs.map((a) => a.share)).toEqual([0.25, 0, 0.75]);
    expect(arcs[1]!.d).toBe('');
    // the first quarter starts at 12 o'clock and ends at 3 o'clock on the outer ring
    expect(arcs[0]!.d).toBe('M 50 10 A 40 40 0 0 1 90 50 L 70 50 A 20 20 0 0 0 50 30 Z');
    expect(arcs[2]!.d).toContain(' 0 1 1 '); // more than half: the large-arc flag
    const full = donutArcs([5], 50, 50, 40, 20);
    expect(full[0]!.share).toBe(1);
    expect(full[0]!.d.match(/M /g)).toHaveLength(2);
    expect(donutArcs([0, 0], 50, 50, 40, 20).every((a) => a.d === '' && a.share === 0)).toBe(true);
  });

  it('collects categories in first-seen order, shortens numbers', () => {
    expect(categories([{ values: [{ x: 'b' }, { x: 'a' }] }, { values: [{ x: 'a' }, { x: 'c' }] }])).toEqual(['b', 'a', 'c']);
    expect([shortNumber(12), shortNumber(1500), shortNumber(15_000), shortNumber(2_340_000), shortNumber(0.25)]).toEqual(['12', '1500', '15k', '2.3M', '0.3']);
  });

  it('colours severities by their own colour, other series from the palette, and describes a chart in words', () => {
    expect(colourFor('High', 3)).toBe('var(--sev-high)');
    expect(colourFor('ports', 7)).toBe('var(--chart-2)');
    const chart = { id: 'c', title: 't', kind: 'bar' as const, series: [{ label: 'Findings', values: [{ x: 'critical', y: 2 }, { x: 'low', y: 0 }] }] };
    expect(describeChart(chart)).toBe('critical 2, low 0');
  });
});

describe('recipe recurrence', () => {
  const now = new Date('2026-12-02T15:00:00Z'); // a Wednesday

  it('reads the presets and says when they run next', () => {
    const weekly = checkRrule(RECIPE_PRESETS.find((p) => p.id === 'weekly')!.rrule, now);
    expect(weekly).toMatchObject({ ok: true, frequent: false });
    if (!weekly.ok) throw new Error('weekly preset rejected');
    expect(weekly.next.map((d) => d.toISOString())).toEqual(['2026-12-07T08:00:00.000Z', '2026-12-14T08:00:00.000Z', '2026-12-21T08:00:00.000Z']);
    expect(weekly.text).toMatch(/Monday/);
    const monthly = checkRrule(RECIPE_PRESETS.find((p) => p.id === 'monthly')!.rrule, now);
    if (!monthly.ok) throw new Error('monthly preset rejected');
    expect(monthly.next[0]!.toISOString()).toBe('2027-01-01T08:00:00.000Z');
    expect(presetOf('freq=weekly;byday=MO;byhour=8;byminute=0')).toBe('weekly');
    expect(presetOf('FREQ=DAILY')).toBeNull();
  });

  it('says what is wrong with a bad rule and where', () => {
    const bad = checkRrule('FREQ=WEEKLY;BYHOUR=25', now);
    expect(bad.ok).toBe(false);
    if (bad.ok) return;
    expect(bad.message).toMatch(/BYHOUR/);
    expect(bad.column).toBe(13);
    expect(checkRrule('  ', now)).toMatchObject({ ok: false, column: null });
    expect(checkRrule('FREQ=YEARLY', now)).toMatchObject({ ok: false });
  });

  it('sends a rule with the start its preview used (midnight UTC today), and keeps a given DTSTART', () => {
    expect(withStart('FREQ=WEEKLY;BYDAY=MO;BYHOUR=8', now)).toBe('DTSTART:20261202T000000Z\nFREQ=WEEKLY;BYDAY=MO;BYHOUR=8');
    expect(withStart('RRULE:FREQ=DAILY', now)).toBe('DTSTART:20261202T000000Z\nFREQ=DAILY');
    expect(withStart('DTSTART:20260105T090000Z\nRRULE:FREQ=DAILY', now)).toBe('DTSTART:20260105T090000Z\nRRULE:FREQ=DAILY');
    expect(withStart('weekly', now)).toBe('weekly');
    const sent = checkRrule(withStart('FREQ=WEEKLY;BYDAY=MO;BYHOUR=8;BYMINUTE=0', now), now);
    if (!sent.ok) throw new Error('rejected');
    expect(sent.next[0]!.toISOString()).toBe('2026-12-07T08:00:00.000Z');
  });

  it('flags a rule that would make a report more than once an hour', () => {
    expect(checkRrule('FREQ=MINUTELY;INTERVAL=10', now)).toMatchObject({ ok: true, frequent: true });
    expect(checkRrule('FREQ=HOURLY', now)).toMatchObject({ ok: true, frequent: false });
  });
});
