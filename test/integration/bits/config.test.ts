/**
 * bits.config.*: a bit's configuration per network, answered through the API, stored as a declared
 * Question + Config pair, and read by the real bit engine, which re-runs the bit on every source
 * the network configures before the call returns (port-classification-ip on a real graph).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tableCounts, testKat, type TestKat } from '../../helpers/kat';

const BIT = 'port-classification-ip';
const NET = 'Network|internet';
const IP = 'IPAddressV4|internet|192.0.2.80';
const P8080 = 'IPPort|internet|192.0.2.80|tcp|8080';
const P5432 = 'IPPort|internet|192.0.2.80|tcp|5432';
const DB8080 = `Finding|${P8080}|KAT-OPEN-DATABASE-PORT`;
const UNCOMMON8080 = `Finding|${P8080}|KAT-UNCOMMON-OPEN-PORT`;
const DB5432 = `Finding|${P5432}|KAT-OPEN-DATABASE-PORT`;
const CONFIG_PK = `Config|internet|${BIT}`;
const QUESTION_PK = `Question|/bit/${BIT}|internet`;

let kat: TestKat;
beforeAll(async () => {
  kat = await testKat({ bits: {} });
  await kat.api('orgs.clearance.acknowledge', { org: 'acme', maxLevel: 2, acknowledgedBy: 'Tess Tester' });
  await kat.api('objects.declare', { org: 'acme', pk: IP });
  await kat.api('levels.declare', { org: 'acme', pks: [IP], level: 2 });
  await kat.api('origins.save', {
    org: 'acme',
    kind: 'observation',
    method: 'kat_nmap_normalizer',
    sourceMethod: 'nmap',
    source: IP,
    results: [
      { type: 'IPPort', data: { address: IP, protocol: 'tcp', port: 8080, state: 'open' } },
      { type: 'IPPort', data: { address: IP, protocol: 'tcp', port: 5432, state: 'open' } },
    ],
  });
});
afterAll(async () => {
  await kat.close();
});

async function findings(): Promise<string[]> {
  const r = await kat.db.query<{ pk: string }>(`SELECT pk FROM objects WHERE org = 'acme' AND type = 'Finding' ORDER BY pk`);
  return r.rows.map((x) => x.pk);
}
async function exists(pk: string): Promise<boolean> {
  return (await kat.db.query(`SELECT 1 FROM objects WHERE org = 'acme' AND pk = $1`, [pk])).rows.length > 0;
}

describe('bits.config: per-network configuration of a bit', () => {
  it('lists the configurable bits with their schema, defaults and holder types; nothing saved yet', async () => {
    const all = await kat.api('bits.config.list', { org: 'acme' });
    const ids = all.bits.map((b) => b.id);
    expect(ids).toContain(BIT);
    expect(ids).not.toContain('dns-resolving');
    const pc = all.bits.find((b) => b.id === BIT)!;
    expect(pc).toMatchObject({ path: 'IPAddress.network', holderTypes: ['Network'], enabled: true, configs: [] });
    expect(pc.defaults.database_ports).toEqual([1433, 1434, 3050, 3306, 5432]);
    expect((pc.schema as { properties: Record<string, unknown> }).properties).toHaveProperty('database_ports');
    const one = await kat.api('bits.config.list', { org: 'acme', bitId: BIT });
    expect(one.bits.map((b) => b.id)).toEqual([BIT]);
    await expect(kat.api('bits.config.list', { org: 'acme', bitId: 'dns-resolving' })).rejects.toMatchObject({ code: 'BAD_REQUEST', details: { field: 'bitId' } });
    await expect(kat.api('bits.config.list', { org: 'acme', bitId: 'nope' })).rejects.toMatchObject({ code: 'PLUGIN_NOT_FOUND' });
  });

  it('get: the defaults when nothing is saved', async () => {
    const v = await kat.api('bits.config.get', { org: 'acme', bitId: BIT, ooi: NET });
    expect(v).toMatchObject({ bitId: BIT, ooi: NET, configPk: CONFIG_PK, saved: null, updatedAt: null });
    expect(v.effective).toEqual(v.defaults);
    expect(await findings()).toEqual([DB5432, UNCOMMON8080]);
  });

  it('set: marking 8080 as a database port re-runs the bit; the effective config merges the defaults', async () => {
    const v = await kat.api('bits.config.set', { org: 'acme', bitId: BIT, ooi: NET, config: { database_ports: [8080], aggregate_findings: null } });
    expect(v.saved).toEqual({ database_ports: [8080] });
    expect(v.effective.database_ports).toEqual([8080]);
    expect(v.effective.sysadmin_ports).toEqual([21, 22, 23, 5900]);
    expect(v.effective.aggregate_findings).toBe(false);
    expect(v.updatedAt).not.toBeNull();
    // 8080 is now a database port, 5432 no longer is (and is not common): uncommon
    expect(await findings()).toEqual([`Finding|${P5432}|KAT-UNCOMMON-OPEN-PORT`, DB8080]);
    // stored as a declared Question + Config pair, as the engine reads it
    const cfg = await kat.api('objects.get', { org: 'acme', pk: CONFIG_PK });
    expect(cfg.object.data).toEqual({ ooi: NET, bit_id: BIT, config: { database_ports: [8080] } });
    expect(cfg.origins.map((o) => `${o.kind}:${o.method}`)).toEqual(['declaration:bit-config']);
    const q = await kat.api('objects.get', { org: 'acme', pk: QUESTION_PK });
    expect(q.object.data.schema_id).toBe(`/bit/${BIT}`);
    expect(JSON.parse(String(q.object.data.json_schema))).toMatchObject({ $id: `/bit/${BIT}`, type: 'object' });
    // the list shows the network holding it
    const list = await kat.api('bits.config.list', { org: 'acme', bitId: BIT });
    expect(list.bits[0]!.configs.map((c) => [c.ooi, c.saved])).toEqual([[NET, { database_ports: [8080] }]]);
  });

  it('set replaces the saved values: unmarking 8080 removes its database finding', async () => {
    await kat.api('bits.config.set', { org: 'acme', bitId: BIT, ooi: NET, config: { database_ports: [5432], common_tcp_ports: [8080] } });
    expect(await exists(DB8080)).toBe(false);
    expect(await findings()).toEqual([DB5432]);
  });

  it('invalid input: a coded error naming the field, and nothing changes', async () => {
    const before = await tableCounts(kat);
    const saved = (await kat.api('bits.config.get', { org: 'acme', bitId: BIT, ooi: NET })).saved;
    const bad = async (config: Record<string, unknown>, field: string) => {
      const e = await kat.api('bits.config.set', { org: 'acme', bitId: BIT, ooi: NET, config: config as never }).catch((x: unknown) => x);
      expect(e).toMatchObject({ code: 'PLUGIN_SETTINGS_INVALID', details: { field } });
    };
    await bad({ database_ports: [8080, 70000] }, 'database_ports.1');
    await bad({ database_ports: 'all' }, 'database_ports');
    await bad({ aggregate_findings: 'yes' }, 'aggregate_findings');
    await bad({ nonsense: 1 }, 'nonsense');
    await expect(kat.api('bits.config.set', { org: 'acme', bitId: BIT, ooi: 'Hostname|internet|example.org', config: {} })).rejects.toMatchObject({
      code: 'BAD_REQUEST',
      details: { field: 'ooi' },
    });
    await expect(kat.api('bits.config.set', { org: 'acme', bitId: BIT, ooi: 'Network|lab', config: {} })).rejects.toMatchObject({ code: 'NOT_FOUND', details: { field: 'ooi' } });
    await expect(kat.api('bits.config.set', { org: 'acme', bitId: 'dns-resolving', ooi: NET, config: {} })).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    await expect(kat.api('bits.config.set', { org: 'nobody', bitId: BIT, ooi: NET, config: {} })).rejects.toMatchObject({ code: 'ORG_NOT_FOUND' });
    // past the form: a Config declared as an object is held to the same schema
    await expect(
      kat.api('objects.declare', { org: 'acme', object: { type: 'Config', data: { ooi: NET, bit_id: BIT, config: { database_ports: 'all' } } } }),
    ).rejects.toMatchObject({ code: 'PLUGIN_SETTINGS_INVALID', details: { field: 'database_ports' } });
    await expect(
      kat.api('origins.save', {
        org: 'acme',
        kind: 'declaration',
        method: 'script',
        source: IP,
        results: [{ type: 'Config', data: { ooi: NET, bit_id: BIT, config: { sysadmin_ports: [1, 'two'] } } }],
      }),
    ).rejects.toMatchObject({ code: 'PLUGIN_SETTINGS_INVALID', details: { field: 'sysadmin_ports.1' } });
    expect(await tableCounts(kat)).toEqual(before);
    expect((await kat.api('bits.config.get', { org: 'acme', bitId: BIT, ooi: NET })).saved).toEqual(saved);
    expect(await findings()).toEqual([DB5432]);
  });

  it('reset: the Question and Config go, the defaults apply again and the bit re-runs', async () => {
    await kat.api('bits.config.set', { org: 'acme', bitId: BIT, ooi: NET, config: { database_ports: [8080] } });
    expect(await exists(DB8080)).toBe(true);
    const r = await kat.api('bits.config.reset', { org: 'acme', bitId: BIT, ooi: NET });
    expect(r).toMatchObject({ removed: true, saved: null });
    expect([await exists(CONFIG_PK), await exists(QUESTION_PK)]).toEqual([false, false]);
    expect(await findings()).toEqual([DB5432, UNCOMMON8080]);
    expect((await kat.api('bits.config.reset', { org: 'acme', bitId: BIT, ooi: NET })).removed).toBe(false);
    expect((await kat.api('bits.config.list', { org: 'acme', bitId: BIT })).bits[0]!.configs).toEqual([]);
  });
});
