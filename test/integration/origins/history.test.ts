import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { testKat, type TestKat } from '../../helpers/kat';

const NET = 'Network|internet';
const HOST = 'Hostname|internet|example.org';
const WWW = 'Hostname|internet|www.example.org';
const ZONE = 'DNSZone|internet|example.org';

let kat: TestKat;
beforeEach(async () => {
  kat = await testKat();
});
afterEach(async () => {
  await kat.close();
});

const at = (iso: string) => ({ validTime: iso, txTime: iso });

/** t1: example.org declared; t2: www declared; t3: example.org gets a DNS zone; t4: www deleted. */
async function story() {
  kat.clock.set('2026-03-01T10:00:00Z');
  await kat.api('objects.declare', { org: 'acme', pk: HOST });
  kat.clock.set('2026-03-02T10:00:00Z');
  await kat.api('objects.declare', { org: 'acme', pk: WWW });
  kat.clock.set('2026-03-03T10:00:00Z');
  await kat.api('objects.declare', { org: 'acme', object: { type: 'Hostname', data: { network: NET, name: 'example.org', dns_zone: ZONE } } });
  kat.clock.set('2026-03-04T10:00:00Z');
  await kat.api('objects.delete', { org: 'acme', pk: WWW });
  kat.clock.set('2026-03-05T10:00:00Z');
}

describe('history', () => {
  it('reads an object as of a valid time', async () => {
    await story();
    const then = await kat.api('objects.get', { org: 'acme', pk: HOST, asOf: { validTime: '2026-03-02T12:00:00Z' } });
    expect(then.object.data.dns_zone).toBeUndefined();
    const now = await kat.api('objects.get', { org: 'acme', pk: HOST });
    expect(now.object.data.dns_zone).toBe(ZONE);
    await expect(kat.api('objects.get', { org: 'acme', pk: WWW })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    const wwwThen = await kat.api('objects.get', { org: 'acme', pk: WWW, asOf: { validTime: '2026-03-03T00:00:00Z' } });
    expect(wwwThen.object.pk).toBe(WWW);
    await expect(kat.api('objects.get', { org: 'acme', pk: WWW, asOf: { validTime: '2026-03-01T12:00:00Z' } })).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('lists an object\'s full history with the origin behind each change', async () => {
    await story();
    const h = await kat.api('objects.history', { org: 'acme', pk: WWW });
    expect(h.map((v) => [v.change, v.validFrom, v.origin])).toEqual([
      ['created', '2026-03-02T10:00:00.000Z', `Origin|declaration|manual|${WWW}`],
      // the deletion closes the open version in transaction time and restates it up to the deletion
      ['created', '2026-03-02T10:00:00.000Z', `Origin|declaration|manual|${WWW}`],
      ['deleted', '2026-03-04T10:00:00.000Z', null],
    ]);
    expect(h[0]!.txTo).toBe('2026-03-04T10:00:00.000Z');
    expect(h[1]!.validTo).toBe('2026-03-04T10:00:00.000Z');
    const hh = await kat.api('objects.history', { org: 'acme', pk: HOST });
    expect(hh.filter((v) => v.txTo === null).map((v) => [v.change, v.validFrom, v.validTo])).toEqual([
      ['created', '2026-03-01T10:00:00.000Z', '2026-03-03T10:00:00.000Z'],
      ['updated', '2026-03-03T10:00:00.000Z', null],
    ]);
  });

  it('separates valid time from transaction time: a backdated declaration was not known before it was made', async () => {
    kat.clock.set('2026-03-10T10:00:00Z');
    await kat.api('objects.declare', { org: 'acme', pk: HOST, validTime: '2026-03-01T00:00:00Z' });
    const asKnownThen = { validTime: '2026-03-05T00:00:00Z', txTime: '2026-03-09T00:00:00Z' };
    const asKnownNow = { validTime: '2026-03-05T00:00:00Z', txTime: '2026-03-11T00:00:00Z' };
    await expect(kat.api('objects.get', { org: 'acme', pk: HOST, asOf: asKnownThen })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect((await kat.api('objects.get', { org: 'acme', pk: HOST, asOf: asKnownNow })).object.pk).toBe(HOST);
  });

  it('lists the organisation as of a time', async () => {
    await story();
    const page = await kat.api('objects.list', { org: 'acme', types: ['Hostname'], asOf: { validTime: '2026-03-02T12:00:00Z' } });
    expect(page.items.map((i) => i.pk)).toEqual([HOST, WWW]);
    const now = await kat.api('objects.list', { org: 'acme', types: ['Hostname'] });
    expect(now.items.map((i) => i.pk)).toEqual([HOST]);
  });

  it('diffs one object and the organisation between two times', async () => {
    await story();
    const one = await kat.api('objects.diff', { org: 'acme', pk: HOST, from: at('2026-03-02T12:00:00Z'), to: at('2026-03-05T00:00:00Z') });
    expect(one.object!.changes).toEqual([{ field: 'dns_zone', before: null, after: ZONE }]);
    const org = await kat.api('objects.diff', { org: 'acme', from: at('2026-03-01T12:00:00Z'), to: at('2026-03-03T12:00:00Z') });
    expect(org.added!.sort()).toEqual([WWW, ZONE].sort());
    expect(org.removed).toEqual([]);
    expect(org.changed).toEqual([{ pk: HOST, changes: [{ field: 'dns_zone', before: null, after: ZONE }] }]);
    const later = await kat.api('objects.diff', { org: 'acme', from: at('2026-03-03T12:00:00Z'), to: at('2026-03-05T00:00:00Z') });
    expect(later.removed).toEqual([WWW]);
  });
});
