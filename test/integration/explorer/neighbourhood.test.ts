import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ExplorerGraph } from '../../../src-main/explorer/elements';
import { testKat, type TestKat } from '../../helpers/kat';
import { F, HOST, IP, OTHER_HOST, PORT, RESOLVED, RESOURCE, seedFindings, WEBSITE } from '../findings/fixture';
import { declarePorts, EXTRA_PORTS, PORTS_COLLECTION } from './fixture';

let kat: TestKat;
beforeAll(async () => {
  kat = await testKat();
  await seedFindings(kat);
  await declarePorts(kat);
});
afterAll(async () => {
  await kat.close();
});

const ids = (g: ExplorerGraph) => g.nodes.map((n) => n.id);
const node = (g: ExplorerGraph, id: string) => g.nodes.find((n) => n.id === id);

describe('explorer.open', () => {
  it('draws the start object and its neighbours both ways, with edges labelled by attribute', async () => {
    const g = await kat.api('explorer.open', { org: 'acme', start: [HOST] });
    expect(node(g, HOST)).toMatchObject({ kind: 'object', type: 'Hostname', label: 'example.org', hop: 0 });
    expect(ids(g)).toEqual(expect.arrayContaining(['Network|internet', RESOLVED, WEBSITE, F.spf]));
    expect(g.nodes.filter((n) => n.id !== HOST).every((n) => n.hop === 1)).toBe(true);
    expect(g.edges).toContainEqual({ id: `${HOST}|network|Network|internet`, source: HOST, target: 'Network|internet', attr: 'network' });
    expect(g.edges).toContainEqual({ id: `${RESOLVED}|hostname|${HOST}`, source: RESOLVED, target: HOST, attr: 'hostname' });
    expect(g.asOf).toBeNull();
    expect(g.truncated).toBe(false);
    expect(g.total).toBe(g.nodes.length);
    // every edge joins two drawn nodes
    const drawn = new Set(ids(g));
    expect(g.edges.every((e) => drawn.has(e.source) && drawn.has(e.target))).toBe(true);
  });

  it('does not walk through non-traversable types: the other hostname is reached only over Network|internet', async () => {
    const g = await kat.api('explorer.open', { org: 'acme', start: [HOST], depth: 3 });
    expect(ids(g)).toContain('Network|internet');
    expect(ids(g)).toContain(IP); // over the ResolvedHostname
    expect(ids(g)).not.toContain(OTHER_HOST);
    expect(ids(g)).not.toContain(F.otherSpf);
    // ... but a non-traversable start object is expanded
    const net = await kat.api('explorer.open', { org: 'acme', start: ['Network|internet'], aggregateOver: 1000 });
    expect(ids(net)).toEqual(expect.arrayContaining([HOST, OTHER_HOST, IP]));
  });

  it('aggregates more than aggregateOver siblings of one type, attribute and direction into a collection', async () => {
    const g = await kat.api('explorer.open', { org: 'acme', start: [IP] });
    const c = node(g, PORTS_COLLECTION)!;
    expect(c).toMatchObject({ kind: 'collection', type: 'IPPort', label: '31 IPPorts', count: 31, level: null });
    expect(c.members).toHaveLength(31);
    expect(c.members).toEqual(expect.arrayContaining([PORT, ...EXTRA_PORTS]));
    // worst member severity (PORT has a low finding), their findings summed
    expect(c).toMatchObject({ severity: 'low', findings: 1 });
    expect(g.edges).toContainEqual({ id: `${PORTS_COLLECTION}|address|${IP}`, source: PORTS_COLLECTION, target: IP, attr: 'address' });
    expect(ids(g)).not.toContain(PORT);
    expect(g.total).toBe(g.nodes.length - 1 + 31);
    // a higher threshold draws them one by one
    const flat = await kat.api('explorer.open', { org: 'acme', start: [IP], aggregateOver: 31 });
    expect(ids(flat)).toEqual(expect.arrayContaining([PORT, ...EXTRA_PORTS]));
    expect(ids(flat)).not.toContain(PORTS_COLLECTION);
  });

  it('keeps only the wanted types besides the start objects', async () => {
    const g = await kat.api('explorer.open', { org: 'acme', start: [HOST], depth: 2, types: ['ResolvedHostname', 'IPAddress'] });
    expect(ids(g).sort()).toEqual([HOST, IP, RESOLVED].sort());
  });

  it('shows scan levels, open findings with the worst severity, and origin kinds', async () => {
    await kat.api('orgs.clearance.acknowledge', { org: 'acme', maxLevel: 2, acknowledgedBy: 'test' });
    await kat.api('levels.declare', { org: 'acme', pks: [HOST], level: 2 });
    const g = await kat.api('explorer.open', { org: 'acme', start: [RESOURCE, HOST] });
    expect(node(g, HOST)).toMatchObject({ level: 2, levelInherited: false, origins: ['declaration'], findings: 1, severity: null }); // KAT-NO-SPF: pending
    expect(node(g, RESOURCE)).toMatchObject({ findings: 2, severity: 'high' });
    const levels = await kat.api('levels.list', { org: 'acme', pks: ids(g).filter((i) => !i.startsWith('agg:')) });
    for (const l of levels) {
      const n = node(g, l.pk)!;
      expect(n.level).toBe(l.kind === 'empty' ? null : l.level);
      if (l.kind !== 'empty') expect(n.levelInherited).toBe(l.kind === 'inherited');
    }
    // a muted finding no longer counts
    await kat.api('findings.mute', { org: 'acme', pks: [F.hsts], reason: 'accepted' });
    const after = await kat.api('explorer.open', { org: 'acme', start: [RESOURCE] });
    expect(node(after, RESOURCE)).toMatchObject({ findings: 1, severity: 'medium' });
    await kat.api('findings.unmute', { org: 'acme', pks: [F.hsts] });
  });

  it('refuses bad requests with coded errors', async () => {
    await expect(kat.api('explorer.open', { org: 'acme', start: [] })).rejects.toMatchObject({ code: 'BAD_REQUEST', details: { field: 'start' } });
    await expect(kat.api('explorer.open', { org: 'acme', start: [HOST], depth: 4 })).rejects.toMatchObject({ code: 'BAD_REQUEST', details: { field: 'depth' } });
    await expect(kat.api('explorer.open', { org: 'acme', start: [HOST], asOf: 'yesterday' })).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    await expect(kat.api('explorer.open', { org: 'nope', start: [HOST] })).rejects.toMatchObject({ code: 'ORG_NOT_FOUND' });
    await expect(kat.api('explorer.open', { org: 'acme', start: [HOST, 'Hostname|internet|missing.example'] })).rejects.toMatchObject({
      code: 'NOT_FOUND',
      details: { missing: ['Hostname|internet|missing.example'] },
    });
    await expect(kat.api('explorer.expand', { org: 'acme', pk: PORTS_COLLECTION })).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    await expect(kat.api('explorer.expandCollection', { org: 'acme', id: 'not-a-collection' })).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    await expect(kat.api('explorer.expandCollection', { org: 'acme', id: 'agg:Hostname|internet|gone.example|x|in|IPPort' })).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});

describe('explorer.expand', () => {
  it('returns the neighbours not drawn yet, with the edges to drawn ones', async () => {
    const first = await kat.api('explorer.open', { org: 'acme', start: [HOST] });
    const g = await kat.api('explorer.expand', { org: 'acme', pk: RESOLVED, exclude: ids(first) });
    expect(ids(g)).toEqual([IP]);
    expect(g.edges).toContainEqual({ id: `${RESOLVED}|hostname|${HOST}`, source: RESOLVED, target: HOST, attr: 'hostname' });
    expect(g.edges).toContainEqual({ id: `${RESOLVED}|address|${IP}`, source: RESOLVED, target: IP, attr: 'address' });
  });

  it('expands a non-traversable node when asked, aggregating its many referrers', async () => {
    const all = await kat.api('explorer.expand', { org: 'acme', pk: 'Network|internet', aggregateOver: 1 });
    expect(all.nodes.find((n) => n.id === 'agg:Network|internet|network|in|Hostname')).toMatchObject({
      kind: 'collection',
      count: 2,
      members: [HOST, OTHER_HOST],
    });
    expect(ids(all)).toContain('Network|internet');
    // HOST drawn already: it keeps its own edge and does not count, so the one left is drawn as itself
    const g = await kat.api('explorer.expand', { org: 'acme', pk: 'Network|internet', exclude: [HOST], aggregateOver: 1 });
    expect(ids(g)).not.toContain('agg:Network|internet|network|in|Hostname');
    expect(ids(g)).toContain(OTHER_HOST);
    expect(ids(g)).not.toContain(HOST);
    expect(g.edges).toContainEqual({ id: `${HOST}|network|Network|internet`, source: HOST, target: 'Network|internet', attr: 'network' });
  });

  it('leaves drawn siblings out of the aggregation count', async () => {
    const open = await kat.api('explorer.open', { org: 'acme', start: [IP], aggregateOver: 100 });
    const g = await kat.api('explorer.expand', { org: 'acme', pk: IP, exclude: ids(open) });
    expect(g.nodes).toEqual([]);
    expect(g.edges.filter((e) => e.attr === 'address' && e.target === IP)).toHaveLength(31 + 1); // the ports and the ResolvedHostname
  });
});

describe('explorer.expandCollection', () => {
  it('pages through the members with their edges to the parent', async () => {
    const p1 = await kat.api('explorer.expandCollection', { org: 'acme', id: PORTS_COLLECTION, limit: 20 });
    const p2 = await kat.api('explorer.expandCollection', { org: 'acme', id: PORTS_COLLECTION, offset: 20, limit: 20 });
    expect([p1.total, p2.total]).toEqual([31, 31]);
    expect([p1.truncated, p2.truncated]).toEqual([true, false]);
    expect(p1.nodes).toHaveLength(20);
    expect(p2.nodes).toHaveLength(11);
    const all = [...ids(p1), ...ids(p2)];
    expect(all).toEqual([...all].sort());
    expect(all.sort()).toEqual([PORT, ...EXTRA_PORTS].sort());
    expect(p1.edges).toHaveLength(20);
    expect(p1.edges[0]).toMatchObject({ target: IP, attr: 'address' });
    expect(p2.nodes.find((n) => n.id === PORT)).toMatchObject({ kind: 'object', type: 'IPPort', severity: 'low', findings: 1 });
    const past = await kat.api('explorer.expandCollection', { org: 'acme', id: PORTS_COLLECTION, offset: 100 });
    expect(past).toMatchObject({ nodes: [], total: 31, truncated: false });
  });
});
