import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testKat, type TestKat } from '../../helpers/kat';
import { HOST, IP, OTHER_HOST, PORT, RESOLVED, SERVICE, seedFindings, WEBSITE } from '../findings/fixture';

let kat: TestKat;
beforeAll(async () => {
  kat = await testKat();
  await seedFindings(kat);
});
afterAll(async () => {
  await kat.close();
});

const VIA_RESOLVED = [HOST, RESOLVED, IP, PORT];
const VIA_WEBSITE = [HOST, WEBSITE, SERVICE, PORT];

describe('explorer.paths', () => {
  it('finds every shortest path over references both ways, never through a non-traversable type', async () => {
    const r = await kat.api('explorer.paths', { org: 'acme', from: HOST, to: PORT });
    expect(r.hops).toBe(3);
    expect(r.paths.map((p) => p.nodes)).toEqual(expect.arrayContaining([VIA_RESOLVED, VIA_WEBSITE]));
    // HOST -network-> Network|internet <-network- ... would be as short: Network is not walked through
    expect(r.paths.every((p) => !p.nodes.includes('Network|internet'))).toBe(true);
    expect(r.paths.every((p) => p.nodes.length === 4 && p.edges.length === 3)).toBe(true);
    const p = r.paths.find((x) => x.nodes[1] === RESOLVED)!;
    expect(p.edges).toEqual([`${RESOLVED}|hostname|${HOST}`, `${RESOLVED}|address|${IP}`, `${PORT}|address|${IP}`]);
    // the graph is the union of the paths, each node with its hop along a path
    const ids = new Set(r.paths.flatMap((x) => x.nodes));
    expect(new Set(r.graph.nodes.map((n) => n.id))).toEqual(ids);
    expect(r.graph.nodes.find((n) => n.id === HOST)).toMatchObject({ hop: 0, type: 'Hostname', kind: 'object' });
    expect(r.graph.nodes.find((n) => n.id === PORT)).toMatchObject({ hop: 3, severity: 'low', findings: 1 });
    expect(new Set(r.graph.edges.map((e) => e.id))).toEqual(new Set(r.paths.flatMap((x) => x.edges)));
    expect(r.graph.edges).toContainEqual({ id: `${PORT}|address|${IP}`, source: PORT, target: IP, attr: 'address' });
  });

  it('avoids types (abstract ones include their subtypes), and the limit caps the paths', async () => {
    const r = await kat.api('explorer.paths', { org: 'acme', from: HOST, to: PORT, avoidTypes: ['ResolvedHostname'] });
    expect(r.hops).toBe(3);
    expect(r.paths.map((p) => p.nodes)).not.toContainEqual(VIA_RESOLVED);
    expect(r.paths.map((p) => p.nodes)).toContainEqual(VIA_WEBSITE);
    const none = await kat.api('explorer.paths', { org: 'acme', from: HOST, to: IP, avoidTypes: ['ResolvedHostname', 'Website', 'HostnameHTTPURL'] });
    expect(none.paths.every((p) => !p.nodes.some((n) => n.startsWith('ResolvedHostname|') || n.startsWith('Website|')))).toBe(true);
    const one = await kat.api('explorer.paths', { org: 'acme', from: HOST, to: PORT, limit: 1 });
    expect(one.paths).toHaveLength(1);
    expect(one.hops).toBe(3);
  });

  it('reports no path beyond maxHops, and none between objects joined only through a non-traversable hub', async () => {
    const short = await kat.api('explorer.paths', { org: 'acme', from: HOST, to: PORT, maxHops: 2 });
    expect(short).toMatchObject({ paths: [], hops: null });
    expect(short.graph.nodes).toEqual([]);
    const apart = await kat.api('explorer.paths', { org: 'acme', from: HOST, to: OTHER_HOST });
    expect(apart.hops).toBeNull();
    // a non-traversable object is fine as an end
    const toNet = await kat.api('explorer.paths', { org: 'acme', from: HOST, to: 'Network|internet' });
    expect(toNet).toMatchObject({ hops: 1, paths: [{ nodes: [HOST, 'Network|internet'], edges: [`${HOST}|network|Network|internet`] }] });
    const same = await kat.api('explorer.paths', { org: 'acme', from: HOST, to: HOST });
    expect(same).toMatchObject({ hops: 0, paths: [{ nodes: [HOST], edges: [] }] });
  });

  it('finds the same paths as of a valid time', async () => {
    const now = await kat.api('explorer.paths', { org: 'acme', from: HOST, to: PORT });
    // every write so far is valid from (about) the fake clock's now; a minute later all of it holds
    const later = new Date(kat.clock.now().getTime() + 60_000).toISOString();
    const then = await kat.api('explorer.paths', { org: 'acme', from: HOST, to: PORT, asOf: later });
    expect(then.hops).toBe(now.hops);
    expect(then.paths).toEqual(now.paths);
    expect(then.graph.asOf).toBe(later);
    await expect(kat.api('explorer.paths', { org: 'acme', from: HOST, to: PORT, asOf: '2020-01-01T00:00:00Z' })).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('refuses bad requests', async () => {
    await expect(kat.api('explorer.paths', { org: 'acme', from: HOST, to: 'Hostname|internet|missing.example' })).rejects.toMatchObject({
      code: 'NOT_FOUND',
      details: { field: 'to' },
    });
    await expect(kat.api('explorer.paths', { org: 'acme', from: HOST, to: PORT, maxHops: 13 })).rejects.toMatchObject({ code: 'BAD_REQUEST', details: { field: 'maxHops' } });
    await expect(kat.api('explorer.paths', { org: 'acme', from: HOST, to: PORT, limit: 0 })).rejects.toMatchObject({ code: 'BAD_REQUEST' });
  });
});
