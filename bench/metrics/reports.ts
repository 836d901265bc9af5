/**
 * Reports on the 100k-object graph with 5,000 findings (topped up, or cut to the first 5,000 by key): the aggregate report over every
 * object (SQL aggregation of all sub-reports, as stored by reports.create) and the same report
 * printed to PDF by Chromium (HTML rendering + printing; the browser is launched before timing).
 */
import { silentLogger } from '../../src-main/common/logger.js';
import { systemClock } from '../../src-main/common/clock.js';
import { createOrg, listOrgs } from '../../src-main/core/orgs.js';
import { normalizeObject } from '../../src-main/graph/model/index.js';
import { ChromiumPrinter } from '../../src-main/reports/pdf.js';
import { ReportService } from '../../src-main/reports/service.js';
import { bulkLoadGraph } from '../db.js';
import { line, percentile } from '../stats.js';
import type { Metric } from './types.js';

const FINDINGS = 5000;
const RUNS = 3;

export const reportsMetric: Metric = {
  name: 'reports',
  provides: [
    { name: 'report_aggregate', unit: 'ms' },
    { name: 'report_aggregate_pdf', unit: 'ms' },
  ],
  async run(ctx) {
    const g = await ctx.graph();
    const { db, org } = await ctx.loaded();
    if (!(await listOrgs(db)).some((o) => o.code === org)) await createOrg(db, org, org, new Date());
    const have = (await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM objects WHERE org = $1 AND type = 'Finding'`, [org])).rows[0]!.n;
    if (have < FINDINGS) {
      // top up with findings on ports and websites of the graph (types with metadata, so severities spread)
      const types = ['KAT-UNCOMMON-OPEN-PORT', 'KAT-NO-CSP', 'KAT-NO-HSTS', 'KAT-OPEN-DATABASE-PORT', 'KAT-NO-X-FRAME-OPTIONS', 'KAT-CERTIFICATE-EXPIRED'];
      const targets = [...g.sample.ports, ...g.sample.websites, ...g.sample.resources];
      const existing = new Set((await db.query<{ pk: string }>(`SELECT pk FROM objects WHERE org = $1 AND type = 'Finding'`, [org])).rows.map((r) => r.pk));
      const add = [];
      for (let i = 0; add.length < FINDINGS - have && i < targets.length * types.length; i++) {
        const o = normalizeObject('Finding', { ooi: targets[i % targets.length]!, finding_type: `KATFindingType|${types[Math.floor(i / targets.length) % types.length]}` });
        if (!existing.has(o.pk)) {
          existing.add(o.pk);
          add.push(o);
        }
      }
      await bulkLoadGraph(db, org, add);
      ctx.log(`reports: ${have} findings in the graph, added ${add.length}`);
    }
    if (have > FINDINGS) {
      // the generator makes more: keep the first FINDINGS by key (straight from the tables, as the bulk load writes them)
      const extra = (await db.query<{ pk: string }>(`SELECT pk FROM objects WHERE org = $1 AND type = 'Finding' ORDER BY pk OFFSET $2`, [org, FINDINGS])).rows.map((r) => r.pk);
      for (const t of ['objects', 'object_versions']) await db.query(`DELETE FROM ${t} WHERE org = $1 AND pk = ANY($2::text[])`, [org, extra]);
      await db.query(`DELETE FROM refs WHERE org = $1 AND source = ANY($2::text[])`, [org, extra]);
      await db.query(`DELETE FROM origin_results WHERE org = $1 AND pk = ANY($2::text[])`, [org, extra]);
      ctx.log(`reports: ${have} findings in the graph, kept ${FINDINGS}`);
    }
    await db.exec('ANALYZE objects, object_versions, refs');
    const findings = (await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM objects WHERE org = $1 AND type = 'Finding'`, [org])).rows[0]!.n;
    const printer = new ChromiumPrinter();
    const reports = new ReportService({ db, clock: systemClock, log: silentLogger, printer, recordEvent: async () => undefined, afterCommit: () => undefined });
    try {
      const inputs = { filter: {} };
      ctx.log(`reports: aggregate over every object (${findings} findings), 1 warm-up + ${RUNS} runs`);
      const warm = await reports.create(org, { type: 'aggregate', inputs });
      const ms: number[] = [];
      let last = warm;
      for (let i = 0; i < RUNS; i++) {
        const t = performance.now();
        last = await reports.create(org, { type: 'aggregate', inputs });
        ms.push(performance.now() - t);
      }
      ctx.log(`reports: printing the aggregate to PDF (browser launched by a warm-up print first)`);
      await reports.pdf(org, warm.id);
      const pdfMs: number[] = [];
      let pages = 0;
      for (let i = 0; i < RUNS; i++) {
        const t = performance.now();
        pages = (await reports.pdf(org, last.id)).pages;
        pdfMs.push(performance.now() - t);
      }
      const extra = { objects: last.data.details && 'appendix' in last.data.details ? last.data.details.appendix.objectCount : null, findings: last.data.findings.length, runs: RUNS };
      return [
        line('report_aggregate', percentile(ms, 50), 'ms', { max: 1000 }, extra),
        line('report_aggregate_pdf', percentile(pdfMs, 50), 'ms', { max: 6000 }, { ...extra, pages }),
      ];
    } finally {
      await printer.close();
    }
  },
};
