/**
 * Shortest paths between two objects over references in both directions, computed in the database
 * by a bidirectional breadth-first search (kat_explorer_bfs, migration 0009: one call, plans kept):
 * each round expands the smaller of the two frontiers with one set-based query over the refs
 * indexes (source and target), so a search touches the objects near the two ends, not the graph.
 * Here the rounds' rows become distances and predecessors, and every shortest path is read back. The walk never passes through objects
 * of avoided types nor through non-traversable types (Network, Service, Software ...: hubs that
 * would join everything in two hops); the two ends themselves may be of any type.
 */
import { AppError } from '../../common/errors.js';
import type { Queryable } from '../../db/database.js';
import { allTypes } from '../../graph/model/registry.js';
import { expandTypes } from '../../graph/query/list.js';
import type { PathsResult, ExplorerPath } from '../../api/contracts/explorer.js';
import { edgeOf } from '../aggregate.js';
import { labelOf, type ExplorerEdge, type ExplorerNode } from '../elements.js';
import { decorate, EMPTY_DECORATION } from './decorate.js';
import type { Ctx } from './neighbourhood.js';
import { cmp, typeOf, type GraphSource } from './source.js';

export interface PathOptions {
  from: string;
  to: string;
  maxHops: number;
  avoidTypes?: readonly string[];
  limit: number;
}

/** A reference that discovered object `b` from `a` on one side of the search, `depth` hops from that side's start. */
interface Found {
  side: 0 | 1;
  depth: number;
  a: string;
  b: string;
  edge: ExplorerEdge;
}

/** Now: the whole search in the database, one call (migration 0009, kat_explorer_bfs). */
async function searchCurrent(q: Queryable, org: string, o: PathOptions, blocked: string[]): Promise<Found[]> {
  const res = await q.query<{ side: 0 | 1; depth: number; a: string; attr: string; b: string; dir: 'out' | 'in' }>(
    `SELECT side, depth, a, attr, b, dir FROM kat_explorer_bfs($1, $2, $3, $4, $5::text[])`,
    [org, o.from, o.to, o.maxHops, blocked],
  );
  return res.rows.map((r) => ({ side: r.side, depth: r.depth, a: r.a, b: r.b, edge: edgeOf({ parent: r.a, dir: r.dir, attr: r.attr, other: r.b }) }));
}

/** As of another time: the same search over the versions visible then, one query per round. */
async function searchSource(src: GraphSource, o: PathOptions, blocked: ReadonlySet<string>): Promise<Found[]> {
  const ends = new Set([o.from, o.to]);
  const seen = [new Set([o.from]), new Set([o.to])];
  const frontier = [[o.from], [o.to]];
  const depth = [0, 0];
  const out: Found[] = [];
  let met = false;
  while (depth[0]! + depth[1]! < o.maxHops && frontier[0]!.length > 0 && frontier[1]!.length > 0 && !met) {
    const s: 0 | 1 = frontier[0]!.length <= frontier[1]!.length ? 0 : 1;
    const d = depth[s]! + 1;
    const rows = (await src.neighbours(frontier[s]!)).filter((r) => (!blocked.has(r.otherType) || ends.has(r.other)) && !seen[s]!.has(r.other));
    const next = [...new Set(rows.map((r) => r.other))];
    for (const r of rows) out.push({ side: s, depth: d, a: r.parent, b: r.other, edge: edgeOf(r) });
    next.forEach((pk) => seen[s]!.add(pk));
    met = next.some((pk) => seen[1 - s]!.has(pk));
    frontier[s] = next;
    depth[s] = d;
  }
  return out;
}

interface Side {
  dist: Map<string, number>;
  /** every predecessor at distance - 1, with the edge used */
  pred: Map<string, { via: string; edge: ExplorerEdge }[]>;
}

/** The types never walked through: the avoided ones (subtypes included) and the non-traversable ones. */
export function blockedTypes(avoid: readonly string[] | undefined): string[] {
  const out = new Set(expandTypes(avoid) ?? []);
  for (const t of allTypes()) if (!t.abstract && t.nonTraversable) out.add(t.name);
  return [...out].sort();
}

