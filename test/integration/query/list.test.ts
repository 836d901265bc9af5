import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../../src-main/db/database';
import { escapeLike, listObjects, type ListOptions } from '../../../src-main/graph/query/list';
import { A1, A2, AAAA, CNAME, FINDING, HOST, IP1, IP2, IP6, MAIL, NS, SMALL_GRAPH, WWW } from '../../fixtures/graph/small';
import { LOADED_AT, ORG, openSmallGraph } from './graph-db';

let db: Database;
beforeAll(async () => {
  db = await openSmallGraph();
});
afterAll(() => db?.close());

const base: ListOptions = { sort: 'pk', desc: false, offset: 0, limit: 50 };
const pks = async (opts: Partial<ListOptions>) => (await listObjects(db, ORG, { ...base, ...opts })).items.map((i) => i.pk);
const byCodeUnit = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

describe('listObjects', () => {
  it('lists every object of the organisation in pk order with a total', async () => {
    const page = await listObjects(db, ORG, base);
    expect(page.items.map((i) => i.pk)).toEqual(SMALL_GRAPH.map((o) => o.pk).sort(byCodeUnit));
    expect(page).toMatchObject({ total: SMALL_GRAPH.length, totalCapped: false, offset: 0 });
    expect(page.items.find((i) => i.pk === HOST)).toEqual({
      pk: HOST,
      type: 'Hostname',
      originKinds: ['declaration', 'observation'],
      lastChange: LOADED_AT,
      validFrom: LOADED_AT,
    });
    expect(page.items.find((i) => i.pk === FINDING)?.originKinds).toEqual(['inference']);
    expect(page.items.find((i) => i.pk === WWW)?.originKinds).toEqual([]);
  });

  it('expands an abstract type to its concrete subtypes', async () => {
    expect(await pks({ types: ['IPAddress'] })).toEqual([IP1, IP2, IP6]);
    expect(await pks({ types: ['DNSRecord'] })).toEqual([AAAA, A1, A2, CNAME, NS]);
    expect(await pks({ types: ['IPAddressV6', 'Hostname'] })).toEqual([HOST, MAIL, WWW, IP6]);
    expect(await pks({ types: ['OOI'] })).toHaveLength(SMALL_GRAPH.length);
  });

  it('rejects an unknown type', async () => {
    await expect(listObjects(db, ORG, { ...base, types: ['Nope'] })).rejects.toMatchObject({ code: 'UNKNOWN_TYPE' });
  });

  it('searches case-insensitively for a substring of the pk', async () => {
    expect(await pks({ search: 'MAIL.example' })).toEqual([A2, NS, MAIL]);
    expect(await pks({ search: 'mail', types: ['Hostname'] })).toEqual([MAIL]);
    expect(await pks({ search: '2001:DB8' })).toEqual([AAAA, IP6]);
  });

  it('treats LIKE wildcards and SQL in the search as plain text', async () => {
    expect(await pks({ search: '%' })).toEqual([]);
    expect(await pks({ search: '_' })).toEqual([]);
    expect(await pks({ search: '\\' })).toEqual([]);
    expect(await pks({ search: "'); DROP TABLE objects; --" })).toEqual([]);
    expect((await db.query('SELECT count(*)::int AS n FROM objects WHERE org = $1', [ORG])).rows).toEqual([{ n: SMALL_GRAPH.length }]);
    expect(escapeLike('50%_a\\b')).toBe('50\\%\\_a\\\\b');
  });

  it('sorts by type then pk, descending too', async () => {
    const asc = await pks({ types: ['IPAddress', 'Hostname'], sort: 'type' });
    expect(asc).toEqual([HOST, MAIL, WWW, IP1, IP2, IP6]);
    expect(await pks({ types: ['IPAddress', 'Hostname'], sort: 'type', desc: true })).toEqual([...asc].reverse());
    expect(await pks({ types: ['IPAddress'], desc: true })).toEqual([IP6, IP2, IP1]);
  });

  it('sorts by last change', async () => {
    await db.query(`UPDATE objects SET tx_from = '2026-02-01T00:00:00Z' WHERE org = $1 AND pk = $2`, [ORG, IP2]);
    try {
      expect(await pks({ types: ['IPAddress'], sort: 'changed' })).toEqual([IP1, IP6, IP2]);
      expect(await pks({ types: ['IPAddress'], sort: 'changed', desc: true })).toEqual([IP2, IP6, IP1]);
    } finally {
      await db.query(`UPDATE objects SET tx_from = $3 WHERE org = $1 AND pk = $2`, [ORG, IP2, LOADED_AT]);
    }
  });

  it('pages with offset and limit and still reports the total', async () => {
    const all = SMALL_GRAPH.map((o) => o.pk).sort(byCodeUnit);
    const p1 = await listObjects(db, ORG, { ...base, limit: 10 });
    const p3 = await listObjects(db, ORG, { ...base, limit: 10, offset: 20 });
    expect(p1.items.map((i) => i.pk)).toEqual(all.slice(0, 10));
    expect(p1).toMatchObject({ total: all.length, totalCapped: false, offset: 0 });
    expect(p3.items.map((i) => i.pk)).toEqual(all.slice(20));
    expect(p3).toMatchObject({ total: all.length, offset: 20 });
    const past = await listObjects(db, ORG, { ...base, limit: 10, offset: 100 });
    expect(past).toEqual({ items: [], total: all.length, totalCapped: false, offset: 100 });
    const typed = await listObjects(db, ORG, { ...base, types: ['IPAddress'], limit: 2, offset: 1 });
    expect(typed.items.map((i) => i.pk)).toEqual([IP2, IP6]);
    expect(typed.total).toBe(3);
  });

  it('keeps organisations apart', async () => {
    expect(await listObjects(db, 'other', base)).toMatchObject({ total: 1, items: [{ pk: HOST }] });
    expect(await listObjects(db, 'nobody', base)).toEqual({ items: [], total: 0, totalCapped: false, offset: 0 });
  });

  it('caps the total at 10,000', async () => {
    const big = Array.from({ length: 10_050 }, (_, i) => `Service|s${i}`);
    await db.query(
      `INSERT INTO objects (org, pk, type, data, valid_from, tx_from) SELECT 'big', pk, 'Service', '{}', now(), now() FROM unnest($1::text[]) pk`,
      [big],
    );
    const page = await listObjects(db, 'big', { ...base, limit: 5 });
    expect(page).toMatchObject({ total: 10_000, totalCapped: true });
    expect(page.items).toHaveLength(5);
    const few = await listObjects(db, 'big', { ...base, limit: 5, search: 's1000' });
    expect(few).toMatchObject({ total: 11, totalCapped: false });
  });

  it('reads the objects as of a point in time', async () => {
    const before = { validTime: '2025-12-31T00:00:00.000Z', txTime: '2026-06-01T00:00:00.000Z' };
    const after = { validTime: '2026-06-01T00:00:00.000Z', txTime: '2026-06-01T00:00:00.000Z' };
    expect(await listObjects(db, ORG, { ...base, asOf: before })).toEqual({ items: [], total: 0, totalCapped: false, offset: 0 });
    const page = await listObjects(db, ORG, { ...base, types: ['IPAddress'], search: '192', asOf: after });
    expect(page.items.map((i) => i.pk)).toEqual([IP1, IP2]);
    expect(page.items[0]).toEqual({ pk: IP1, type: 'IPAddressV4', originKinds: ['observation'], lastChange: LOADED_AT, validFrom: LOADED_AT });
  });
});
