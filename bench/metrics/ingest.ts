/**
 * ingest: objects per second through the real origin path (saveOrigins, many origins per
 * transaction), against plain bulk inserts into a fresh identical database (same schema, same
 * indexes, same PGlite settings), in 5,000-row INSERT ... SELECT FROM unnest statements:
 *
 * - `ingest_bulk_baseline` (the `ratio` of the budget): the same object rows into `objects` only,
 *   with all of its indexes (primary key, type, transaction time, the trigram search index).
 * - `ingest_all_rows_baseline` (`ratio_all_rows`): every row the real path wrote for the ingest,
 *   read back from the loaded database, into the same tables (objects, object_versions, refs,
 *   origins, origin_results, origin_parameters). It answers "how much of the time is the write
 *   path's own logic (lookups, comparisons, closing versions, replacing result sets) and how much is
 *   just storing the rows and their indexes". It is a naive replay, not a lower bound: table by
 *   table, without merging the search index's pending list or analysing as it grows; at 100k
 *   objects it measured slower than the real path (ratio_all_rows 0.96-1.29) while the machine was
 *   shared, at 30k 0.50-0.91. Either way: the cost is in the rows and indexes, not in the logic.
 *   It holds a second database and all rows in memory, so the process's RSS grows by ~0.8 GB.
 */
import { openDatabase } from '../../src-main/db/database.js';
import { BULK_BATCH, bulkInsertObjects, bulkInsertRows, countObjects, readWritePathRows } from '../db.js';
import { line } from '../stats.js';
import type { Metric, MetricLine } from './types.js';

export const INGEST_BUDGET = { min: 20_000, ratioMin: 0.35 };

export const ingestMetric: Metric = {
  name: 'ingest',
  provides: [
    { name: 'ingest', unit: 'objects/s' },
    { name: 'ingest_bulk_baseline', unit: 'objects/s' },
    { name: 'ingest_all_rows_baseline', unit: 'objects/s' },
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

    let allRate: number | undefined;
    let allRows = 0;
    if (loaded.via === 'saveOrigins') {
      const rows = await readWritePathRows(loaded.db, ctx.org);
      allRows = rows.reduce((n, t) => n + t.count, 0);
      ctx.log(`baseline: bulk insert of all ${allRows} rows the write path stored (${rows.map((t) => `${t.table} ${t.count}`).join(', ')}) ...`);
      const fresh = await openDatabase('memory://');
      try {
        const t = performance.now();
        const perTable = await bulkInsertRows(fresh, rows);
        ctx.log(`  all-rows baseline ms by table: ${JSON.stringify(perTable)}`);
        allRate = objects.length / ((performance.now() - t) / 1000);
      } finally {
        await fresh.close();
      }
    }
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
          ...(allRate !== undefined ? { ratio_all_rows: Math.round((rate / allRate) * 1000) / 1000 } : {}),
          objects: s.objects,
          ms: Math.round(s.ms),
          batch: s.batch,
          calls: s.calls,
        }),
      );
    }
    out.push(line('ingest_bulk_baseline', baseRate, 'objects/s', undefined, { objects: objects.length, ms: Math.round(baseMs), batch: BULK_BATCH }));
    if (allRate !== undefined) out.push(line('ingest_all_rows_baseline', allRate, 'objects/s', undefined, { objects: objects.length, rows: allRows, batch: BULK_BATCH }));
    return out;
  },
};
