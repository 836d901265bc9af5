/**
 * ingest: objects per second through the real origin path (saveOrigins, many origins per
 * transaction), against a plain bulk insert of the same object rows into a fresh identical database.
 */
import { openDatabase } from '../../src-main/db/database.js';
import { BULK_BATCH, bulkInsertObjects, countObjects } from '../db.js';
import { line } from '../stats.js';
import type { Metric, MetricLine } from './types.js';

export const INGEST_BUDGET = { min: 20_000, ratioMin: 0.35 };

export const ingestMetric: Metric = {
  name: 'ingest',
  provides: [
    { name: 'ingest', unit: 'objects/s' },
    { name: 'ingest_bulk_baseline', unit: 'objects/s' },
  ],
  async run(ctx) {
    const loaded = await ctx.loaded();
    const objects = await ctx.objectList();

    ctx.log(`baseline: bulk insert of ${objects.length} object rows in ${BULK_BATCH}-row statements ...`);
    const db = await openDatabase('memory://');
    let baseMs: number;
    try {
      const t = performance.now();
      await bulkInsertObjects(db, ctx.org, objects);
      baseMs = performance.now() - t;
      const n = await countObjects(db, ctx.org);
      if (n !== objects.length) throw new Error(`baseline stored ${n} of ${objects.length} rows`);
    } finally {
      await db.close();
    }
    const baseRate = objects.length / (baseMs / 1000);
    const out: MetricLine[] = [];
    if (loaded.via !== 'saveOrigins' || !loaded.ingest) {
      out.push({
        name: 'ingest',
        value: null,
        unit: 'objects/s',
        budget: INGEST_BUDGET,
        ok: false,
        error: 'saveOrigins (src-main/origins/save.ts) failed or is unavailable; see stderr',
      });
    } else {
      const s = loaded.ingest;
      const rate = s.objects / (s.ms / 1000);
      out.push(
        line('ingest', rate, 'objects/s', INGEST_BUDGET, {
          ratio: rate / baseRate,
          objects: s.objects,
          ms: Math.round(s.ms),
          batch: s.batch,
          calls: s.calls,
        }),
      );
    }
    out.push(line('ingest_bulk_baseline', baseRate, 'objects/s', undefined, { objects: objects.length, ms: Math.round(baseMs), batch: BULK_BATCH }));
    return out;
  },
};
