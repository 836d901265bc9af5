/**
 * Sibling aggregation (pure): when one node has more than `aggregateOver` neighbours of the same type
 * over the same attribute and direction, they become one collection node ("212 IPPorts") joined to
 * the parent by one edge. Neighbours already drawn never count and keep their own edge.
 */
import { collectionId, makeEdge, type Direction, type ExplorerEdge } from './elements.js';

/** Members listed in a collection at most (the count stays exact). */
export const MAX_MEMBERS = 5000;

/** One reference seen from `parent`: out = parent --attr--> other, in = other --attr--> parent. */
export interface NeighbourRow {
  parent: string;
  dir: Direction;
  attr: string;
  other: string;
  otherType: string;
  /** the size of this row's (parent, attr, dir, type) group when the rows were cut short by a query; default: the rows given */
  groupTotal?: number;
}

export interface Collection {
  id: string;
  parent: string;
  attr: string;
  dir: Direction;
  type: string;
  count: number;
  /** at most MAX_MEMBERS, in the order given */
  members: string[];
}

export interface Aggregated {
  /** neighbours to draw as object nodes (new ones, first seen order) */
  nodes: { pk: string; type: string; parent: string }[];
  /** edges to drawn neighbours, to new nodes and to collections */
  edges: ExplorerEdge[];
  collections: Collection[];
}

export interface AggregateOptions {
  aggregateOver: number;
  /** nodes already drawn: their edges are kept, they are not aggregated */
  drawn?: ReadonlySet<string>;
  maxMembers?: number;
}

export function edgeOf(r: { parent: string; dir: Direction; attr: string; other: string }): ExplorerEdge {
  return r.dir === 'out' ? makeEdge(r.parent, r.attr, r.other) : makeEdge(r.other, r.attr, r.parent);
}

/** Groups rows by (parent, attr, dir, other type) in first-seen order and aggregates the big groups. */
export function aggregateSiblings(rows: readonly NeighbourRow[], opts: AggregateOptions): Aggregated {
  const drawn = opts.drawn ?? new Set<string>();
  const maxMembers = opts.maxMembers ?? MAX_MEMBERS;
  const groups = new Map<string, NeighbourRow[]>();
  for (const r of rows) {
    const key = `${r.parent}\u0000${r.attr}\u0000${r.dir}\u0000${r.otherType}`;
    let g = groups.get(key);
    if (!g) groups.set(key, (g = []));
    g.push(r);
  }
  const out: Aggregated = { nodes: [], edges: [], collections: [] };
  const added = new Set<string>();
  const edgeIds = new Set<string>();
  const pushEdge = (e: ExplorerEdge) => {
    if (edgeIds.has(e.id)) return;
    edgeIds.add(e.id);
    out.edges.push(e);
  };
  for (const g of groups.values()) {
    const fresh: NeighbourRow[] = [];
    for (const r of g) {
      if (drawn.has(r.other) || added.has(r.other)) pushEdge(edgeOf(r));
      else fresh.push(r);
    }
    if (fresh.length === 0) continue;
    const first = fresh[0]!;
    // rows cut short by the query: the group's true size less the drawn members seen
    const total = Math.max(fresh.length, (first.groupTotal ?? g.length) - (g.length - fresh.length));
    if (total > opts.aggregateOver) {
      const id = collectionId(first.parent, first.attr, first.dir, first.otherType);
      const members = [...new Set(fresh.map((r) => r.other))].slice(0, maxMembers);
      out.collections.push({ id, parent: first.parent, attr: first.attr, dir: first.dir, type: first.otherType, count: total, members });
      pushEdge(first.dir === 'out' ? makeEdge(first.parent, first.attr, id) : makeEdge(id, first.attr, first.parent));
      continue;
    }
    for (const r of fresh) {
      if (!added.has(r.other)) {
        added.add(r.other);
        out.nodes.push({ pk: r.other, type: r.otherType, parent: r.parent });
      }
      pushEdge(edgeOf(r));
    }
  }
  return out;
}
