/**
 * The bit engine on a real core (in-memory PGlite) with fixture bits: inference follows every
 * change (source, parameter, level, config, enablement) and disappears when its inputs go; a bit
 * that throws fails only its own run; unchanged re-runs write nothing.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fileURLToPath } from 'node:url';
import { normalizeObject, type OOI } from '../../../src-main/graph/model';
import { katFinding } from '../../../src-main/bits/helpers';
import type { BitFn } from '../../../src-main/bits/types';
import { testKat, type TestKat } from '../../helpers/kat';

const PLUGINS = fileURLToPath(new URL('../../fixtures/plugins/bits', import.meta.url));
const HOST = 'Hostname|internet|example.org';
const IP1 = 'IPAddressV4|internet|192.0.2.1';
const IP2 = 'IPAddressV4|internet|192.0.2.2';
const A1 = 'DNSARecord|internet|example.org|192.0.2.1';
const RH1 = 'ResolvedHostname|internet|example.org|internet|192.0.2.1';
const RH2 = 'ResolvedHostname|internet|example.org|internet|192.0.2.2';

const code: Record<string, BitFn> = {
  'fx-resolve': ({ source, params }) => params.a_records!.map((r) => normalizeObject('ResolvedHostname', { hostname: source.pk, address: r.data.address })),
  'fx-gated': ({ source }) => [katFinding(source.pk, 'KAT-FX-GATED')],
  'fx-thrower': ({ source }) => {
    if (String(source.data.name).startsWith('boom')) throw new Error('kaboom');
    return [katFinding(source.pk, 'KAT-FX-OK')];
  },
  'fx-config': ({ source, config }) =>
    Number(String(source.data.address).split('.').pop()) > Number(config.threshold) ? [katFinding(source.pk, 'KAT-FX-HIGH-OCTET', `above ${String(config.threshold)}`)] : [],
  'fx-two-step': ({ source, params }) => (params.ports!.some((p) => p.data.port === 22) ? [katFinding(source.pk, 'KAT-FX-SSH', params.ports!.map((p) => p.pk).join(','))] : []),
};

let kat: TestKat;
let calls: string[];
beforeEach(async () => {
  calls = [];
  kat = await testKat({
    pluginsDir: PLUGINS,
    bits: {
      code: (id) => {
        const fn = code[id];
        return fn && ((input) => (calls.push(`${id} ${input.source.pk}`), fn(input)));
      },
    },
  });
});
afterEach(async () => {
  await kat.close();
});

const observe = (source: string, results: OOI[] | { type: string; data: Record<string, unknown> }[], method = 'fx-normalizer') =>
  kat.api('origins.save', { org: 'acme', kind: 'observation', method, source, results: results.map((r) => ({ type: r.type, data: r.data })) });
const aRecord = (ip: string) => ({ type: 'DNSARecord', data: { hostname: HOST, address: `IPAddressV4|internet|${ip}`, value: ip } });

async function exists(pk: string): Promise<boolean> {
  return (await kat.db.query(`SELECT 1 FROM objects WHERE org = 'acme' AND pk = $1`, [pk])).rows.length > 0;
}
async function pks(type: string): Promise<string[]> {
  return (await kat.db.query<{ pk: string }>(`SELECT pk FROM objects WHERE org = 'acme' AND type = $1 ORDER BY pk`, [type])).rows.map((r) => r.pk);
}

describe('bit engine: inference follows the graph', () => {
  it('infers from a parameter, keeps the inference origin with its parameters, and removes it when the parameter goes', async () => {
    await kat.api('objects.declare', { org: 'acme', pk: HOST });
    expect(await exists(RH1)).toBe(false);
    await observe(HOST, [aRecord('192.0.2.1')]);
    expect(await pks('ResolvedHostname')).toEqual([RH1]);
    const origin = await kat.db.query<{ kind: string; method: string; source: string }>(
      `SELECT o.kind, o.method, o.source FROM origins o JOIN origin_results r ON r.org = o.org AND r.origin = o.id WHERE r.pk = $1`,
      [RH1],
    );
    expect(origin.rows).toEqual([{ kind: 'inference', method: 'fx-resolve', source: HOST }]);
    const params = await kat.db.query<{ pk: string }>(`SELECT pk FROM origin_parameters WHERE origin = 'Origin|inference|fx-resolve|${HOST}'`);
    expect(params.rows.map((r) => r.pk)).toEqual([A1]);

    // a second record: both addresses; the observation replacing both with the second: only RH2
    await observe(HOST, [aRecord('192.0.2.1'), aRecord('192.0.2.2')]);
    expect(await pks('ResolvedHostname')).toEqual([RH1, RH2]);
    await observe(HOST, [aRecord('192.0.2.2')]);
    expect(await pks('ResolvedHostname')).toEqual([RH2]);
    // the IP of the dropped record went with its record (nothing else supports it)
    expect(await exists(IP1)).toBe(false);
    expect(await exists(IP2)).toBe(true);
    // the observation empty: nothing is inferred any more
    await observe(HOST, []);
    expect(await pks('ResolvedHostname')).toEqual([]);
  });

  it('a two-step parameter path re-runs the bit when an object in the middle or at the end changes', async () => {
    await kat.api('objects.declare', { org: 'acme', pk: HOST });
    await observe(HOST, [aRecord('192.0.2.1')]);
    const SSH = 'Finding|Hostname|internet|example.org|KAT-FX-SSH';
    expect(await exists(SSH)).toBe(false);
    await observe(IP1, [{ type: 'IPPort', data: { address: IP1, protocol: 'tcp', port: 22 } }], 'fx-nmap');
    expect(await exists(SSH)).toBe(true);
    await observe(IP1, [{ type: 'IPPort', data: { address: IP1, protocol: 'tcp', port: 443 } }], 'fx-nmap');
    expect(await exists(SSH)).toBe(false);
    await observe(IP1, [{ type: 'IPPort', data: { address: IP1, protocol: 'tcp', port: 22 } }], 'fx-nmap');
    expect(await exists(SSH)).toBe(true);
    // the A record goes -> ResolvedHostname goes -> the port is no longer reached
    await observe(HOST, []);
    expect(await exists(RH1)).toBe(false);
    expect(await exists(SSH)).toBe(false);
  });

  it('a level-gated bit infers only while the source has the level, and its result goes when the level drops', async () => {
    await kat.api('objects.declare', { org: 'acme', pk: HOST });
    const F = 'Finding|Hostname|internet|example.org|KAT-FX-GATED';
    expect(await exists(F)).toBe(false);
    await kat.api('orgs.clearance.acknowledge', { org: 'acme', maxLevel: 3, acknowledgedBy: 'Tess Tester' });
    await kat.api('levels.declare', { org: 'acme', pks: [HOST], level: 1 });
    expect(await exists(F)).toBe(false);
    await kat.api('levels.declare', { org: 'acme', pks: [HOST], level: 2 });
    expect(await exists(F)).toBe(true);
    await kat.api('levels.declare', { org: 'acme', pks: [HOST], level: 1 });
    expect(await exists(F)).toBe(false);
  });

  it('a bit that throws fails only its own run on that source, recorded with the error; the others go on', async () => {
    await kat.api('objects.declare', { org: 'acme', pk: 'Hostname|internet|boom.example.org' });
    await kat.api('objects.declare', { org: 'acme', pk: HOST });
    expect(await exists('Finding|Hostname|internet|example.org|KAT-FX-OK')).toBe(true);
    expect(await exists('Finding|Hostname|internet|boom.example.org|KAT-FX-OK')).toBe(false);
    const failures = await kat.api('bits.failures', { org: 'acme' });
    expect(failures.total).toBe(1);
    expect(failures.items[0]).toMatchObject({ bitId: 'fx-thrower', source: 'Hostname|internet|boom.example.org', error: { code: 'BIT_FAILED' } });
    expect(failures.items[0]!.error.message).toContain('kaboom');
    const status = await kat.api('bits.status', { org: 'acme' });
    expect(status.bits.find((b) => b.id === 'fx-thrower')).toMatchObject({ failures: 1, activeSources: 1, enabled: true });
  });

  it('a bit returning an object its manifest does not produce fails that run and writes nothing of it', async () => {
    code['fx-gated'] = ({ source }) => [normalizeObject('Hostname', { network: 'Network|internet', name: 'sneaky.example.org' }), katFinding(source.pk, 'KAT-FX-GATED')];
    try {
      await kat.api('orgs.clearance.acknowledge', { org: 'acme', maxLevel: 3, acknowledgedBy: 'Tess Tester' });
      await kat.api('objects.declare', { org: 'acme', pk: HOST });
      await kat.api('levels.declare', { org: 'acme', pks: [HOST], level: 2 });
      expect(await exists('Hostname|internet|sneaky.example.org')).toBe(false);
      const failures = await kat.api('bits.failures', { org: 'acme', bitId: 'fx-gated' });
      expect(failures.items[0]!.error.message).toContain('does not list in produces');
    } finally {
      code['fx-gated'] = ({ source }) => [katFinding(source.pk, 'KAT-FX-GATED')];
    }
  });

  it('config: a Config on the network re-runs the bit for its sources; disabled bits infer nothing and clear what they did', async () => {
    await kat.api('plugins.enable', { org: 'acme', id: 'fx-config', enabled: true });
    await kat.api('objects.declare', { org: 'acme', pk: 'IPAddressV4|internet|192.0.2.150' });
    await kat.api('objects.declare', { org: 'acme', pk: 'IPAddressV4|internet|192.0.2.50' });
    const high = 'Finding|IPAddressV4|internet|192.0.2.150|KAT-FX-HIGH-OCTET';
    const low = 'Finding|IPAddressV4|internet|192.0.2.50|KAT-FX-HIGH-OCTET';
    expect([await exists(high), await exists(low)]).toEqual([true, false]);
    await kat.api('objects.declare', { org: 'acme', object: { type: 'Config', data: { ooi: 'Network|internet', bit_id: 'fx-config', config: { threshold: 10 } } } });
    expect([await exists(high), await exists(low)]).toEqual([true, true]);
    const f = await kat.api('objects.get', { org: 'acme', pk: low });
    expect(f.object.data.description).toBe('above 10');
    await kat.api('plugins.enable', { org: 'acme', id: 'fx-config', enabled: false });
    expect([await exists(high), await exists(low)]).toEqual([false, false]);
  });

  it('an unchanged re-run writes nothing; bits.run over the organisation re-creates what was lost', async () => {
    await kat.api('objects.declare', { org: 'acme', pk: HOST });
    await observe(HOST, [aRecord('192.0.2.1')]);
    const versions = async () => (await kat.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM object_versions`)).rows[0]!.n;
    const before = await versions();
    const stats = await kat.api('bits.run', { org: 'acme' });
    expect(stats.changed).toBe(0);
    expect(stats.sources).toBeGreaterThan(0);
    expect(await versions()).toBe(before);
    // an inferred object deleted by hand comes back with a full run
    await kat.api('objects.delete', { org: 'acme', pk: RH1 });
    expect(await exists(RH1)).toBe(false);
    const again = await kat.api('bits.run', { org: 'acme', bitIds: ['fx-resolve'] });
    expect(again.changed).toBe(1);
    expect(await exists(RH1)).toBe(true);
    expect((await kat.api('bits.status', { org: 'acme' })).lastFullRun).toMatchObject({ bits: ['fx-resolve'], changed: 1 });
    await expect(kat.api('bits.run', { org: 'acme', bitIds: ['nope'] })).rejects.toMatchObject({ code: 'PLUGIN_NOT_FOUND' });
  });
});

describe('bit engine: finding types get their catalogue metadata as affirmations', () => {
  it('a finding type created by a bit is affirmed, and goes with its last finding (an affirmation keeps nothing alive)', async () => {
    await kat.close();
    kat = await testKat({
      pluginsDir: PLUGINS,
      bits: { code: (id) => code[id] },
      findingTypeMetadata: (pk) =>
        pk === 'KATFindingType|KAT-FX-OK' ? { id: 'KAT-FX-OK', name: 'Fixture finding', risk_severity: 'low', risk_score: 3.9 } : null,
    });
    await kat.api('objects.declare', { org: 'acme', pk: HOST });
    const ft = await kat.api('objects.get', { org: 'acme', pk: 'KATFindingType|KAT-FX-OK' });
    expect(ft.object.data).toMatchObject({ id: 'KAT-FX-OK', name: 'Fixture finding', risk_severity: 'low', risk_score: 3.9 });
    const kinds = await kat.db.query<{ kind: string; method: string }>(
      `SELECT o.kind, o.method FROM origins o JOIN origin_results r ON r.org = o.org AND r.origin = o.id WHERE r.pk = 'KATFindingType|KAT-FX-OK' ORDER BY 1`,
    );
    expect(kinds.rows).toEqual([
      { kind: 'affirmation', method: 'finding-type-catalogue' },
      { kind: 'inference', method: 'fx-thrower' },
    ]);
    await kat.api('objects.delete', { org: 'acme', pk: HOST });
    expect(await exists('Finding|Hostname|internet|example.org|KAT-FX-OK')).toBe(false);
    expect(await exists('KATFindingType|KAT-FX-OK')).toBe(false);
  });
});
