import { describe, expect, it } from 'vitest';
import type { ExplorerGraph, ExplorerNode } from '../../../../src-main/explorer/elements';
import { GraphModel, displayLabel, filtersActive, matchesSearch, passesFilters, placeAround } from '../../../../src-renderer/features/explorer/graph-model';

const node = (id: string, over: Partial<ExplorerNode> = {}): ExplorerNode => ({
  id,
  kind: 'object',
  type: id.slice(0, id.indexOf('|')),
  label: id.slice(id.indexOf('|') + 1),
  level: null,
  severity: null,
  findings: 0,
  origins: ['declaration'],
  ...over,
});
const edge = (source: string, attr: string, target: string) => ({ id: `${source}|${attr}|${target}`, source, target, attr });
const graph = (nodes: ExplorerNode[], edges: ReturnType<typeof edge>[]): ExplorerGraph => ({ nodes, edges, truncated: false, total: nodes.length, asOf: null });

const H = 'Hostname|internet|example.org';
const IP = 'IPAddressV4|internet|192.0.2.1';
const A = 'DNSARecord|internet|example.org|192.0.2.1';
const PORT = 'IPPort|internet|192.0.2.1|tcp|443';
const NET = 'Network|internet';

describe('GraphModel', () => {
  it('merges only what is new, and keeps edges whose ends are known', () => {
    const m = new GraphModel();
    m.reset([H]);
    const added = m.merge(graph([node(H), node(A), node(NET)], [edge(A, 'hostname', H), edge(H, 'network', NET), edge(A, 'address', IP)]));
    expect(added.nodes.map((n) => n.id)).toEqual([H, A, NET]);
    // the edge to the IP waits until the IP is known
    expect(added.edges.map((e) => e.attr).sort()).toEqual(['hostname', 'network']);
    const again = m.merge(graph([node(A), node(IP)], [edge(A, 'address', IP), edge(A, 'hostname', H)]), A);
    expect(again.nodes.map((n) => n.id)).toEqual([IP]);
    expect(again.edges.map((e) => e.attr)).toEqual(['address']);
    expect(m.size).toBe(4 + 3);
  });

  it('updates the data of a known node on merge (levels, findings)', () => {
    const m = new GraphModel();
    m.reset([H]);
    m.merge(graph([node(H)], []));
    m.merge(graph([node(H, { level: 2, findings: 3, severity: 'high' })], []));
    expect(m.nodes.get(H)).toMatchObject({ level: 2, findings: 3, severity: 'high' });
  });

  it('collapses exactly what an expansion added, nested expansions first, never a start object', () => {
    const m = new GraphModel();
    m.reset([H, IP]);
    m.merge(graph([node(H), node(IP)], []));
    m.merge(graph([node(A), node(IP)], [edge(A, 'hostname', H), edge(A, 'address', IP)]), H);
    m.merge(graph([node(PORT)], [edge(PORT, 'address', IP)]), A);
    expect(m.nodes.size).toBe(4);
    const removed = m.collapse(H);
    expect(removed.nodes.sort()).toEqual([A, PORT].sort());
    expect([...m.nodes.keys()].sort()).toEqual([H, IP].sort());
    expect(m.edges.size).toBe(0);
    expect(m.expansions.size).toBe(0);
    // the port came through A's expansion: it went with it
    expect(m.nodes.has(PORT)).toBe(false);
  });

  it('a node added by two expansions stays until the last one collapses (it is owned by the first)', () => {
    const m = new GraphModel();
    m.reset([H]);
    m.merge(graph([node(H)], []));
    m.merge(graph([node(A)], [edge(A, 'hostname', H)]), H);
    m.merge(graph([node(IP)], [edge(A, 'address', IP)]), A);
    expect(m.collapse(IP)).toEqual({ nodes: [], edges: [] });
    expect(m.collapse(A).nodes).toEqual([IP]);
    expect(m.nodes.has(A)).toBe(true);
  });

  it('removes nodes outright with their edges (a collection replaced by its members)', () => {
    const m = new GraphModel();
    m.reset([IP]);
    const agg = `agg:${IP}|address|in|IPPort`;
    m.merge(graph([node(IP), node(agg, { kind: 'collection', type: 'IPPort', count: 212, label: '212 IPPorts' })], [edge(agg, 'address', IP)]));
    expect(m.remove([agg])).toEqual([`${agg}|address|${IP}`]);
    expect(m.nodes.has(agg)).toBe(false);
  });
});

describe('filters and search', () => {
  const n = node(PORT, { level: 2, severity: 'high', origins: ['observation'] });
  it('passes every filter it matches, and start objects always', () => {
    expect(filtersActive({})).toBe(false);
    expect(passesFilters(n, {})).toBe(true);
    expect(passesFilters(n, { types: ['IPPort'], levels: [2], severities: ['high'], origins: ['observation'] })).toBe(true);
    expect(passesFilters(n, { types: ['Hostname'] })).toBe(false);
    expect(passesFilters(n, { levels: [0, 1] })).toBe(false);
    expect(passesFilters(n, { severities: ['none'] })).toBe(false);
    expect(passesFilters(node(H), { severities: ['none'] })).toBe(true);
    expect(passesFilters(node(H), { levels: [0] })).toBe(true);
    expect(passesFilters(n, { origins: ['declaration'] })).toBe(false);
    expect(passesFilters(n, { types: ['Hostname'] }, true)).toBe(true);
  });
  it('searches labels and keys, case-insensitively; an empty query matches nothing', () => {
    expect(matchesSearch(node(H), 'EXAMPLE')).toBe(true);
    expect(matchesSearch(node(H), 'hostname|')).toBe(true);
    expect(matchesSearch(node(H), '  ')).toBe(false);
    expect(matchesSearch(node(H), 'other')).toBe(false);
  });
  it('labels show open findings', () => {
    expect(displayLabel(node(H, { findings: 2 }))).toBe('internet|example.org ▲2');
    expect(displayLabel(node(H))).toBe('internet|example.org');
  });
});

describe('placeAround', () => {
  it('puts new nodes on arcs around the parent, away from the centre, without overlaps', () => {
    const parent = { x: 200, y: 0 };
    const spots = placeAround(parent, { x: 0, y: 0 }, 40);
    expect(spots).toHaveLength(40);
    for (const s of spots) {
      expect(Math.hypot(s.x - parent.x, s.y - parent.y)).toBeGreaterThanOrEqual(89);
      // facing away: on the far side of the parent from the centre, give or take the arc's spread
      expect(s.x).toBeGreaterThan(parent.x - 120);
    }
    for (let i = 0; i < spots.length; i++)
      for (let j = i + 1; j < spots.length; j++) expect(Math.hypot(spots[i]!.x - spots[j]!.x, spots[i]!.y - spots[j]!.y)).toBeGreaterThan(20);
  });
  it('uses the full circle when the parent is the centre', () => {
    const spots = placeAround({ x: 0, y: 0 }, { x: 0, y: 0 }, 8);
    expect(spots.some((s) => s.x < -50)).toBe(true);
    expect(spots.some((s) => s.x > 50)).toBe(true);
  });
});
