import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testKat, type TestKat } from '../../helpers/kat';

const HOST = 'Hostname|internet|a.example';
const IP = 'IPAddressV4|internet|198.51.100.1';
const WEB = 'IPPort|internet|198.51.100.1|tcp|80';
const TLS = 'IPPort|internet|198.51.100.1|tcp|443';
const RESOLVED = `ResolvedHostname|internet|a.example|internet|198.51.100.1`;
const T1 = '2026-03-01T10:00:00.000Z';
const T2 = '2026-03-05T00:00:00.000Z';
const T3 = '2026-03-10T00:00:00.000Z';
const BEFORE = '2026-02-01T00:00:00.000Z';
const BETWEEN_1_2 = '2026-03-03T00:00:00.000Z';
const AFTER_3 = '2026-03-12T00:00:00.000Z';

let kat: TestKat;
const port = (port: number, state: string) => ({ type: 'IPPort', data: { address: IP, protocol: 'tcp', port, state } });

beforeAll(async () => {
  kat = await testKat(); // the clock starts at T1
  await kat.api('objects.declare', { org: 'acme', pk: HOST });
  await kat.api('objects.declare', { org: 'acme', object: port(80, 'open') });
  await kat.api('objects.declare', { org: 'acme', object: port(443, 'open') });
  kat.clock.set(T2);
  await kat.api('objects.declare', { org: 'acme', object: { type: 'ResolvedHostname', data: { hostname: HOST, address: IP } } });
  await kat.api('objects.declare', { org: 'acme', object: port(80, 'closed') });
  kat.clock.set(T3);
  await kat.api('objects.delete', { org: 'acme', pk: TLS });
  kat.clock.set('2026-03-20T00:00:00Z');
});
afterAll(async () => {
  await kat.close();
});

describe('explorer.open as of a valid time', () => {
  it('draws the graph as it was then', async () => {
    const then = await kat.api('explorer.open', { org: 'acme', start: [IP], asOf: BETWEEN_1_2 });
    const ids = then.nodes.map((n) => n.id);
    expect(ids).toEqual(expect.arrayContaining([IP, WEB, TLS, 'Network|internet']));
    expect(ids).not.toContain(RESOLVED);
    expect(then.asOf).toBe(BETWEEN_1_2);
    expect(then.edges).toContainEqual({ id: `${TLS}|address|${IP}`, source: TLS, target: IP, attr: 'address' });
    const now = await kat.api('explorer.open', { org: 'acme', start: [IP] });
    expect(now.nodes.map((n) => n.id)).toEqual(expect.arrayContaining([IP, WEB, RESOLVED]));
    expect(now.nodes.map((n) => n.id)).not.toContain(TLS);
    // a start object that did not exist yet is left out; when none did, NOT_FOUND
    const partly = await kat.api('explorer.open', { org: 'acme', start: [IP, RESOLVED], asOf: BETWEEN_1_2 });
    expect(partly.nodes.map((n) => n.id)).not.toContain(RESOLVED);
    await expect(kat.api('explorer.open', { org: 'acme', start: [IP], asOf: BEFORE })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    // expand and collections as of then
    const ex = await kat.api('explorer.expand', { org: 'acme', pk: IP, asOf: BETWEEN_1_2, aggregateOver: 1 });
    const c = ex.nodes.find((n) => n.id === `agg:${IP}|address|in|IPPort`);
    expect(c).toMatchObject({ count: 2, members: [TLS, WEB] });
    const page = await kat.api('explorer.expandCollection', { org: 'acme', id: c!.id, asOf: BETWEEN_1_2 });
    expect(page.nodes.map((n) => n.id)).toEqual([TLS, WEB]);
  });
});

describe('explorer.compare', () => {
  it('lists what was added, removed and changed between two times, attribute by attribute', async () => {
    const r = await kat.api('explorer.compare', { org: 'acme', pks: [IP], from: BETWEEN_1_2, to: AFTER_3 });
    expect(r.added).toEqual([RESOLVED]);
    expect(r.removed).toEqual([TLS]);
    expect(r.changed).toEqual([{ pk: WEB, changes: [{ field: 'state', before: 'open', after: 'closed' }] }]);
    expect(r.edgesAdded).toEqual([{ id: `${RESOLVED}|address|${IP}`, source: RESOLVED, target: IP, attr: 'address' }]);
    expect(r.edgesRemoved).toEqual([{ id: `${TLS}|address|${IP}`, source: TLS, target: IP, attr: 'address' }]);
    expect(r.graphFrom.asOf).toBe(BETWEEN_1_2);
    expect(r.graphTo.asOf).toBe(AFTER_3);
    expect(r.graphFrom.nodes.map((n) => n.id)).toContain(TLS);
    expect(r.graphTo.nodes.map((n) => n.id)).toContain(RESOLVED);
    // the other way round
    const back = await kat.api('explorer.compare', { org: 'acme', pks: [IP], from: AFTER_3, to: BETWEEN_1_2 });
    expect([back.added, back.removed]).toEqual([[TLS], [RESOLVED]]);
    expect(back.changed).toEqual([{ pk: WEB, changes: [{ field: 'state', before: 'closed', after: 'open' }] }]);
  });

  it('compares with a time at which the objects did not exist yet: everything is added', async () => {
    const r = await kat.api('explorer.compare', { org: 'acme', pks: [HOST], from: BEFORE, to: AFTER_3 });
    expect(r.graphFrom.nodes).toEqual([]);
    expect(r.added).toEqual(expect.arrayContaining([HOST, RESOLVED, 'Network|internet']));
    expect(r.removed).toEqual([]);
  });

  it('refuses bad times', async () => {
    await expect(kat.api('explorer.compare', { org: 'acme', pks: [IP], from: 'then', to: AFTER_3 })).rejects.toMatchObject({ code: 'BAD_REQUEST', details: { field: 'from' } });
    await expect(kat.api('explorer.compare', { org: 'acme', pks: [], from: BEFORE, to: AFTER_3 })).rejects.toMatchObject({ code: 'BAD_REQUEST' });
  });
});

describe('explorer.timeline', () => {
  it('gives the distinct valid times of changes, for the organisation or some objects', async () => {
    const all = await kat.api('explorer.timeline', { org: 'acme' });
    const days = (ps: string[]) => [...new Set(ps.map((p) => p.slice(0, 10)))];
    expect(days(all.points)).toEqual(['2026-03-01', '2026-03-05', '2026-03-10']);
    expect(all.first!.slice(0, 10)).toBe('2026-03-01');
    expect(all.last!.slice(0, 10)).toBe('2026-03-10');
    expect(all.points).toEqual([...all.points].sort());
    expect(new Set(all.points).size).toBe(all.points.length);
    const web = await kat.api('explorer.timeline', { org: 'acme', pks: [WEB] });
    expect(days(web.points)).toEqual(['2026-03-01', '2026-03-05']);
    expect(web.points).toHaveLength(2);
    const none = await kat.api('explorer.timeline', { org: 'acme', pks: ['Hostname|internet|never.example'] });
    expect(none).toEqual({ first: null, last: null, points: [] });
    await expect(kat.api('explorer.timeline', { org: 'nope' })).rejects.toMatchObject({ code: 'ORG_NOT_FOUND' });
  });
});
