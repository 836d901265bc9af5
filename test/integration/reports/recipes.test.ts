/** Report recipes on a fake clock: saved with a validated RRULE, made by the tick when due, as of their due time. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testKat, type TestKat } from '../../helpers/kat';
import { isAppError } from '../../../src-main/common/errors';
import { SCOPE, seedReportGraph } from './fixture';

let kat: TestKat;
beforeAll(async () => {
  // the fake clock starts at 2026-03-01T10:00:00Z
  kat = await testKat({ reports: { printer: false, recipes: { start: false } } });
  await seedReportGraph(kat);
}, 300_000);
afterAll(() => kat.close());

describe('report recipes', () => {
  it('rejects a bad recurrence with a code and saves nothing', async () => {
    const e = await kat.api('reports.recipes.save', { org: 'acme', name: 'Bad', type: 'dns', inputs: SCOPE, rrule: 'FREQ=SOMETIMES' }).catch((x: unknown) => x);
    expect(isAppError(e) && e.code).toBe('BAD_REQUEST');
    expect(isAppError(e) && e.details?.field).toBe('recurrence');
    const e2 = await kat.api('reports.recipes.delete', { org: 'acme', id: 'missing' }).catch((x: unknown) => x);
    expect(isAppError(e2) && e2.code).toBe('NOT_FOUND');
    expect((await kat.api('reports.recipes.list', { org: 'acme' })).recipes).toEqual([]);
  });

  it('makes the report when due, as of the due time, and moves to the next occurrence', async () => {
    const recipe = await kat.api('reports.recipes.save', { org: 'acme', name: 'Daily findings', type: 'findings', inputs: SCOPE, rrule: 'FREQ=DAILY;BYHOUR=6;BYMINUTE=0' });
    expect(recipe.nextRunAt).toBe('2026-03-02T06:00:00.000Z');
    expect(recipe.lastRunAt).toBe(null);
    expect(recipe.rrule).toContain('FREQ=DAILY');

    // not due yet
    expect(await kat.reportRecipes.tick()).toEqual([]);
    kat.clock.set('2026-03-02T05:59:59Z');
    expect(await kat.reportRecipes.tick()).toEqual([]);

    kat.clock.set('2026-03-02T06:00:30Z');
    const made = await kat.reportRecipes.tick();
    expect(made).toHaveLength(1);
    const r = await kat.api('reports.get', { org: 'acme', id: made[0]! });
    expect(r.recipeId).toBe(recipe.id);
    expect(r.asOf).toBe('2026-03-02T06:00:00.000Z');
    expect(r.name).toBe('Daily findings 2026-03-02');
    expect(r.type).toBe('findings');
    const [after] = (await kat.api('reports.recipes.list', { org: 'acme' })).recipes;
    expect(after).toMatchObject({ id: recipe.id, lastRunAt: '2026-03-02T06:00:30.000Z', nextRunAt: '2026-03-03T06:00:00.000Z' });
    // the same tick again makes nothing
    expect(await kat.reportRecipes.tick()).toEqual([]);

    // missed days (the app was closed) are made up once, as of the latest missed occurrence
    kat.clock.set('2026-03-05T12:00:00Z');
    const late = await kat.reportRecipes.tick();
    expect(late).toHaveLength(1);
    expect((await kat.api('reports.get', { org: 'acme', id: late[0]! })).asOf).toBe('2026-03-05T06:00:00.000Z');
    expect((await kat.api('reports.recipes.list', { org: 'acme' })).recipes[0]!.nextRunAt).toBe('2026-03-06T06:00:00.000Z');
    // the second report of the recipe follows the first
    const second = await kat.api('reports.get', { org: 'acme', id: late[0]! });
    expect(second.previousId).toBe(made[0]);
  });

  it('a disabled recipe does not run; changing it keeps its id', async () => {
    const [recipe] = (await kat.api('reports.recipes.list', { org: 'acme' })).recipes;
    const off = await kat.api('reports.recipes.save', { org: 'acme', id: recipe!.id, name: 'Daily findings', type: 'findings', inputs: SCOPE, rrule: recipe!.rrule, enabled: false });
    expect(off.id).toBe(recipe!.id);
    expect(off.nextRunAt).toBe(null);
    kat.clock.set('2026-03-10T12:00:00Z');
    expect(await kat.reportRecipes.tick()).toEqual([]);
    expect(await kat.api('reports.recipes.delete', { org: 'acme', id: recipe!.id })).toEqual({ deleted: true });
    expect((await kat.api('reports.recipes.list', { org: 'acme' })).recipes).toEqual([]);
  });
});
