/**
 * Query latencies on the one loaded graph: a single object with its neighbours, a depth-2 tree,
 * and a page of the object list with a type filter and a search term.
 */
import type { Queryable } from '../../src-main/db/database.js';
import { listObjects } from '../../src-main/graph/query/list.js';
import { loadExport } from '../load-export.js';
import { Rng } from '../prng.js';
import { line, percentile, round, timeEach } from '../stats.js';
import type { Metric } from './types.js';

const WARMUP = 20;

type GetObject = (q: Queryable, org: string, pk: string) => Promise<unknown>;
type Tree = (q: Queryable, org: string, pk: string, depth: number) => Promise<unknown>;

export const neighboursMetric: Metric = {
  name: 'neighbours',
  provides: [
    { name: 'neighbours_p50', unit: 'ms' },
    { name: 'neighbours_p95', unit: 'ms' },
  ],
  async run(ctx) {
    const getObject = await loadExport<GetObject>('src-main/graph/query/neighbours.ts', 'getObject');
    const g = await ctx.graph();
    const { db, org, via } = await ctx.loaded();
    const rng = new Rng(ctx.seed + 1);
    const pks = Array.from({ length: 1000 }, () => rng.pick(g.sample.all));
    ctx.log(`neighbours: getObject on ${pks.length} random objects (${WARMUP} warm-up calls first)`);
    const ms = await timeEach(pks, (pk) => getObject(db, org, pk), WARMUP);
    const extra = { samples: ms.length, loadedVia: via };
    return [line('neighbours_p50', percentile(ms, 50), 'ms', { max: 2 }, extra), line('neighbours_p95', percentile(ms, 95), 'ms', undefined, extra)];
  },
};

export const treeMetric: Metric = {
  name: 'tree',
  provides: [{ name: 'tree_depth2_p50', unit: 'ms' }],
  async run(ctx) {
    const tree = await loadExport<Tree>('src-main/graph/query/tree.ts', 'tree');
    const g = await ctx.graph();
    const { db, org, via } = await ctx.loaded();
    const rng = new Rng(ctx.seed + 2);
    const roots = Array.from({ length: 200 }, (_, i) => rng.pick(i % 2 === 0 ? g.sample.hostnames : g.sample.ips));
    ctx.log(`tree: depth 2 from ${roots.length} random hostnames and addresses`);
    const ms = await timeEach(roots, (pk) => tree(db, org, pk, 2), WARMUP);
    return [line('tree_depth2_p50', percentile(ms, 50), 'ms', { max: 10 }, { p95: round(percentile(ms, 95)), samples: ms.length, loadedVia: via })];
  },
};

/** Filters a user would type: a type (sometimes abstract) and part of a name, address or id. */
function listQueries(rng: Rng, sample: { hostnames: string[]; ips: string[] }, n: number) {
  const label = (pk: string) => pk.split('|').pop()!.split('.')[0]!;
  const out: { types: string[]; search: string }[] = [];
  for (let i = 0; i < n; i++) {
    switch (i % 6) {
      case 0:
        out.push({ types: ['Hostname'], search: label(rng.pick(sample.hostnames)) });
        break;
      case 1:
        out.push({ types: ['IPAddress'], search: rng.pick(sample.ips).split('|').pop()!.slice(0, 6) });
        break;
      case 2:
        out.push({ types: ['Finding'], search: rng.pick(['KAT-NO-CSP', 'KAT-NO-HSTS', 'KAT-OPEN-SYSADMIN-PORT', 'KAT-OPEN-DATABASE-PORT']) });
        break;
      case 3:
        out.push({ types: ['HTTPHeader'], search: rng.pick(['server', 'content-security-policy', 'x-frame-options', 'set-cookie']) });
        break;
      case 4:
        out.push({ types: ['Website', 'HTTPResource'], search: label(rng.pick(sample.hostnames)) });
        break;
      default:
        out.push({ types: ['DNSRecord'], search: rng.pick(['.prod.', '.acc.', 'mail', 'www', 'api']) });
    }
  }
  return out;
}

export const listMetric: Metric = {
  name: 'list',
  provides: [{ name: 'list_page_p50', unit: 'ms' }],
  async run(ctx) {
    const g = await ctx.graph();
    const { db, org, via } = await ctx.loaded();
    const queries = listQueries(new Rng(ctx.seed + 3), g.sample, 300);
    ctx.log(`list: ${queries.length} pages of 50 with a type filter and a search term`);
    const ms = await timeEach(queries, (f) => listObjects(db, org, { ...f, sort: 'pk', desc: false, offset: 0, limit: 50 }), WARMUP);
    return [line('list_page_p50', percentile(ms, 50), 'ms', { max: 20 }, { p95: round(percentile(ms, 95)), samples: ms.length, loadedVia: via })];
  },
};
