import { describe, expect, it } from 'vitest';
import { collectionId, collectionLabel, labelOf, makeEdge, parseCollectionId, toCytoscape, type ExplorerGraph } from '../../../src-main/explorer/elements';

const HOST = 'Hostname|internet|example.org';
const IP = 'IPAddressV4|internet|192.0.2.1';
const AGG = collectionId(IP, 'address', 'in', 'IPPort');

const graph: ExplorerGraph = {
  nodes: [
    { id: HOST, kind: 'object', type: 'Hostname', label: 'example.org', level: 2, levelInherited: false, severity: 'high', findings: 3, origins: ['declaration'], hop: 0 },
    { id: IP, kind: 'object', type: 'IPAddressV4', label: '192.0.2.1', level: null, severity: null, findings: 0, origins: ['observation'], hop: 1 },
    { id: AGG, kind: 'collection', type: 'IPPort', label: '212 IPPorts', level: null, severity: 'low', findings: 4, origins: [], count: 212, members: ['IPPort|internet|192.0.2.1|tcp|1'], hop: 2 },
  ],
  edges: [makeEdge('ResolvedHostname|x', 'hostname', HOST), makeEdge(AGG, 'address', IP), makeEdge(HOST, 'network', 'Network|internet')],
  truncated: false,
  total: 214,
  asOf: null,
};

describe('collection ids', () => {
  it('round-trips, with a parent key holding bars', () => {
    expect(AGG).toBe(`agg:${IP}|address|in|IPPort`);
    expect(parseCollectionId(AGG)).toEqual({ parent: IP, attr: 'address', dir: 'in', type: 'IPPort' });
    expect(parseCollectionId(HOST)).toBeNull();
    expect(parseCollectionId('agg:x|y|sideways|T')).toBeNull();
    expect(parseCollectionId('agg:a|b')).toBeNull();
  });

  it('labels collections and objects', () => {
    expect(collectionLabel(212, 'IPPort')).toBe('212 IPPorts');
    expect(collectionLabel(1, 'IPPort')).toBe('1 IPPort');
    expect(collectionLabel(3, 'DNSMXRecord')).toBe('3 DNSMXRecords');
    expect(collectionLabel(2, 'IPAddress')).toBe('2 IPAddresses');
    expect(labelOf(HOST)).toBe('example.org');
    expect(labelOf('Network|internet')).toBe('internet');
    expect(labelOf('IPPort|internet|192.0.2.1|tcp|443')).toBe('192.0.2.1|tcp|443');
    expect(labelOf('x'.repeat(5) + '|' + 'y'.repeat(100))).toHaveLength(80);
  });
});

describe('toCytoscape', () => {
  it('makes nodes with every field in data and classes for styling, then the edges between drawn nodes', () => {
    const els = toCytoscape(graph);
    expect(els.filter((e) => e.group === 'nodes')).toHaveLength(3);
    const host = els[0]!;
    expect(host).toEqual({
      group: 'nodes',
      data: { id: HOST, kind: 'object', type: 'Hostname', label: 'example.org', level: 2, levelInherited: false, severity: 'high', findings: 3, origins: ['declaration'], hop: 0 },
      classes: ['object', 'type-Hostname', 'sev-high', 'level-2', 'level-declared'],
    });
    expect(els[1]!.classes).toEqual(['object', 'type-IPAddressV4', 'level-none']);
    expect(els[2]!.data).toMatchObject({ kind: 'collection', count: 212, members: ['IPPort|internet|192.0.2.1|tcp|1'] });
    // only the edge whose two ends are drawn
    const edges = els.filter((e) => e.group === 'edges');
    expect(edges).toEqual([{ group: 'edges', data: { id: `${AGG}|address|${IP}`, source: AGG, target: IP, attr: 'address', label: 'address' }, classes: ['ref'] }]);
  });

  it('keeps edges to nodes already on the canvas when told which', () => {
    const els = toCytoscape(graph, new Set(['Network|internet']));
    expect(els.filter((e) => e.group === 'edges').map((e) => e.data.id)).toEqual([`${AGG}|address|${IP}`, `${HOST}|network|Network|internet`]);
  });
});
