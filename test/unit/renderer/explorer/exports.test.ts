import { describe, expect, it } from 'vitest';
import type { ProofTree } from '../../../../src-main/api/contracts/findings';
import { GraphModel } from '../../../../src-renderer/features/explorer/graph-model';
import { proofElements } from '../../../../src-renderer/features/explorer/proof-graph';
import { buildSvg } from '../../../../src-renderer/features/explorer/svg-export';
import { familyOf } from '../../../../src-renderer/features/explorer/type-style';

describe('buildSvg', () => {
  it('draws every node with its shape, colour and (escaped) label, and every edge', () => {
    const svg = buildSvg(
      [
        { id: 'Hostname|internet|a&b.org', x: 0, y: 0, type: 'Hostname', kind: 'object', label: 'a&b.org <x>', level: 2, severity: 'high', classes: ['match'] },
        { id: 'IPAddressV4|internet|192.0.2.1', x: 120, y: 40, type: 'IPAddressV4', kind: 'object', label: '192.0.2.1', level: null, severity: null, classes: [] },
        { id: 'agg:x', x: -100, y: 60, type: 'IPPort', kind: 'collection', label: '212 IPPorts', level: null, severity: null, classes: [] },
      ],
      [{ source: { x: 0, y: 0 }, target: { x: 120, y: 40 }, attr: 'address', classes: ['path'] }],
      { dark: false },
    );
    expect(svg.startsWith('<?xml')).toBe(true);
    expect(svg).toContain('<svg xmlns="http://www.w3.org/2000/svg"');
    expect(svg).toContain('a&amp;b.org &lt;x&gt;');
    expect(svg).not.toContain('<x>');
    expect(svg).toContain(familyOf('Hostname').color);
    expect(svg).toContain('<polygon'); // the IP's hexagon
    expect(svg).toContain('212 IPPorts');
    expect((svg.match(/<g class="node"/g) ?? []).length).toBe(3);
    expect((svg.match(/<line /g) ?? []).length).toBe(1);
    expect(svg.trim().endsWith('</svg>')).toBe(true);
  });
  it('is a valid empty picture without nodes', () => {
    expect(buildSvg([], [], { dark: true })).toContain('viewBox="0 0 100 100"');
  });
});

describe('proofElements', () => {
  const H = 'Hostname|internet|example.org';
  const A = 'DNSARecord|internet|example.org|192.0.2.1';
  const R = 'ResolvedHostname|internet|example.org|internet|192.0.2.1';
  const origin = (id: string, kind: 'declaration' | 'observation' | 'inference', over: object = {}) => ({
    id, kind, method: kind === 'inference' ? 'dns-resolving' : 'manual', sourceMethod: null, validFrom: '2026-01-01T00:00:00Z', txFrom: '2026-01-01T00:00:00Z',
    keepsAlive: true, source: null, parameters: [], taskId: null, task: null, rawFile: null, ...over,
  });
  it('draws each origin as a node between what it supports and what it rests on', () => {
    const tree: ProofTree = {
      truncated: false,
      nodes: 3,
      root: {
        pk: R, type: 'ResolvedHostname', exists: true,
        origins: [
          origin('o1', 'inference', {
            source: { pk: H, type: 'Hostname', exists: true, origins: [origin('o2', 'declaration')] },
            parameters: [{ pk: A, type: 'DNSARecord', exists: false, origins: [] }],
          }),
        ],
      },
    } as unknown as ProofTree;
    const model = new GraphModel();
    model.reset([R]);
    model.merge({ nodes: [{ id: R, kind: 'object', type: 'ResolvedHostname', label: 'r', level: null, severity: null, findings: 0, origins: [] }], edges: [], truncated: false, total: 1, asOf: null });
    const { defs, ids } = proofElements(tree, model);
    const nodeIds = defs.filter((d) => d.group === 'nodes').map((d) => d.data.id);
    // R is drawn already; H and the (gone) A record are added, with the two origins
    expect(nodeIds.sort()).toEqual([A, H, 'proof:o1', 'proof:o2'].sort());
    expect(defs.find((d) => d.data.id === A)!.data.label).toContain('(gone)');
    const edges = defs.filter((d) => d.group === 'edges').map((d) => `${d.data.source} -${d.data.attr}-> ${d.data.target}`);
    expect(edges.sort()).toEqual([`proof:o1 -supports-> ${R}`, `${H} -source-> proof:o1`, `${A} -input-> proof:o1`, `proof:o2 -supports-> ${H}`].sort());
    expect(ids).toContain(R);
  });
});