export async function findPaths(ctx: Ctx, o: PathOptions): Promise<PathsResult> {
  const edgeById = new Map<string, ExplorerEdge>();
  const blocked = blockedTypes(o.avoidTypes);
  // the search first: when it finds a path both ends exist, so the existence check costs a round trip only otherwise
  const rows = o.from === o.to ? [] : ctx.src.asOf === null ? await searchCurrent(ctx.q, ctx.org, o, blocked) : await searchSource(ctx.src, o, new Set(blocked));
  const ensureEnds = async () => {
    const found = await ctx.src.objects([o.from, o.to]);
    for (const [field, pk] of [['from', o.from], ['to', o.to]] as const) {
      if (!found.has(pk)) throw new AppError('NOT_FOUND', `No object ${pk} in "${ctx.org}"${ctx.src.asOf ? ` at ${ctx.src.asOf}` : ''}`, { field, pk });
    }
  };
  if (o.from === o.to) {
    await ensureEnds();
    return result(ctx, [{ nodes: [o.from], edges: [] }], 0, edgeById);
  }

  const sides: [Side, Side] = [
    { dist: new Map([[o.from, 0]]), pred: new Map() },
    { dist: new Map([[o.to, 0]]), pred: new Map() },
  ];
  rows.sort((x, y) => x.side - y.side || x.depth - y.depth || cmp(x.b, y.b) || cmp(x.a, y.a) || cmp(x.edge.id, y.edge.id));
  for (const r of rows) {
    const s = sides[r.side];
    const known = s.dist.get(r.b);
    if (known === undefined) {
      s.dist.set(r.b, r.depth);
      s.pred.set(r.b, [{ via: r.a, edge: r.edge }]);
    } else if (known === r.depth && !s.pred.get(r.b)!.some((x) => x.via === r.a && x.edge.id === r.edge.id)) {
      s.pred.get(r.b)!.push({ via: r.a, edge: r.edge });
    }
  }
  const [A, B] = sides;
  let best = Infinity;
  const meets: string[] = [];
  for (const [pk, da] of A.dist) {
    const db = B.dist.get(pk);
    if (db === undefined) continue;
    if (da + db < best) {
      best = da + db;
      meets.length = 0;
    }
    if (da + db === best) meets.push(pk);
  }
  if (best === Infinity || best > o.maxHops) {
    await ensureEnds();
    return result(ctx, [], null, edgeById);
  }

  // Every shortest path: from each meeting node back to \`from\` over A's predecessors, on to \`to\` over B's.
  const paths: ExplorerPath[] = [];
  const seen = new Set<string>();
  const halves = (s: Side, pk: string, budget: number): { nodes: string[]; edges: string[] }[] => {
    const out: { nodes: string[]; edges: string[] }[] = [];
    const walk = (at: string, nodes: string[], edges: string[]) => {
      if (out.length >= budget) return;
      const preds = s.pred.get(at);
      if (!preds) {
        out.push({ nodes: [...nodes].reverse(), edges: [...edges].reverse() });
        return;
      }
      for (const p of preds) {
        edgeById.set(p.edge.id, p.edge);
        walk(p.via, [...nodes, p.via], [...edges, p.edge.id]);
      }
    };
    walk(pk, [pk], []);
    return out;
  };
  for (const m of meets.sort()) {
    if (paths.length >= o.limit) break;
    const left = halves(A, m, o.limit); // from ... m
    const right = halves(B, m, o.limit).map((h) => ({ nodes: [...h.nodes].reverse(), edges: [...h.edges].reverse() })); // m ... to
    for (const l of left) {
      for (const r of right) {
        if (paths.length >= o.limit) break;
        const nodes = [...l.nodes, ...r.nodes.slice(1)];
        const edges = [...l.edges, ...r.edges];
        const key = edges.join('\n');
        if (seen.has(key) || new Set(nodes).size !== nodes.length) continue;
        seen.add(key);
        paths.push({ nodes, edges });
      }
    }
  }
  return result(ctx, paths, paths.length > 0 ? best : null, edgeById);
}

/** The paths with their graph; a node's type is its key's prefix. */
async function result(ctx: Ctx, paths: ExplorerPath[], hops: number | null, edgeById: ReadonlyMap<string, ExplorerEdge>): Promise<PathsResult> {
  const hop = new Map<string, number>();
  const edges = new Map<string, ExplorerEdge>();
  for (const p of paths) {
    p.nodes.forEach((pk, i) => hop.set(pk, Math.min(hop.get(pk) ?? Infinity, i)));
    for (const id of p.edges) if (!edges.has(id)) edges.set(id, edgeById.get(id)!);
  }
  const deco = await decorate(ctx.q, ctx.org, [...hop.keys()], ctx.now);
  const nodes: ExplorerNode[] = [...hop].map(([pk, h]) => ({
    id: pk,
    kind: 'object',
    type: typeOf(pk),
    label: labelOf(pk),
    ...(deco.get(pk) ?? EMPTY_DECORATION),
    hop: h,
  }));
  return { paths, graph: { nodes, edges: [...edges.values()], truncated: false, total: nodes.length, asOf: ctx.src.asOf }, hops };
}
