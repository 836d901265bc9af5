/**
 * Neighbourhoods for the explorer: open (start objects and their neighbours up to a depth), expand
 * (one node), expandCollection (a page of a collection's members). Level by level, one set-based
 * query per level; objects of non-traversable types are drawn but not walked through (unless they
 * are the objects asked for), and big sibling groups become collection nodes.
 */
import { AppError } from '../../common/errors.js';
import type { Queryable } from '../../db/database.js';
import { expandTypes } from '../../graph/query/list.js';
import { aggregateSiblings, MAX_MEMBERS, type Collection, type NeighbourRow } from '../aggregate.js';
import {
  collectionLabel,
  isCollectionId,
  labelOf,
  makeEdge,
  parseCollectionId,
  type ExplorerEdge,
  type ExplorerGraph,
  type ExplorerNode,
} from '../elements.js';
import { decorate, EMPTY_DECORATION, mergeDecorations } from './decorate.js';
import { isNonTraversable, type GraphSource } from './source.js';

/** Object nodes drawn at most by one open; beyond it the graph is truncated. */
export const NODE_BUDGET = 20_000;

export interface Ctx {
  q: Queryable;
  org: string;
  src: GraphSource;
  now: Date;
}

interface Draft {
  nodes: Map<string, { type: string; hop: number }>;
  collections: Collection[];
  collectionHop: Map<string, number>;
  edges: Map<string, ExplorerEdge>;
  truncated: boolean;
}

function newDraft(): Draft {
  return { nodes: new Map(), collections: [], collectionHop: new Map(), edges: new Map(), truncated: false };
}

function addRows(d: Draft, rows: NeighbourRow[], hop: number, aggregateOver: number, drawn: ReadonlySet<string>): string[] {
  const agg = aggregateSiblings(rows, { aggregateOver, drawn });
  const fresh: string[] = [];
  for (const n of agg.nodes) {
    if (d.nodes.size >= NODE_BUDGET) {
      d.truncated = true;
      break;
    }
    d.nodes.set(n.pk, { type: n.type, hop });
    fresh.push(n.pk);
  }
  for (const e of agg.edges) {
    // an edge to a node the budget left out goes too
    const ends = [e.source, e.target];
    if (ends.every((x) => d.nodes.has(x) || drawn.has(x) || isCollectionId(x))) d.edges.set(e.id, e);
  }
  for (const c of agg.collections) {
    if (d.collectionHop.has(c.id)) continue;
    d.collections.push(c);
    d.collectionHop.set(c.id, hop);
    if (c.count > c.members.length) d.truncated = true;
  }
  return fresh;
}

/** Decorates the draft's nodes and collections into a graph. */
async function finish(ctx: Ctx, d: Draft, omit: ReadonlySet<string> = new Set()): Promise<ExplorerGraph> {
  const memberPks = d.collections.flatMap((c) => c.members);
  const deco = await decorate(ctx.q, ctx.org, [...d.nodes.keys(), ...memberPks], ctx.now);
  const nodes: ExplorerNode[] = [];
  for (const [pk, n] of d.nodes) {
    if (omit.has(pk)) continue;
    nodes.push({ id: pk, kind: 'object', type: n.type, label: labelOf(pk), ...(deco.get(pk) ?? EMPTY_DECORATION), hop: n.hop });
  }
  const reached = new Set(d.nodes.keys());
  let total = d.nodes.size;
  for (const c of d.collections) {
    const m = mergeDecorations(c.members.map((p) => deco.get(p)));
    nodes.push({
      id: c.id,
      kind: 'collection',
      type: c.type,
      label: collectionLabel(c.count, c.type),
      ...m,
      count: c.count,
      members: c.members,
      hop: d.collectionHop.get(c.id) ?? 0,
    });
    total += c.count - c.members.filter((p) => reached.has(p)).length;
  }
  return { nodes, edges: [...d.edges.values()], truncated: d.truncated, total, asOf: ctx.src.asOf };
}

async function existing(ctx: Ctx, pks: readonly string[], strict: boolean, field: string): Promise<Map<string, string>> {
  const found = await ctx.src.objects(pks);
  const missing = pks.filter((p) => !found.has(p));
  if (missing.length > 0 && (strict || found.size === 0)) {
    const when = ctx.src.asOf ? ` at ${ctx.src.asOf}` : '';
    throw new AppError('NOT_FOUND', `No object ${missing[0]}${missing.length > 1 ? ` (and ${missing.length - 1} more)` : ''} in "${ctx.org}"${when}`, {
      field,
      missing: missing.slice(0, 100),
    });
  }
  return found;
}

