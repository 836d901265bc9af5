/** The report wizard's draft, the inputs helpers and the trend over earlier reports. Pure logic. */
import { describe, expect, it } from 'vitest';
import type { ReportSummary } from '../../../src-main/reports/types';
import { emptySeverityCounts } from '../../../src-main/reports/types';
import { canonicalInputs, fromLocalInput, inputsText, sameInputs, shortTypeName, toLocalInput } from '../../../src-renderer/features/reports/report-format';
import { trendChart } from '../../../src-renderer/features/reports/trend';
import { draftFromRecipe, EMPTY_WIZARD, inputsOf, wizardProblems } from '../../../src-renderer/features/reports/wizard-draft';

const H1 = 'Hostname|internet|a.example';
const H2 = 'Hostname|internet|b.example';

describe('wizard draft', () => {
  it('sends chosen objects, or a live filter with only what is set', () => {
    expect(inputsOf({ ...EMPTY_WIZARD, objects: [] })).toBeNull();
    expect(inputsOf({ ...EMPTY_WIZARD, objects: [H1, H2] })).toEqual({ objects: [H1, H2] });
    expect(inputsOf({ ...EMPTY_WIZARD, mode: 'filter' })).toEqual({ filter: {} });
    expect(inputsOf({ ...EMPTY_WIZARD, mode: 'filter', filterTypes: ['Hostname'], search: ' acme ', minLevel: '2' })).toEqual({
      filter: { types: ['Hostname'], search: 'acme', minLevel: 2 },
    });
  });

  it('names what is missing before anything is sent', () => {
    const now = new Date('2026-12-02T12:00:00Z');
    expect(wizardProblems(EMPTY_WIZARD, { recipe: false, now }).map((p) => p.field)).toEqual(['type', 'inputs']);
    const ok = { ...EMPTY_WIZARD, type: 'aggregate' as const, objects: [H1] };
    expect(wizardProblems(ok, { recipe: false, now })).toEqual([]);
    expect(wizardProblems({ ...ok, asOf: '2099-01-01T00:00' }, { recipe: false, now }).map((p) => p.field)).toEqual(['asOf']);
    // a recipe needs a name; its as-of is always the run
    expect(wizardProblems({ ...ok, asOf: '2099-01-01T00:00' }, { recipe: true, now }).map((p) => p.field)).toEqual(['name']);
  });

  it('opens a stored recipe as a draft', () => {
    const base = { id: 'r', org: 'acme', name: 'Weekly', type: 'findings' as const, rrule: 'FREQ=WEEKLY', enabled: false, lastRunAt: null, nextRunAt: null };
    expect(draftFromRecipe({ ...base, inputs: { filter: { types: ['Hostname'], minLevel: 1 } } })).toMatchObject({
      mode: 'filter',
      filterTypes: ['Hostname'],
      search: '',
      minLevel: '1',
      name: 'Weekly',
      rrule: 'FREQ=WEEKLY',
      enabled: false,
    });
    expect(draftFromRecipe({ ...base, inputs: { objects: [H1] } })).toMatchObject({ mode: 'objects', objects: [H1] });
  });
});

describe('inputs and names', () => {
  it('compares inputs regardless of order, and says them in a line', () => {
    expect(sameInputs({ objects: [H1, H2] }, { objects: [H2, H1] })).toBe(true);
    expect(sameInputs({ objects: [H1] }, { objects: [H1, H2] })).toBe(false);
    expect(sameInputs({ filter: { types: ['A', 'B'], search: '' } }, { filter: { types: ['B', 'A'] } })).toBe(true);
    expect(canonicalInputs({ filter: {} })).not.toBe(canonicalInputs({ objects: [] }));
    expect(inputsText({ objects: [H1] })).toBe(H1);
    expect(inputsText({ objects: [H1, H2] })).toBe('2 chosen objects');
    expect(inputsText({ filter: { types: ['Hostname'], search: 'acme', minLevel: 2 } })).toBe('live filter: Hostname · “acme” · level ≥ 2');
    expect(shortTypeName([{ type: 'aggregate', name: 'Aggregate report', description: '', inputTypes: [], plugins: [] }], 'aggregate')).toBe('Aggregate');
  });

  it('turns datetime-local values into ISO times and back (local time)', () => {
    const iso = fromLocalInput('2026-03-01T10:30')!;
    expect(toLocalInput(iso)).toBe('2026-03-01T10:30');
    expect(fromLocalInput('')).toBeNull();
    expect(fromLocalInput('not a date')).toBeNull();
  });
});

describe('trend', () => {
  const summary = (id: string, asOf: string, counts: Partial<ReturnType<typeof emptySeverityCounts>>, inputs = { objects: [H1, H2] }): ReportSummary => ({
    id,
    org: 'acme',
    name: id,
    type: 'aggregate',
    inputs,
    asOf,
    createdAt: asOf,
    versions: { plugins: {}, catalogue: '', app: '' },
    previousId: null,
    recipeId: null,
    counts: { findings: { ...emptySeverityCounts(), ...counts } },
  });

  it('draws one line per severity that occurs, over the reports on the same inputs, oldest first', () => {
    const reports = [
      summary('c', '2026-03-15T08:00:00Z', { critical: 1, low: 2 }),
      summary('a', '2026-03-01T08:00:00Z', { critical: 3 }),
      summary('other', '2026-03-08T08:00:00Z', { high: 9 }, { objects: [H1] }),
      summary('b', '2026-03-08T08:00:00Z', { critical: 2, low: 1 }, { objects: [H2, H1] }),
    ];
    const { chart, points } = trendChart(reports, 'aggregate', { objects: [H1, H2] });
    expect(points).toBe(3);
    expect(chart.kind).toBe('line');
    expect(chart.series.map((s) => s.label)).toEqual(['Critical', 'Low']);
    expect(chart.series[0]!.values.map((v) => v.y)).toEqual([3, 2, 1]);
    expect(chart.series[1]!.values.map((v) => v.y)).toEqual([0, 1, 2]);
    expect(new Set(chart.series[0]!.values.map((v) => v.x)).size).toBe(3);
  });

  it('keeps reports of the same day apart on the x axis', () => {
    const reports = [summary('a', '2026-03-01T08:00:00Z', { high: 1 }), summary('b', '2026-03-01T09:00:00Z', { high: 2 }), summary('c', '2026-03-01T09:00:00Z', { high: 3 })];
    const { chart } = trendChart(reports, 'aggregate', { objects: [H1, H2] });
    const xs = chart.series[0]!.values.map((v) => v.x);
    expect(new Set(xs).size).toBe(3);
  });
});
