/**
 * Time travel for the explorer: compare (the drawn objects' neighbourhood at two valid times, with
 * what was added, removed and changed, attribute by attribute) and timeline (the valid times at
 * which something changed, for the slider).
 */
import type { Queryable } from '../../db/database.js';
import type { CompareResult, Timeline } from '../../api/contracts/explorer.js';
import { attributeChanges } from '../../origins/history.js';
import { diffGraphs } from '../diff.js';
import type { ExplorerGraph } from '../elements.js';
import { openGraph, type Ctx } from './neighbourhood.js';
import { asOfSource } from './source.js';
import { iso } from '../../graph/query/as-of.js';

/** Objects a graph reaches: its object nodes and its collections' listed members. */
function reached(g: ExplorerGraph): Set<string> {
  const out = new Set<string>();
  for (const n of g.nodes) {
    if (n.kind === 'object') out.add(n.id);
    else n.members?.forEach((m) => out.add(m));
  }
  return out;
}

const CHANGED_LIMIT = 5000;

export async function compareTimes(ctx: Omit<Ctx, 'src'>, pks: readonly string[], from: string, to: string, aggregateOver = 25): Promise<CompareResult> {
  const a = asOfSource(ctx.q, ctx.org, from);
  const b = asOfSource(ctx.q, ctx.org, to);
  const empty = (at: string): ExplorerGraph => ({ nodes: [], edges: [], truncated: false, total: 0, asOf: at });
  const open = async (src: typeof a, at: string) => {
    if ((await src.objects(pks)).size === 0) return empty(at);
    return openGraph({ ...ctx, src }, { start: pks, depth: 1, aggregateOver });
  };
  const [graphFrom, graphTo] = [await open(a, from), await open(b, to)];
  const ra = reached(graphFrom);
  const rb = reached(graphTo);
  const added = [...rb].filter((pk) => !ra.has(pk)).sort();
  const removed = [...ra].filter((pk) => !rb.has(pk)).sort();
  const both = [...ra].filter((pk) => rb.has(pk)).sort().slice(0, CHANGED_LIMIT);
  const [da, db] = [await a.data(both), await b.data(both)];
  const changed: CompareResult['changed'] = [];
  for (const pk of both) {
    const changes = attributeChanges(da.get(pk) ?? null, db.get(pk) ?? null);
    if (changes.length > 0) changed.push({ pk, changes });
  }
  const d = diffGraphs(graphFrom, graphTo);
  return { added, removed, changed, edgesAdded: d.addedEdges, edgesRemoved: d.removedEdges, graphFrom, graphTo };
}

const MAX_POINTS = 500;

/**
 * The valid times of the versions known now (of `pks`, or of the whole organisation): first, last,
 * and the distinct times ascending, thinned evenly to at most 500 (first and last always kept).
 */
export async function timeline(q: Queryable, org: string, pks?: readonly string[]): Promise<Timeline> {
  const scope = pks && pks.length > 0 ? 'AND pk = ANY($2::text[])' : '';
  const params: unknown[] = pks && pks.length > 0 ? [org, [...pks], MAX_POINTS] : [org, MAX_POINTS];
  const n = params.length;
  const res = await q.query<{ t: unknown }>(
    `WITH t AS (SELECT DISTINCT valid_from AS t FROM object_versions WHERE org = $1 AND tx_to = 'infinity' ${scope}),
          c AS (SELECT count(*) AS n FROM t),
          b AS (SELECT t, ntile(GREATEST(1, LEAST($${n}::bigint, (SELECT n FROM c)))::int) OVER (ORDER BY t) AS bucket FROM t)
     SELECT min(t) AS t FROM b GROUP BY bucket
     UNION SELECT max(t) FROM t
     ORDER BY 1`,
    params,
  );
  let points = res.rows.filter((r) => r.t !== null).map((r) => iso(r.t));
  if (points.length > MAX_POINTS) points = [...points.slice(0, MAX_POINTS - 1), points[points.length - 1]!];
  return { first: points[0] ?? null, last: points[points.length - 1] ?? null, points };
}
