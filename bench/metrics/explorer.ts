/**
 * path_query_p50: the explorer's shortest paths (explorer.paths, bidirectional search in the
 * database) between two objects 6 hops apart in the loaded graph. The pairs are picked beforehand
 * by a breadth-first search in memory over the generated objects, with the explorer's rule (no walk
 * through non-traversable types), so each pair is exactly 6 hops apart. The tables are analyzed first,
 * as the app's GraphService does after bulk writes (the bench's loader bypasses it).
 */
import { systemClock } from '../../src-main/common/clock.js';
import { findPaths } from '../../src-main/explorer/db/paths.js';
import { blockedTypes } from '../../src-main/explorer/db/paths.js';
import { currentSource } from '../../src-main/explorer/db/source.js';
import { referencesOf, type OOI } from '../../src-main/graph/model/index.js';
import { Rng } from '../prng.js';
import { line, percentile, round, timeEach } from '../stats.js';
import type { Metric } from './types.js';

const HOPS = 6;
const PAIRS = 100;
const WARMUP = 10;

/** Pairs (a, b) at exactly `hops` hops, over references both ways, never through a blocked type. */
export function pairsAtDistance(objects: readonly OOI[], hops: number, n: number, rng: Rng): [string, string][] {
  const blocked = new Set(blockedTypes(undefined));
  const adj = new Map<string, string[]>();
  const link = (a: string, b: string) => {
    let l = adj.get(a);
    if (!l) adj.set(a, (l = []));
    l.push(b);
  };
  const exists = new Set(objects.map((o) => o.pk));
  for (const o of objects) {
    for (const r of referencesOf(o)) {
      if (!exists.has(r.target)) continue;
      link(o.pk, r.target);
      link(r.target, o.pk);
    }
  }
  const typeOf = (pk: string) => pk.slice(0, pk.indexOf('|'));
  const starts = objects.filter((o) => !blocked.has(o.type)).map((o) => o.pk);
  const out: [string, string][] = [];
  const used = new Set<string>();
  for (let tries = 0; out.length < n && tries < n * 50; tries++) {
    const a = rng.pick(starts);
    if (used.has(a)) continue;
    const dist = new Map([[a, 0]]);
    let frontier = [a];
    for (let d = 1; d <= hops && frontier.length > 0; d++) {
      const next: string[] = [];
      for (const x of frontier) {
        if (x !== a && blocked.has(typeOf(x))) continue; // reached, not walked through
        for (const y of adj.get(x) ?? []) {
          if (dist.has(y)) continue;
          dist.set(y, d);
          next.push(y);
        }
      }
      frontier = next;
    }
    const far = frontier.filter((pk) => dist.get(pk) === hops);
    if (far.length === 0) continue;
    used.add(a);
    out.push([a, rng.pick(far)]);
  }
  return out;
}

export const pathsMetric: Metric = {
  name: 'paths',
  provides: [{ name: 'path_query_p50', unit: 'ms' }],
  async run(ctx) {
    const objects = await ctx.objectList();
    const { db, org, via } = await ctx.loaded();
    const rng = new Rng(ctx.seed + 7);
    const pairs = pairsAtDistance(objects, HOPS, PAIRS, rng);
    if (pairs.length === 0) throw new Error(`no two objects ${HOPS} hops apart in the generated graph`);
    ctx.log(`paths: shortest paths between ${pairs.length} pairs ${HOPS} hops apart (${WARMUP} warm-up calls first)`);
    // the bench loads through saveOrigins directly; the app's GraphService runs this after bulk writes
    await db.exec('ANALYZE objects, object_versions, refs, origins, origin_results');
    const pctx = { q: db, org, src: currentSource(db, org), now: systemClock.now() };
    const hops: (number | null)[] = [];
    const ms = await timeEach(
      pairs,
      async ([from, to]) => {
        const r = await findPaths(pctx, { from, to, maxHops: 8, limit: 5 });
        hops.push(r.hops);
      },
      WARMUP,
    );
    const wrong = hops.slice(Math.min(WARMUP, pairs.length)).filter((h) => h !== HOPS).length;
    if (wrong > 0) throw new Error(`${wrong} of ${pairs.length} searches did not find the ${HOPS}-hop path`);
    return [
      line('path_query_p50', percentile(ms, 50), 'ms', { max: 50 }, { p95: round(percentile(ms, 95)), max: round(Math.max(...ms)), samples: ms.length, hops: HOPS, loadedVia: via, analyzed: true }),
    ];
  },
};
