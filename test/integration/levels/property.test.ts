/**
 * Property test on the real core: random graphs built through the API (observations, declarations,
 * deletions) and random level changes; after every step the stored profiles equal a from-scratch
 * recalculation (OpenKAT's algorithm over the stored references and declared levels). Seeded.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { Rng } from '../../../bench/prng';
import type { RefRow } from '../../../src-main/levels/repository';
import { testKat, type TestKat } from '../../helpers/kat';
import { oracle } from '../../unit/levels/oracle';

let kat: TestKat | undefined;
afterEach(async () => {
  await kat?.close();
  kat = undefined;
});

const host = (i: number) => `Hostname|internet|${i === 0 ? 'example.org' : `h${i}.example.org`}`;
const ip = (i: number) => `IPAddressV4|internet|192.0.2.${i}`;

/** A random DNS/port observation about one hostname. */
function randomResults(rng: Rng, h: string) {
  const out: { type: string; data: Record<string, unknown> }[] = [];
  const n = rng.int(1, 4);
  for (let i = 0; i < n; i++) {
    const addr = ip(rng.int(1, 6));
    const other = host(rng.int(0, 7));
    const last = addr.split('.').pop()!;
    switch (rng.int(0, 6)) {
      case 0:
        out.push({ type: 'DNSARecord', data: { hostname: h, address: addr, value: `192.0.2.${last}` } });
        break;
      case 1:
        out.push({ type: 'ResolvedHostname', data: { hostname: h, address: addr } });
        break;
      case 2:
        out.push({ type: 'DNSNSRecord', data: { hostname: h, name_server_hostname: other, value: other.split('|').pop()! } });
        break;
      case 3:
        out.push({ type: 'IPPort', data: { address: addr, protocol: 'tcp', port: rng.pick([22, 80, 443]) } });
        break;
      case 4:
        out.push({ type: 'Hostname', data: { network: 'Network|internet', name: h.split('|').pop()!, registered_domain: host(0) } });
        break;
      case 5:
        out.push({ type: 'Hostname', data: { network: 'Network|internet', name: h.split('|').pop()!, dns_zone: `DNSZone|internet|${other.split('|').pop()!}` } });
        break;
      default:
        out.push({ type: 'IPService', data: { ip_port: `IPPort|internet|192.0.2.${last}|tcp|443`, service: 'Service|https' } });
    }
  }
  return out;
}

async function pksOf(k: TestKat): Promise<string[]> {
  return (await k.db.query<{ pk: string }>(`SELECT pk FROM objects WHERE org = 'acme' ORDER BY pk`)).rows.map((r) => r.pk);
}

async function checkAgainstScratch(k: TestKat, where: string): Promise<number> {
  const refs = (await k.db.query<RefRow>(`SELECT source, attr, target FROM refs WHERE org = 'acme'`)).rows;
  const stored = (await k.db.query<{ pk: string; level: number; kind: string }>(`SELECT pk, level, kind FROM scan_profiles WHERE org = 'acme'`)).rows;
  const declared = new Map(stored.filter((r) => r.kind === 'declared').map((r) => [r.pk, r.level]));
  const exist = new Set(await pksOf(k));
  for (const pk of declared.keys()) expect(exist.has(pk), `${where}: declared profile of a deleted object ${pk}`).toBe(true);
  const want = [...oracle(refs, declared)].map(([pk, l]) => `${pk} L${l}`).sort();
  const got = stored.filter((r) => r.kind === 'inherited').map((r) => `${r.pk} L${r.level}`).sort();
  expect(got, where).toEqual(want);
  return got.length;
}

describe('levels: incremental = from scratch, on the real core', () => {
  it.each([1, 2, 3])('seed %i: 45 random graph and level changes', async (seed) => {
    const rng = new Rng(seed * 7919);
    kat = await testKat();
    const k = kat;
    await k.api('orgs.clearance.acknowledge', { org: 'acme', maxLevel: 4, acknowledgedBy: 'property test' });
    for (let i = 0; i < 4; i++) await k.api('objects.declare', { org: 'acme', pk: host(i) });
    let inheritedSeen = 0;
    for (let step = 0; step < 45; step++) {
      const pks = await pksOf(k);
      const op = rng.pick(['observe', 'observe', 'observe', 'declareObject', 'delete', 'level', 'level', 'reset'] as const);
      if (op === 'observe') {
        const hosts = pks.filter((p) => p.startsWith('Hostname|'));
        if (hosts.length === 0) continue;
        const h = rng.pick(hosts);
        // the same method and source again replaces the earlier result set (objects disappear)
        await k.api('origins.save', { org: 'acme', kind: 'observation', method: `m${rng.int(0, 3)}`, source: h, results: randomResults(rng, h) });
      } else if (op === 'declareObject') {
        await k.api('objects.declare', { org: 'acme', pk: rng.chance(0.5) ? host(rng.int(0, 7)) : ip(rng.int(1, 6)) });
      } else if (op === 'delete' && pks.length > 0) {
        // not the network: everything references it, so it would take the whole graph along
        await k.api('objects.delete', { org: 'acme', pk: rng.pick(pks.filter((p) => p !== 'Network|internet')) });
      } else if (op === 'level' && pks.length > 0) {
        const chosen = [...new Set(Array.from({ length: rng.int(1, 3) }, () => rng.pick(pks)))];
        await k.api('levels.declare', { org: 'acme', pks: chosen, level: rng.int(0, 4) });
      } else if (op === 'reset' && pks.length > 0) {
        await k.api('levels.reset', { org: 'acme', pks: [rng.pick(pks)] });
      }
      inheritedSeen += await checkAgainstScratch(k, `seed ${seed} step ${step} (${op})`);
    }
    // the graphs were not trivial: levels were inherited along the way
    expect(inheritedSeen).toBeGreaterThan(20);
    // and an explicit full recalculation finds nothing to change
    expect(await k.api('levels.recalculate', { org: 'acme' })).toMatchObject({ changed: 0 });
  });
});
