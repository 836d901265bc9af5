/**
 * Scan levels on the loaded graph: a full recalculation (every inherited level from scratch) and the
 * incremental recalculation after one declared change (declare a level on one hostname, or reset
 * it), through the real LevelService on the shared database.
 */
import { systemClock } from '../../src-main/common/clock.js';
import { silentLogger } from '../../src-main/common/logger.js';
import { createOrg, listOrgs } from '../../src-main/core/orgs.js';
import { Outbox } from '../../src-main/core/outbox.js';
import { LevelService } from '../../src-main/levels/service.js';
import { Rng } from '../prng.js';
import { line, percentile, round } from '../stats.js';
import type { Metric } from './types.js';

const FULL_RUNS = 3;
const INCREMENTAL_SAMPLES = 60;
const WARMUP = 5;

export const levelsMetric: Metric = {
  name: 'levels',
  provides: [
    { name: 'level_recalc_full', unit: 'ms' },
    { name: 'level_recalc_incremental_p50', unit: 'ms' },
  ],
  async run(ctx) {
    const g = await ctx.graph();
    const { db, org, via } = await ctx.loaded();
    if (!(await listOrgs(db)).some((o) => o.code === org)) await createOrg(db, org, org, new Date());
    const service = new LevelService(db, systemClock, new Outbox(db, silentLogger), silentLogger);
    await service.acknowledge(org, 4, 'bench');

    // the registered domains a user declared are given L2, as a user would to start scanning
    const apexes = g.observations.filter((o) => o.kind === 'declaration' && o.source.startsWith('Hostname|')).map((o) => o.source);
    const t0 = performance.now();
    await service.declare(org, apexes, 2);
    const firstMs = performance.now() - t0;
    ctx.log(`levels: declared ${apexes.length} registered domains at L2 (first load + full recalculation + writes: ${Math.round(firstMs)} ms)`);

    const full: number[] = [];
    let last = { objects: 0, declared: 0, inherited: 0, changed: 0 };
    for (let i = 0; i < FULL_RUNS; i++) {
      const t = performance.now();
      last = await service.recalculate(org);
      full.push(performance.now() - t);
    }
    ctx.log(`levels: full recalculation ${full.map((x) => Math.round(x)).join(', ')} ms (${last.inherited} inherited of ${last.objects})`);

    // one declared change at a time: a random hostname gets a level, then goes back to inherited
    const rng = new Rng(ctx.seed + 7);
    const incremental: number[] = [];
    const changed: number[] = [];
    for (let i = 0; i < WARMUP + INCREMENTAL_SAMPLES; i++) {
      const pk = rng.pick(g.sample.hostnames);
      const level = rng.int(1, 4);
      let t = performance.now();
      const a = await service.declare(org, [pk], level);
      const ms1 = performance.now() - t;
      t = performance.now();
      const b = await service.reset(org, [pk]);
      const ms2 = performance.now() - t;
      if (i < WARMUP) continue;
      incremental.push(ms1, ms2);
      changed.push(a.changed, b.changed);
    }
    const check = await service.recalculate(org);
    if (check.changed !== 0) throw new Error(`the incremental recalculation left ${check.changed} levels a full one corrects`);
    const extra = { loadedVia: via, objects: last.objects, declared: last.declared, inherited: last.inherited };
    return [
      line('level_recalc_full', percentile(full, 50), 'ms', { max: 3000 }, { ...extra, runs: full.map((x) => round(x, 1)), firstDeclareMs: round(firstMs, 1) }),
      line('level_recalc_incremental_p50', percentile(incremental, 50), 'ms', { max: 50 }, {
        ...extra,
        p95: round(percentile(incremental, 95)),
        samples: incremental.length,
        changedP50: percentile(changed, 50),
        changedMax: Math.max(...changed),
      }),
    ];
  },
};
