/** Scan levels through the API on a real core (in-memory PGlite): declare, inherit per the caps, reset, delete, clearance. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { KatEvent } from '../../../src-main/api/types';
import { eligiblePks, levelOf } from '../../../src-main/levels';
import { testKat, type TestKat } from '../../helpers/kat';

const NET = 'Network|internet';
const HOST = 'Hostname|internet|example.org';
const NS_HOST = 'Hostname|internet|ns1.example.net';
const IP = 'IPAddressV4|internet|192.0.2.10';
const A = 'DNSARecord|internet|example.org|192.0.2.10';
const RH = 'ResolvedHostname|internet|example.org|internet|192.0.2.10';
const NS = 'DNSNSRecord|internet|example.org|ns1.example.net';
const PORT = 'IPPort|internet|192.0.2.10|tcp|443';

let kat: TestKat;
let events: Extract<KatEvent, { topic: 'levels.changed' }>[];
beforeEach(async () => {
  kat = await testKat();
  events = [];
  kat.subscribe((e) => {
    if (e.topic === 'levels.changed') events.push(e);
  });
});
afterEach(async () => {
  await kat.close();
});

const observe = (method: string, results: { type: string; data: Record<string, unknown> }[]) =>
  kat.api('origins.save', { org: 'acme', kind: 'observation', method, source: HOST, results });
const aRecord = { type: 'DNSARecord', data: { hostname: HOST, address: IP, value: '192.0.2.10' } };
const resolved = { type: 'ResolvedHostname', data: { hostname: HOST, address: IP } };
const nsRecord = { type: 'DNSNSRecord', data: { hostname: HOST, name_server_hostname: NS_HOST, value: 'ns1.example.net' } };

async function levels(): Promise<Record<string, string>> {
  const r = await kat.db.query<{ pk: string; level: number; kind: string }>(`SELECT pk, level, kind FROM scan_profiles WHERE org = 'acme' ORDER BY pk`);
  return Object.fromEntries(r.rows.map((x) => [x.pk, `${x.kind} L${x.level}`]));
}

async function counts(): Promise<number[]> {
  const out: number[] = [];
  for (const t of ['scan_profiles', 'outbox']) out.push((await kat.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${t}`)).rows[0]!.n);
  return out;
}

describe('organisation clearance', () => {
  it('nothing above L0 is declared before a clearance is acknowledged, nor above it; refusals write nothing', async () => {
    await kat.api('objects.declare', { org: 'acme', pk: HOST });
    expect(await kat.api('orgs.clearance.get', { org: 'acme' })).toEqual({
      org: 'acme',
      maxLevel: null,
      acknowledgedAt: null,
      acknowledgedBy: null,
      declaredAbove: 0,
    });
    const before = await counts();
    await expect(kat.api('levels.declare', { org: 'acme', pks: [HOST], level: 1 })).rejects.toMatchObject({ code: 'CLEARANCE_NOT_ACKNOWLEDGED' });

    kat.clock.set('2026-03-02T09:30:00Z');
    const c = await kat.api('orgs.clearance.acknowledge', { org: 'acme', maxLevel: 2, acknowledgedBy: 'Alice Auditor' });
    expect(c).toMatchObject({ maxLevel: 2, acknowledgedBy: 'Alice Auditor', acknowledgedAt: '2026-03-02T09:30:00.000Z' });
    expect(await kat.api('orgs.clearance.get', { org: 'acme' })).toEqual(c);

    await expect(kat.api('levels.declare', { org: 'acme', pks: [HOST], level: 3 })).rejects.toMatchObject({
      code: 'LEVEL_ABOVE_CLEARANCE',
      details: { level: 3, maxLevel: 2 },
    });
    expect(await counts()).toEqual(before);
    expect(events).toEqual([]);
  });

  it('a declaration naming a missing object writes nothing; L0 ("do not scan") needs no clearance', async () => {
    await kat.api('objects.declare', { org: 'acme', pk: HOST });
    await kat.api('orgs.clearance.acknowledge', { org: 'acme', maxLevel: 4, acknowledgedBy: 'alice' });
    const before = await counts();
    await expect(kat.api('levels.declare', { org: 'acme', pks: [HOST, 'Hostname|internet|nope.org'], level: 2 })).rejects.toMatchObject({
      code: 'NOT_FOUND',
      details: { missing: ['Hostname|internet|nope.org'] },
    });
    expect(await counts()).toEqual(before);
    await expect(kat.api('levels.declare', { org: 'acme', pks: [HOST], level: 9 })).rejects.toMatchObject({ code: 'BAD_REQUEST' });

    await kat.api('orgs.clearance.acknowledge', { org: 'acme', maxLevel: 0, acknowledgedBy: 'bob' });
    await kat.api('levels.declare', { org: 'acme', pks: [HOST], level: 0 });
    expect(await levels()).toEqual({ [HOST]: 'declared L0' });
  });

  it('lowering the clearance keeps existing declarations and says how many are above it', async () => {
    await kat.api('objects.declare', { org: 'acme', pk: HOST });
    await kat.api('orgs.clearance.acknowledge', { org: 'acme', maxLevel: 3, acknowledgedBy: 'alice' });
    await kat.api('levels.declare', { org: 'acme', pks: [HOST], level: 3 });
    expect(await kat.api('orgs.clearance.acknowledge', { org: 'acme', maxLevel: 1, acknowledgedBy: 'alice' })).toMatchObject({ maxLevel: 1, declaredAbove: 1 });
    expect(await levels()).toEqual({ [HOST]: 'declared L3' });
  });
});

describe('declared and inherited levels', () => {
  beforeEach(async () => {
    await kat.api('objects.declare', { org: 'acme', pk: HOST });
    await kat.api('orgs.clearance.acknowledge', { org: 'acme', maxLevel: 4, acknowledgedBy: 'alice' });
  });

  it('a Hostname at L2: its A record inherits L2, the address only through ResolvedHostname, name servers at most L1', async () => {
    await observe('dns', [aRecord]);
    const r = await kat.api('levels.declare', { org: 'acme', pks: [HOST], level: 2 });
    expect(r.pks.sort()).toEqual([A, HOST].sort());
    // DNSRecord.hostname takes up to L2; DNSARecord.address carries nothing, so the IP stays empty
    expect(await levels()).toEqual({ [HOST]: 'declared L2', [A]: 'inherited L2' });

    await observe('dns', [aRecord, resolved, nsRecord]);
    expect(await levels()).toEqual({
      [HOST]: 'declared L2',
      [A]: 'inherited L2',
      [RH]: 'inherited L2',
      [IP]: 'inherited L2',
      [NS]: 'inherited L2',
      [NS_HOST]: 'inherited L1',
    });
    expect(events.at(-1)).toMatchObject({ topic: 'levels.changed', org: 'acme', reason: 'objects' });
    expect(events.at(-1)!.pks.sort()).toEqual([RH, IP, NS, NS_HOST].sort());

    // objects created under the address inherit downwards (IPPort.address 0/4)
    await kat.api('objects.declare', { org: 'acme', pk: PORT });
    expect((await kat.api('levels.get', { org: 'acme', pk: PORT })).level).toBe(2);

    // L4 on the hostname: the name server stays at L1, everything else follows
    await kat.api('levels.declare', { org: 'acme', pks: [HOST], level: 4 });
    const l = await kat.api('levels.list', { org: 'acme', pks: [IP, NS_HOST, A, NET] });
    expect(l).toEqual([
      { pk: IP, level: 4, kind: 'inherited' },
      { pk: NS_HOST, level: 1, kind: 'inherited' },
      { pk: A, level: 2, kind: 'inherited' },
      { pk: NET, level: 0, kind: 'empty' },
    ]);
  });

  it('explains an inherited level by the chain back to the declared profile', async () => {
    await observe('dns', [aRecord, resolved, nsRecord]);
    await kat.api('levels.declare', { org: 'acme', pks: [HOST], level: 2 });
    expect(await kat.api('levels.get', { org: 'acme', pk: IP })).toEqual({
      pk: IP,
      type: 'IPAddressV4',
      level: 2,
      kind: 'inherited',
      explanation: [
        { pk: IP, type: 'IPAddressV4', level: 2, kind: 'inherited', via: { source: RH, attr: 'address', target: IP, direction: 'issue', cap: 4 } },
        { pk: RH, type: 'ResolvedHostname', level: 2, kind: 'inherited', via: { source: RH, attr: 'hostname', target: HOST, direction: 'inherit', cap: 4 } },
        { pk: HOST, type: 'Hostname', level: 2, kind: 'declared' },
      ],
    });
    const ns = await kat.api('levels.get', { org: 'acme', pk: NS_HOST });
    expect(ns.explanation.map((s) => [s.pk, s.level, s.via?.direction, s.via?.cap])).toEqual([
      [NS_HOST, 1, 'issue', 1],
      [NS, 2, 'inherit', 2],
      [HOST, 2, undefined, undefined],
    ]);
    expect(await kat.api('levels.get', { org: 'acme', pk: HOST })).toMatchObject({ kind: 'declared', explanation: [{ pk: HOST, kind: 'declared' }] });
    expect(await kat.api('levels.get', { org: 'acme', pk: NET })).toMatchObject({ level: 0, kind: 'empty', explanation: [] });
    await expect(kat.api('levels.get', { org: 'acme', pk: 'Hostname|internet|nope.org' })).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('a declared level wins over what an object would inherit, also when lower; reset goes back to inherited', async () => {
    await observe('dns', [aRecord, resolved]);
    await kat.api('levels.declare', { org: 'acme', pks: [HOST], level: 3 });
    await kat.api('levels.declare', { org: 'acme', pks: [RH], level: 1 });
    // a declared L1 in the middle caps what passes through it
    expect(await levels()).toMatchObject({ [RH]: 'declared L1', [IP]: 'inherited L1' });
    await kat.api('levels.declare', { org: 'acme', pks: [RH], level: 0 });
    expect((await levels())[IP]).toBeUndefined();

    const r = await kat.api('levels.reset', { org: 'acme', pks: [RH] });
    expect(r.pks.sort()).toEqual([RH, IP].sort());
    expect(await levels()).toMatchObject({ [RH]: 'inherited L3', [IP]: 'inherited L3' });

    await kat.api('levels.reset', { org: 'acme', pks: [HOST, IP] });
    expect(await levels()).toEqual({});
    expect(events.at(-1)).toMatchObject({ reason: 'reset' });
  });

  it('a deleted object loses its profile and what it passed on; a full recalculation then changes nothing', async () => {
    await observe('dns', [aRecord, resolved, nsRecord]);
    await kat.api('levels.declare', { org: 'acme', pks: [HOST], level: 2 });
    await kat.api('objects.declare', { org: 'acme', pk: NS_HOST }); // so it outlives the observation
    await kat.api('levels.declare', { org: 'acme', pks: [NS_HOST], level: 1 });

    await kat.api('objects.delete', { org: 'acme', pk: RH });
    expect(await levels()).toEqual({ [HOST]: 'declared L2', [A]: 'inherited L2', [NS]: 'inherited L2', [NS_HOST]: 'declared L1' });

    await kat.api('objects.delete', { org: 'acme', pk: NS });
    expect(await levels()).toEqual({ [HOST]: 'declared L2', [A]: 'inherited L2', [NS_HOST]: 'declared L1' });

    // (deleting the hostname cascades through the graph: its records, and here the network too)
    const gone = await kat.api('objects.delete', { org: 'acme', pk: HOST });
    expect(gone.deleted).toContain(HOST);
    const left = await levels();
    for (const pk of gone.deleted) expect(left[pk]).toBeUndefined();
    expect(events.at(-1)!.pks).toEqual(expect.arrayContaining([HOST, A]));

    const full = await kat.api('levels.recalculate', { org: 'acme' });
    expect(full).toMatchObject({ declared: Object.keys(left).length, inherited: 0, changed: 0 });
    expect(full.objects).toBe(full.declared + full.inherited + full.empty);
    expect(full.ms).toBeGreaterThanOrEqual(0);
  });

  it('levelOf and eligiblePks answer the scheduler from the stored profiles', async () => {
    await observe('dns', [aRecord, resolved, nsRecord]);
    await kat.api('levels.declare', { org: 'acme', pks: [HOST], level: 2 });
    expect(await levelOf(kat.db, 'acme', IP)).toBe(2);
    expect(await levelOf(kat.db, 'acme', NS_HOST)).toBe(1);
    expect(await levelOf(kat.db, 'acme', NET)).toBe(0);
    expect(await eligiblePks(kat.db, 'acme', [NET, IP, NS_HOST, HOST, 'Hostname|internet|nope.org'], 2)).toEqual([IP, HOST]);
    expect(await eligiblePks(kat.db, 'acme', [NET, NS_HOST, 'Hostname|internet|nope.org'], 0)).toEqual([NET, NS_HOST]);
  });

  it('a recalculation after a restart of the core finds the same levels', async () => {
    await observe('dns', [aRecord, resolved, nsRecord]);
    await kat.api('levels.declare', { org: 'acme', pks: [HOST], level: 2 });
    const stored = await levels();
    await kat.db.query(`UPDATE scan_profiles SET level = 4 WHERE pk = $1`, [IP]); // a stale row
    expect(await kat.api('levels.recalculate', { org: 'acme' })).toMatchObject({ changed: 1, declared: 1, inherited: 5 });
    expect(await levels()).toEqual(stored);
  });

  it('deleting the organisation removes its levels and clearance', async () => {
    await kat.api('levels.declare', { org: 'acme', pks: [HOST], level: 2 });
    await kat.api('orgs.delete', { code: 'acme', confirm: 'acme' });
    expect((await kat.db.query(`SELECT * FROM scan_profiles`)).rows).toEqual([]);
    expect((await kat.db.query(`SELECT * FROM org_clearance`)).rows).toEqual([]);
  });
});
