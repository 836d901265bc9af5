import { describe, expect, it } from 'vitest';
import { aggregateSiblings, type NeighbourRow } from '../../../src-main/explorer/aggregate';

const IP = 'IPAddressV4|internet|192.0.2.1';
const port = (n: number) => `IPPort|internet|192.0.2.1|tcp|${n}`;
const ports = (n: number): NeighbourRow[] =>
  Array.from({ length: n }, (_, i) => ({ parent: IP, dir: 'in' as const, attr: 'address', other: port(i + 1), otherType: 'IPPort' }));
const net: NeighbourRow = { parent: IP, dir: 'out', attr: 'network', other: 'Network|internet', otherType: 'Network' };

describe('aggregateSiblings', () => {
  it('draws groups up to the threshold one by one, with edges in the reference direction', () => {
    const a = aggregateSiblings([net, ...ports(3)], { aggregateOver: 3 });
    expect(a.collections).toEqual([]);
    expect(a.nodes.map((n) => n.pk)).toEqual(['Network|internet', port(1), port(2), port(3)]);
    expect(a.nodes[1]).toEqual({ pk: port(1), type: 'IPPort', parent: IP });
    expect(a.edges.map((e) => e.id)).toEqual([`${IP}|network|Network|internet`, `${port(1)}|address|${IP}`, `${port(2)}|address|${IP}`, `${port(3)}|address|${IP}`]);
  });

  it('turns a bigger group into one collection joined to its parent', () => {
    const a = aggregateSiblings([net, ...ports(30)], { aggregateOver: 25 });
    expect(a.nodes.map((n) => n.pk)).toEqual(['Network|internet']);
    expect(a.collections).toEqual([
      { id: `agg:${IP}|address|in|IPPort`, parent: IP, attr: 'address', dir: 'in', type: 'IPPort', count: 30, members: ports(30).map((r) => r.other) },
    ]);
    expect(a.edges.map((e) => [e.source, e.target])).toEqual([
      [IP, 'Network|internet'],
      [`agg:${IP}|address|in|IPPort`, IP],
    ]);
  });

  it('groups by attribute, direction and type separately', () => {
    const other: NeighbourRow[] = ports(2).map((r) => ({ ...r, attr: 'other' }));
    const typed: NeighbourRow[] = ports(2).map((r) => ({ ...r, otherType: 'Other' }));
    const a = aggregateSiblings([...ports(2), ...other, ...typed], { aggregateOver: 2 });
    expect(a.collections).toEqual([]);
    expect(aggregateSiblings([...ports(2), ...other, ...typed], { aggregateOver: 1 }).collections.map((c) => c.id)).toEqual([
      `agg:${IP}|address|in|IPPort`,
      `agg:${IP}|other|in|IPPort`,
      `agg:${IP}|address|in|Other`,
    ]);
  });

  it('keeps drawn neighbours out of the count, with their own edges', () => {
    const drawn = new Set([port(1), port(2)]);
    const a = aggregateSiblings(ports(4), { aggregateOver: 2, drawn });
    expect(a.collections).toEqual([]);
    expect(a.nodes.map((n) => n.pk)).toEqual([port(3), port(4)]);
    expect(a.edges).toHaveLength(4);
    const b = aggregateSiblings(ports(6), { aggregateOver: 2, drawn });
    expect(b.collections[0]).toMatchObject({ count: 4, members: [port(3), port(4), port(5), port(6)] });
    expect(b.edges.map((e) => e.source)).toEqual([port(1), port(2), `agg:${IP}|address|in|IPPort`]);
  });

  it('takes the true group size from groupTotal when a query cut the rows, and caps the members', () => {
    const rows = ports(10).map((r) => ({ ...r, groupTotal: 9000 }));
    const a = aggregateSiblings(rows, { aggregateOver: 25, maxMembers: 5 });
    expect(a.collections[0]).toMatchObject({ count: 9000 });
    expect(a.collections[0]!.members).toHaveLength(5);
  });

  it('draws a neighbour reached from two parents once, with both edges', () => {
    const rows: NeighbourRow[] = [
      { parent: 'A|1', dir: 'out', attr: 'x', other: 'C|1', otherType: 'C' },
      { parent: 'B|1', dir: 'in', attr: 'y', other: 'C|1', otherType: 'C' },
    ];
    const a = aggregateSiblings(rows, { aggregateOver: 5 });
    expect(a.nodes).toEqual([{ pk: 'C|1', type: 'C', parent: 'A|1' }]);
    expect(a.edges.map((e) => e.id)).toEqual(['A|1|x|C|1', 'C|1|y|B|1']);
  });
});
