import { describe, expect, it } from 'vitest';
import { diffGraphs } from '../../../src-main/explorer/diff';
import { makeEdge, type ExplorerGraph, type ExplorerNode } from '../../../src-main/explorer/elements';

const node = (id: string, over: Partial<ExplorerNode> = {}): ExplorerNode => ({
  id,
  kind: 'object',
  type: id.split('|')[0]!,
  label: id,
  level: null,
  severity: null,
  findings: 0,
  origins: ['declaration'],
  ...over,
});
const g = (nodes: ExplorerNode[], edges = [] as ReturnType<typeof makeEdge>[]): ExplorerGraph => ({ nodes, edges, truncated: false, total: nodes.length, asOf: null });

describe('diffGraphs', () => {
  it('finds added, removed and changed nodes and added and removed edges', () => {
    const a = g([node('A|1'), node('B|1'), node('C|1', { severity: 'low' }), node('agg:A|1|x|in|D', { kind: 'collection', count: 30 })], [makeEdge('B|1', 'x', 'A|1')]);
    const b = g(
      [node('A|1'), node('C|1', { severity: 'high' }), node('E|1'), node('agg:A|1|x|in|D', { kind: 'collection', count: 31 })],
      [makeEdge('E|1', 'x', 'A|1')],
    );
    expect(diffGraphs(a, b)).toEqual({
      addedNodes: ['E|1'],
      removedNodes: ['B|1'],
      changedNodes: ['C|1', 'agg:A|1|x|in|D'],
      addedEdges: [makeEdge('E|1', 'x', 'A|1')],
      removedEdges: [makeEdge('B|1', 'x', 'A|1')],
    });
  });

  it('sees no change in the order of origins or hops, and none between equal graphs', () => {
    const a = g([node('A|1', { origins: ['declaration', 'observation'], hop: 0 })]);
    const b = g([node('A|1', { origins: ['observation', 'declaration'], hop: 2 })]);
    expect(diffGraphs(a, b)).toEqual({ addedNodes: [], removedNodes: [], changedNodes: [], addedEdges: [], removedEdges: [] });
  });
});
