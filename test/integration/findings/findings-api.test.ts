import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Input } from '../../../src-main/api/contract';
import type { KatEvent } from '../../../src-main/api/types';
import { tableCounts, testKat, type TestKat } from '../../helpers/kat';
import { CERT, F, HEADER, HOST, IP, OTHER_HOST, PORT, RESOURCE, seedFindings, WEBSITE } from './fixture';

let kat: TestKat;
const events: KatEvent[] = [];
beforeAll(async () => {
  kat = await testKat();
  await seedFindings(kat);
  kat.subscribe((e) => void events.push(e));
});
afterAll(async () => {
  await kat.close();
});

const list = (params: Record<string, unknown> = {}) => kat.api('findings.list', { org: 'acme', ...params } as Input<'findings.list'>);
const pks = async (params: Record<string, unknown> = {}) => (await list(params)).items.map((i) => i.pk);

const ALL_EXAMPLE = [F.certExpired, F.cve, F.hsts, F.csp, F.port, F.securityTxt, F.spf, F.unscored];

describe('findings.list', () => {
  it('lists every finding, most severe first (score breaks ties), a missing severity counting as pending', async () => {
    const page = await kat.api('findings.list', { org: 'acme' });
    expect(page.total).toBe(9);
    expect(page.items.map((i) => i.pk)).toEqual([F.certExpired, F.cve, F.hsts, F.csp, F.port, F.securityTxt, F.spf, F.otherSpf, F.unscored]);
    expect(page.items.map((i) => i.findingType.severity)).toEqual(['critical', 'critical', 'high', 'medium', 'low', 'recommendation', 'pending', 'pending', 'unknown']);
    expect(page.items[0]).toEqual({
      pk: F.certExpired,
      findingType: { pk: 'KATFindingType|KAT-CERTIFICATE-EXPIRED', id: 'KAT-CERTIFICATE-EXPIRED', name: 'Certificate expired', severity: 'critical', score: 10 },
      ooi: { pk: CERT, type: 'X509Certificate' },
      description: 'expired on 2025-01-01',
      muted: null,
      validFrom: expect.any(String),
    });
  });

  it('filters by severity, finding type (id or key), object type (abstract types included) and search', async () => {
    expect(await pks({ severities: ['critical', 'high'] })).toEqual([F.certExpired, F.cve, F.hsts]);
    expect(await pks({ findingTypes: ['KAT-NO-SPF'] })).toEqual([F.spf, F.otherSpf]);
    expect(await pks({ findingTypes: ['KATFindingType|KAT-NO-CSP', 'CVE-2021-41773'] })).toEqual([F.cve, F.csp]);
    expect(await pks({ objectTypes: ['IPAddress'] })).toEqual([F.unscored]);
    expect(await pks({ objectTypes: ['HTTPResource', 'Hostname'], sort: 'pk' })).toEqual([F.csp, F.hsts, F.spf, F.otherSpf].sort());
    expect(await pks({ search: 'hsts' })).toEqual([F.hsts]); // the key (type id)
    expect(await pks({ search: 'APACHE PATH' })).toEqual([F.cve]); // the type's name
    expect(await pks({ search: 'either' })).toEqual([F.otherSpf]); // the description
    expect(await pks({ search: '100%_' })).toEqual([]); // wildcards match literally
  });

  it('with ooi: the findings on a hostname and on its IPs, ports, services, websites, resources, headers and certificate', async () => {
    expect((await pks({ ooi: HOST })).sort()).toEqual([...ALL_EXAMPLE].sort());
    // from the IP down: not the hostname's own findings
    expect((await pks({ ooi: IP })).sort()).toEqual([F.certExpired, F.cve, F.hsts, F.csp, F.port, F.securityTxt, F.unscored].sort());
    expect((await pks({ ooi: RESOURCE })).sort()).toEqual([F.cve, F.hsts, F.csp].sort());
    expect(await pks({ ooi: HEADER })).toEqual([F.cve]);
    expect(await pks({ ooi: OTHER_HOST })).toEqual([F.otherSpf]);
    expect(await pks({ ooi: 'Hostname|internet|nothing.example' })).toEqual([]);
    // combined with the other filters
    expect(await pks({ ooi: HOST, severities: ['critical'], objectTypes: ['HTTPHeader'] })).toEqual([F.cve]);
  });

  it('sorts by finding type, object or key and pages with a total', async () => {
    expect((await pks({ sort: 'findingType' }))[0]).toBe(F.cve);
    const oois = (await list({ sort: 'object' })).items.map((i) => i.ooi.pk);
    expect(oois).toEqual([...oois].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
    const p1 = await kat.api('findings.list', { org: 'acme', limit: 4 });
    const p2 = await kat.api('findings.list', { org: 'acme', limit: 4, offset: 4 });
    const p3 = await kat.api('findings.list', { org: 'acme', limit: 4, offset: 8 });
    expect([p1.total, p2.total, p3.total]).toEqual([9, 9, 9]);
    expect([...p1.items, ...p2.items, ...p3.items].map((i) => i.pk)).toEqual(await pks());
    expect((await kat.api('findings.list', { org: 'acme', offset: 50 })).total).toBe(9);
  });

  it('groups by finding type with counts and the first affected objects', async () => {
    const g = await kat.api('findings.list', { org: 'acme', groupBy: 'findingType', groupObjectsLimit: 1 });
    expect(g.total).toBe(8);
    expect(g.items).toEqual([]);
    expect(g.groups!.map((x) => [x.findingType.id, x.count, x.findings.length])).toEqual([
      ['KAT-CERTIFICATE-EXPIRED', 1, 1],
      ['CVE-2021-41773', 1, 1],
      ['KAT-NO-HSTS', 1, 1],
      ['KAT-NO-CSP', 1, 1],
      ['KAT-OPEN-SYSADMIN-PORT', 1, 1],
      ['KAT-NO-SECURITY-TXT', 1, 1],
      ['KAT-NO-SPF', 2, 1],
      ['CVE-2099-0001', 1, 1],
    ]);
    const spf = await kat.api('findings.list', { org: 'acme', groupBy: 'findingType', findingTypes: ['KAT-NO-SPF'] });
    expect(spf.groups![0]!.findings.map((f) => f.ooi.pk)).toEqual([HOST, OTHER_HOST]);
    const paged = await kat.api('findings.list', { org: 'acme', groupBy: 'findingType', limit: 3, offset: 6, groupObjectsLimit: 0 });
    expect(paged.groups!.map((x) => [x.findingType.id, x.count, x.findings.length])).toEqual([
      ['KAT-NO-SPF', 2, 0],
      ['CVE-2099-0001', 1, 0],
    ]);
    expect(paged.total).toBe(8);
    expect((await kat.api('findings.list', { org: 'acme', groupBy: 'findingType', offset: 20 })).total).toBe(8);
  });
});

describe('findings.counts', () => {
  it('counts per severity, all seven keys, with the same filters', async () => {
    expect(await kat.api('findings.counts', { org: 'acme' })).toEqual({ unknown: 1, pending: 2, recommendation: 1, low: 1, medium: 1, high: 1, critical: 2 });
    expect(await kat.api('findings.counts', { org: 'acme', ooi: RESOURCE })).toEqual({ unknown: 0, pending: 0, recommendation: 0, low: 0, medium: 1, high: 1, critical: 1 });
    expect(await kat.api('findings.counts', { org: 'acme', objectTypes: ['Hostname'] })).toMatchObject({ pending: 2, critical: 0 });
  });
});

describe('findings.get', () => {
  it("returns the finding, its type's metadata and the object with its neighbourhood", async () => {
    const d = await kat.api('findings.get', { org: 'acme', pk: F.hsts });
    expect(d.finding).toMatchObject({ pk: F.hsts, description: 'no Strict-Transport-Security', proof: null, muted: null });
    expect(d.findingType).toEqual({
      pk: 'KATFindingType|KAT-NO-HSTS',
      id: 'KAT-NO-HSTS',
      name: 'No HSTS header',
      severity: 'high',
      score: 8.9,
      description: 'No HSTS header: what it means',
      impact: 'impact of KAT-NO-HSTS',
      recommendation: 'fix KAT-NO-HSTS',
      source: 'https://example.test/KAT-NO-HSTS',
      exists: true,
    });
    expect(d.object!.object.pk).toBe(RESOURCE);
    expect(d.object!.refsOut.map((r) => r.attr)).toEqual(expect.arrayContaining(['website', 'web_url']));
    expect(d.object!.refsIn.map((r) => r.source)).toEqual(expect.arrayContaining([F.hsts, F.csp, HEADER]));
  });

  it('answers a finding type without metadata as pending, and a missing finding with NOT_FOUND', async () => {
    const d = await kat.api('findings.get', { org: 'acme', pk: F.spf });
    expect(d.findingType).toMatchObject({ id: 'KAT-NO-SPF', severity: 'pending', name: null, impact: null, exists: true });
    await expect(kat.api('findings.get', { org: 'acme', pk: 'Finding|Hostname|internet|nope.org|KAT-NO-SPF' })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(kat.api('findings.get', { org: 'acme', pk: HOST })).rejects.toMatchObject({ code: 'BAD_REQUEST', details: { field: 'pk' } });
    await expect(kat.api('findings.get', { org: 'nope', pk: F.spf })).rejects.toMatchObject({ code: 'ORG_NOT_FOUND' });
  });
});

describe('findings.mute and findings.unmute', () => {
  it('mutes in one batch: hidden by default, shown with muted only/all, counted accordingly, with an event', async () => {
    events.length = 0;
    const res = await kat.api('findings.mute', { org: 'acme', pks: [F.port, F.securityTxt], reason: 'accepted risk' });
    expect(res).toMatchObject({ pks: [F.port, F.securityTxt], hidden: [F.port, F.securityTxt], dryRun: false });
    expect(res.created.sort()).toEqual([`MutedFinding|${F.port.slice(8)}`, `MutedFinding|${F.securityTxt.slice(8)}`].sort());
    expect(events.some((e) => e.topic === 'objects.changed' && e.created.includes(`MutedFinding|${F.port.slice(8)}`))).toBe(true);

    expect(await pks()).not.toContain(F.port);
    expect(await pks({ muted: 'only' })).toEqual([F.port, F.securityTxt]);
    expect(await pks({ muted: 'all' })).toHaveLength(9);
    expect((await list({ muted: 'only' })).items[0]!.muted).toEqual({ reason: 'accepted risk', expiresAt: null });
    expect(await kat.api('findings.counts', { org: 'acme' })).toMatchObject({ low: 0, recommendation: 0 });
    expect(await kat.api('findings.counts', { org: 'acme', muted: 'only' })).toMatchObject({ low: 1, recommendation: 1, critical: 0 });
    expect((await kat.api('findings.get', { org: 'acme', pk: F.port })).finding.muted).toEqual({ reason: 'accepted risk', expiresAt: null });

    // the origin is a declaration
    const origins = await kat.api('origins.list', { org: 'acme', result: `MutedFinding|${F.port.slice(8)}` });
    expect(origins.map((o) => o.kind)).toEqual(['declaration']);

    // muting again changes the reason; already hidden findings are not "hidden" again
    const again = await kat.api('findings.mute', { org: 'acme', pks: [F.port], reason: 'still accepted' });
    expect(again).toMatchObject({ hidden: [], created: [], updated: [`MutedFinding|${F.port.slice(8)}`] });

    const un = await kat.api('findings.unmute', { org: 'acme', pks: [F.port, F.securityTxt, F.csp] });
    expect(un.pks).toEqual([F.port, F.securityTxt]);
    expect(await pks({ muted: 'only' })).toEqual([]);
    expect(await kat.api('findings.unmute', { org: 'acme', pks: [F.csp] })).toEqual({ pks: [], deleted: [] });
  });

  it('a dry run reports what would be hidden and writes nothing', async () => {
    const before = await tableCounts(kat);
    const res = await kat.api('findings.mute', { org: 'acme', pks: [F.csp, F.hsts], reason: 'preview', dryRun: true });
    expect(res).toMatchObject({ dryRun: true, hidden: [F.csp, F.hsts] });
    expect(await tableCounts(kat)).toEqual(before);
  });

  it('refuses bad payloads with coded errors and changes nothing', async () => {
    const before = await tableCounts(kat);
    const now = kat.clock.now().getTime();
    const cases: [Record<string, unknown>, string, string?][] = [
      [{ pks: [F.csp], reason: '' }, 'BAD_REQUEST', 'reason'],
      [{ pks: [F.csp], reason: '   ' }, 'BAD_REQUEST', 'reason'],
      [{ pks: [F.csp] }, 'BAD_REQUEST', 'reason'],
      [{ pks: [], reason: 'x' }, 'BAD_REQUEST', 'pks'],
      [{ pks: [HOST], reason: 'x' }, 'BAD_REQUEST', 'pks.0'],
      [{ pks: [F.csp], reason: 'x', expiresAt: 'next week' }, 'BAD_REQUEST', 'expiresAt'],
      [{ pks: [F.csp], reason: 'x', expiresAt: new Date(now - 1000).toISOString() }, 'BAD_REQUEST', 'expiresAt'],
      [{ pks: [F.csp], reason: 'x', expiresAt: new Date(now).toISOString() }, 'BAD_REQUEST', 'expiresAt'],
      // one missing finding fails the whole batch
      [{ pks: [F.csp, 'Finding|Hostname|internet|nope.org|KAT-NO-SPF'], reason: 'x' }, 'NOT_FOUND'],
    ];
    for (const [payload, code, field] of cases) {
      const err = await kat.call('findings.mute', { org: 'acme', ...payload }).then(
        () => null,
        (e: unknown) => e,
      );
      expect(err, JSON.stringify(payload)).toMatchObject({ code, ...(field ? { details: { field } } : {}) });
    }
    await expect(kat.api('findings.unmute', { org: 'acme', pks: ['Finding|Hostname|internet|nope.org|KAT-NO-SPF'] })).rejects.toMatchObject({
      code: 'NOT_FOUND',
      details: { missing: ['Finding|Hostname|internet|nope.org|KAT-NO-SPF'] },
    });
    await expect(kat.api('findings.mute', { org: 'nope', pks: [F.csp], reason: 'x' })).rejects.toMatchObject({ code: 'ORG_NOT_FOUND' });
    expect(await tableCounts(kat)).toEqual(before);
    expect(await pks({ muted: 'only' })).toEqual([]);
  });

  it('a mute with an expiry holds until then on the fake clock, counts as lifted at once after, and the sweeper removes it', async () => {
    const start = kat.clock.now();
    const expiresAt = new Date(start.getTime() + 60 * 60 * 1000).toISOString();
    await kat.api('findings.mute', { org: 'acme', pks: [F.cve], reason: 'vendor patch due', expiresAt });
    const mutedPk = `MutedFinding|${F.cve.slice(8)}`;
    expect((await kat.api('findings.get', { org: 'acme', pk: F.cve })).finding.muted).toEqual({ reason: 'vendor patch due', expiresAt });

    kat.clock.advance(59 * 60 * 1000);
    expect(await kat.mutes.sweep()).toBe(0);
    expect(await pks({ muted: 'only' })).toEqual([F.cve]);
    expect(await pks()).not.toContain(F.cve);

    kat.clock.advance(60 * 1000); // exactly at the expiry
    // lifted for every query at once, before any sweep
    expect(await pks({ muted: 'only' })).toEqual([]);
    expect(await pks()).toContain(F.cve);
    expect((await kat.api('findings.get', { org: 'acme', pk: F.cve })).finding.muted).toBeNull();
    expect((await kat.db.query(`SELECT 1 FROM objects WHERE org = 'acme' AND pk = $1`, [mutedPk])).rows).toHaveLength(1);

    events.length = 0;
    expect(await kat.mutes.sweep()).toBe(1);
    expect((await kat.db.query(`SELECT 1 FROM objects WHERE org = 'acme' AND pk = $1`, [mutedPk])).rows).toHaveLength(0);
    expect(events.some((e) => e.topic === 'objects.changed' && e.deleted.includes(mutedPk))).toBe(true);
    // the history says the mute ended at its expiry
    const history = await kat.api('objects.history', { org: 'acme', pk: mutedPk });
    expect(history.at(-1)).toMatchObject({ change: 'deleted', validFrom: expiresAt });
    expect(await kat.mutes.sweep()).toBe(0);
  });

  it('renewing a mute without an expiry makes it permanent', async () => {
    const expiresAt = new Date(kat.clock.now().getTime() + 1000).toISOString();
    await kat.api('findings.mute', { org: 'acme', pks: [F.unscored], reason: 'short', expiresAt });
    await kat.api('findings.mute', { org: 'acme', pks: [F.unscored], reason: 'for good' });
    kat.clock.advance(5000);
    expect((await kat.api('findings.get', { org: 'acme', pk: F.unscored })).finding.muted).toEqual({ reason: 'for good', expiresAt: null });
    expect(await kat.mutes.sweep()).toBe(0);
    await kat.api('findings.unmute', { org: 'acme', pks: [F.unscored] });
  });

  it('a finding that goes takes its mute with it', async () => {
    await kat.api('objects.declare', { org: 'acme', object: { type: 'Finding', data: { ooi: WEBSITE, finding_type: 'KATFindingType|KAT-NO-CSP' } } });
    const pk = `Finding|${WEBSITE}|KAT-NO-CSP`;
    await kat.api('findings.mute', { org: 'acme', pks: [pk], reason: 'temporary' });
    const res = await kat.api('objects.delete', { org: 'acme', pk });
    expect(res.deleted).toContain(`MutedFinding|${pk.slice(8)}`);
  });
});