export interface OpenOptions {
  start: readonly string[];
  depth: number;
  aggregateOver: number;
  types?: readonly string[];
}

/**
 * The start objects and their neighbours up to `depth`. Now, every start object must exist; as of a
 * past time the ones that did not exist then are left out (an error only when none did).
 */
export async function openGraph(ctx: Ctx, o: OpenOptions): Promise<ExplorerGraph> {
  const found = await existing(ctx, o.start, ctx.src.asOf === null, 'start');
  const d = newDraft();
  const start = new Set<string>();
  for (const pk of o.start) {
    const t = found.get(pk);
    if (t !== undefined && !start.has(pk)) {
      start.add(pk);
      d.nodes.set(pk, { type: t, hop: 0 });
    }
  }
  const wanted = expandTypes(o.types);
  const keep = wanted ? new Set(wanted) : null;
  let frontier = [...start];
  const expanded = new Set<string>();
  for (let hop = 1; hop <= o.depth && frontier.length > 0 && !d.truncated; hop++) {
    const expand = frontier.filter((pk) => start.has(pk) || !isNonTraversable(d.nodes.get(pk)!.type));
    if (expand.length === 0) break;
    expand.forEach((pk) => expanded.add(pk));
    let rows = await ctx.src.neighbours(expand, Math.max(MAX_MEMBERS, o.aggregateOver + 1));
    if (keep) rows = rows.filter((r) => keep.has(r.otherType) || d.nodes.has(r.other));
    frontier = addRows(d, rows, hop, o.aggregateOver, new Set(d.nodes.keys()));
  }
  // an expanded node brought all its references to drawn nodes; what is left: references between
  // nodes never expanded (the outermost ones, and those not walked through)
  for (const e of await ctx.src.edgesAmong([...d.nodes.keys()].filter((pk) => !expanded.has(pk)))) d.edges.set(e.id, e);
  return finish(ctx, d);
}

export interface ExpandOptions {
  pk: string;
  aggregateOver: number;
  exclude?: readonly string[];
}

/** The neighbours of one object both ways (it was asked for, so a non-traversable one expands too). */
export async function expandNode(ctx: Ctx, o: ExpandOptions): Promise<ExplorerGraph> {
  if (isCollectionId(o.pk)) {
    throw new AppError('BAD_REQUEST', `${o.pk} is a collection: open its members with explorer.expandCollection`, { field: 'pk' });
  }
  const found = await existing(ctx, [o.pk], true, 'pk');
  const exclude = new Set(o.exclude ?? []);
  const d = newDraft();
  d.nodes.set(o.pk, { type: found.get(o.pk)!, hop: 0 });
  const drawn = new Set([...exclude, o.pk]);
  const rows = await ctx.src.neighbours([o.pk], Math.max(MAX_MEMBERS, o.aggregateOver + 1));
  addRows(d, rows, 1, o.aggregateOver, drawn);
  return finish(ctx, d, exclude);
}

export interface CollectionOptions {
  id: string;
  offset: number;
  limit: number;
}

/** A page of a collection's members as object nodes, each with its edge to the parent. */
export async function expandCollection(ctx: Ctx, o: CollectionOptions): Promise<ExplorerGraph> {
  const c = parseCollectionId(o.id);
  if (!c) throw new AppError('BAD_REQUEST', `"${o.id}" is not a collection id (agg:<parent>|<attr>|<out|in>|<type>)`, { field: 'id' });
  await existing(ctx, [c.parent], true, 'id');
  const page = await ctx.src.members(c.parent, c.attr, c.dir, c.type, o.offset, o.limit);
  const d = newDraft();
  for (const pk of page.pks) {
    d.nodes.set(pk, { type: c.type, hop: 1 });
    const e = c.dir === 'out' ? makeEdge(c.parent, c.attr, pk) : makeEdge(pk, c.attr, c.parent);
    d.edges.set(e.id, e);
  }
  d.truncated = o.offset + page.pks.length < page.total;
  const g = await finish(ctx, d);
  return { ...g, total: page.total };
}
