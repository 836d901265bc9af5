/**
 * Shortest paths between two objects over references in both directions, computed in the database
 * by a bidirectional breadth-first search: each step expands the smaller of the two frontiers with
 * one set-based query over the refs indexes (source and target), so a search touches the few
 * thousand objects near the two ends instead of the graph. The walk never passes through objects
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

/** One reference from a frontier node `a` to `b`. */
interface Step {
  a: string;
  b: string;
  edge: ExplorerEdge;
}

type Stepper = (frontier: string[]) => Promise<Step[]>;

/** Now: one query over refs, blocked types filtered in SQL (the goal ends always pass). */
const STEP_SQL = `
  SELECT r.source AS a, r.attr, r.target AS b, 'out' AS dir
    FROM refs r JOIN objects o ON o.org = r.org AND o.pk = r.target
   WHERE r.org = $1 AND r.source = ANY($2::text[]) AND (o.type <> ALL($3::text[]) OR r.target = ANY($4::text[]))
  UNION ALL
  SELECT r.target, r.attr, r.source, 'in'
    FROM refs r
   WHERE r.org = $1 AND r.target = ANY($2::text[]) AND (split_part(r.source, '|', 1) <> ALL($3::text[]) OR r.source = ANY($4::text[]))`;

function currentStepper(q: Queryable, org: string, blocked: string[], ends: string[]): Stepper {
  return async (frontier) => {
    const res = await q.query<{ a: string; attr: string; b: string; dir: 'out' | 'in' }>(STEP_SQL, [org, frontier, blocked, ends]);
    return res.rows.map((r) => ({ a: r.a, b: r.b, edge: edgeOf({ parent: r.a, dir: r.dir, attr: r.attr, other: r.b }) }));
  };
}

function sourceStepper(src: GraphSource, blocked: ReadonlySet<string>, ends: ReadonlySet<string>): Stepper {
  return async (frontier) =>
    (await src.neighbours(frontier))
      .filter((r) => !blocked.has(r.otherType) || ends.has(r.other))
      .map((r) => ({ a: r.parent, b: r.other, edge: edgeOf(r) }));
}

interface Side {
  dist: Map<string, number>;
  /** every predecessor at distance - 1, with the edge used */
  pred: Map<string, { via: string; edge: ExplorerEdge }[]>;
  frontier: string[];
  depth: number;
}

function side(start: string): Side {
  return { dist: new Map([[start, 0]]), pred: new Map(), frontier: [start], depth: 0 };
}

/** The types never walked through: the avoided ones (subtypes included) and the non-traversable ones. */
export function blockedTypes(avoid: readonly string[] | undefined): string[] {
  const out = new Set(expandTypes(avoid) ?? []);
  for (const t of allTypes()) if (!t.abstract && t.nonTraversable) out.add(t.name);
  return [...out].sort();
}

export async function findPaths(ctx: Ctx, o: PathOptions): Promise<PathsResult> {
  const found = await ctx.src.objects([o.from, o.to]);
  for (const [field, pk] of [['from', o.from], ['to', o.to]] as const) {
    if (!found.has(pk)) throw new AppError('NOT_FOUND', `No object ${pk} in "${ctx.org}"${ctx.src.asOf ? ` at ${ctx.src.asOf}` : ''}`, { field, pk });
  }
  const blocked = blockedTypes(o.avoidTypes);
  const ends = [o.from, o.to];
  const step = ctx.src.asOf === null ? currentStepper(ctx.q, ctx.org, blocked, ends) : sourceStepper(ctx.src, new Set(blocked), new Set(ends));
  // An end of a blocked type is not walked through either: it is only an end.
  const walkable = (pk: string) => pk === o.from || pk === o.to ? true : !blocked.includes(typeOf(pk));

  const edgeById = new Map<string, ExplorerEdge>();
  if (o.from === o.to) return result(ctx, [{ nodes: [o.from], edges: [] }], 0, found, edgeById);
  const A = side(o.from);
  const B = side(o.to);
  let best = Infinity;
  const meets = new Set<string>();
  while (A.depth + B.depth < o.maxHops && A.frontier.length > 0 && B.frontier.length > 0) {
    const s = A.frontier.length <= B.frontier.length ? A : B;
    const other = s === A ? B : A;
    const steps = await step(s.frontier.filter((pk) => pk === o.from || pk === o.to || walkable(pk)));
    const d = s.depth + 1;
    const next: string[] = [];
    for (const st of steps.sort((x, y) => cmp(x.b, y.b) || cmp(x.a, y.a) || cmp(x.edge.id, y.edge.id))) {
      const known = s.dist.get(st.b);
      if (known === undefined) {
        s.dist.set(st.b, d);
        s.pred.set(st.b, [{ via: st.a, edge: st.edge }]);
        next.push(st.b);
      } else if (known === d) {
        const p = s.pred.get(st.b)!;
        if (!p.some((x) => x.via === st.a && x.edge.id === st.edge.id)) p.push({ via: st.a, edge: st.edge });
      } else continue;
      const od = other.dist.get(st.b);
      if (od !== undefined) {
        const total = d + od;
        if (total < best) {
          best = total;
          meets.clear();
        }
        if (total === best) meets.add(st.b);
      }
    }
    s.frontier = next;
    s.depth = d;
    if (best <= o.maxHops) break;
  }
  if (best === Infinity || best > o.maxHops) return result(ctx, [], null, found, edgeById);

  // Every shortest path: from each meeting node back to `from` over A's predecessors, on to `to` over B's.
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
  for (const m of [...meets].sort()) {
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
  return result(ctx, paths, paths.length > 0 ? best : null, found, edgeById);
}

async function result(ctx: Ctx, paths: ExplorerPath[], hops: number | null, ends: Map<string, string>, edgeById: ReadonlyMap<string, ExplorerEdge>): Promise<PathsResult> {
  const hop = new Map<string, number>();
  const edges = new Map<string, ExplorerEdge>();
  for (const p of paths) {
    p.nodes.forEach((pk, i) => hop.set(pk, Math.min(hop.get(pk) ?? Infinity, i)));
    for (const id of p.edges) if (!edges.has(id)) edges.set(id, edgeById.get(id)!);
  }
  const types = await ctx.src.objects([...hop.keys()].filter((pk) => !ends.has(pk)));
  for (const [k, v] of ends) types.set(k, v);
  const deco = await decorate(ctx.q, ctx.org, [...hop.keys()], ctx.now);
  const nodes: ExplorerNode[] = [...hop].map(([pk, h]) => ({
    id: pk,
    kind: 'object',
    type: types.get(pk) ?? typeOf(pk),
    label: labelOf(pk),
    ...(deco.get(pk) ?? EMPTY_DECORATION),
    hop: h,
  }));
  return { paths, graph: { nodes, edges: [...edges.values()], truncated: false, total: nodes.length, asOf: ctx.src.asOf }, hops };
}
