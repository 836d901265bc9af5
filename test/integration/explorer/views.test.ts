import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Input } from '../../../src-main/api/contract';
import type { ViewState } from '../../../src-main/api/contracts/explorer';
import { testKat, type TestKat } from '../../helpers/kat';

let kat: TestKat;
beforeAll(async () => {
  kat = await testKat();
  await kat.api('orgs.create', { code: 'beta', name: 'Beta' });
});
afterAll(async () => {
  await kat.close();
});

const STATE: ViewState = {
  start: ['Hostname|internet|example.org'],
  filters: { types: ['Hostname', 'IPAddress'], levels: [1, 2], severities: ['high'], origins: ['declaration'] },
  layout: 'fcose',
  positions: { 'Hostname|internet|example.org': { x: 10.5, y: -3 } },
  asOf: '2026-02-01T00:00:00.000Z',
  expanded: ['Hostname|internet|example.org'],
  search: 'exa',
};

const rows = async () => (await kat.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM saved_views`)).rows[0]!.n;

describe('views', () => {
  it('saves, lists, gets, updates and deletes a view', async () => {
    const v = await kat.api('views.save', { org: 'acme', name: 'Example estate', state: STATE });
    expect(v).toMatchObject({ org: 'acme', name: 'Example estate', state: STATE, createdAt: kat.clock.now().toISOString() });
    expect(v.updatedAt).toBe(v.createdAt);
    expect(await kat.api('views.get', { org: 'acme', id: v.id })).toEqual(v);
    kat.clock.advance(60_000);
    const w = await kat.api('views.save', { org: 'acme', name: 'Second', state: { ...STATE, layout: 'dagre', asOf: null, search: undefined } });
    expect((await kat.api('views.list', { org: 'acme' })).views.map((x) => x.id)).toEqual([w.id, v.id]); // newest first
    expect((await kat.api('views.list', { org: 'beta' })).views).toEqual([]);
    kat.clock.advance(60_000);
    const u = await kat.api('views.save', { org: 'acme', id: v.id, name: 'Renamed', state: { ...STATE, layout: 'concentric' } });
    expect(u).toMatchObject({ id: v.id, name: 'Renamed', createdAt: v.createdAt, state: { layout: 'concentric' } });
    expect(u.updatedAt > v.updatedAt).toBe(true);
    expect(await kat.api('views.delete', { org: 'acme', id: w.id })).toEqual({ deleted: true });
    expect((await kat.api('views.list', { org: 'acme' })).views.map((x) => x.id)).toEqual([v.id]);
    await expect(kat.api('views.get', { org: 'acme', id: w.id })).rejects.toMatchObject({ code: 'NOT_FOUND', details: { id: w.id } });
  });

  it('keeps views per organisation', async () => {
    const v = await kat.api('views.save', { org: 'acme', name: 'Mine', state: STATE });
    await expect(kat.api('views.get', { org: 'beta', id: v.id })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(kat.api('views.delete', { org: 'beta', id: v.id })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(kat.api('views.save', { org: 'beta', id: v.id, name: 'Theirs', state: STATE })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect((await kat.api('views.get', { org: 'acme', id: v.id })).name).toBe('Mine');
  });

  it('refuses unknown ids and bad states with coded errors, writing nothing', async () => {
    const before = await rows();
    await expect(kat.api('views.save', { org: 'acme', id: 'no-such-view', name: 'X', state: STATE })).rejects.toMatchObject({ code: 'NOT_FOUND', details: { id: 'no-such-view' } });
    await expect(kat.api('views.delete', { org: 'acme', id: 'no-such-view' })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    const bad = (state: unknown) => kat.api('views.save', { org: 'acme', name: 'Bad', state } as Input<'views.save'>);
    await expect(bad({ ...STATE, layout: 'spiral' })).rejects.toMatchObject({ code: 'BAD_REQUEST', details: { field: 'state.layout' } });
    await expect(bad({ ...STATE, positions: { a: { x: 'left', y: 0 } } })).rejects.toMatchObject({ code: 'BAD_REQUEST', details: { field: 'state.positions.a.x' } });
    await expect(bad({ ...STATE, asOf: 'yesterday' })).rejects.toMatchObject({ code: 'BAD_REQUEST', details: { field: 'state.asOf' } });
    await expect(bad({ ...STATE, extra: 1 })).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    await expect(bad({ start: [] })).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    await expect(kat.api('views.save', { org: 'acme', name: '   ', state: STATE })).rejects.toMatchObject({ code: 'BAD_REQUEST', details: { field: 'name' } });
    await expect(kat.api('views.list', { org: 'nope' })).rejects.toMatchObject({ code: 'ORG_NOT_FOUND' });
    expect(await rows()).toBe(before);
  });

  it('goes with its organisation', async () => {
    await kat.api('views.save', { org: 'beta', name: 'Beta view', state: STATE });
    const acme = (await kat.api('views.list', { org: 'acme' })).views.length;
    expect(acme).toBeGreaterThan(0);
    await kat.api('orgs.delete', { code: 'beta', confirm: 'beta' });
    const left = await kat.db.query<{ org: string }>(`SELECT DISTINCT org FROM saved_views`);
    expect(left.rows.map((r) => r.org)).toEqual(['acme']);
    await kat.api('orgs.delete', { code: 'acme', confirm: 'acme' });
    expect(await rows()).toBe(0);
  });
});
