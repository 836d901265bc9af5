/**
 * schedule_tick: on the loaded 100k-object graph (with the levels the levels metric declared) and
 * 20 enabled boefjes, the time for one tick of the scheduler at the daily schedule's due time: the
 * plugin filter, the object query, grace and dedup against the task table, and the batch insert
 * of every due task, with yesterday's round of the same tasks completed in the table (every pair has
 * a last run to look up; the first tick, on an empty task table, is reported beside it). tasks_created_per_s: tasks that tick created per second. Budget: <= 1 s.
 */
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FakeClock } from '../../src-main/common/clock.js';
import { silentLogger } from '../../src-main/common/logger.js';
import { createKat } from '../../src-main/core/kat.js';
import { createOrg, listOrgs } from '../../src-main/core/orgs.js';
import { line, round } from '../stats.js';
import type { Metric } from './types.js';

const BOEFJES = 20;
const CONSUMES = [['Hostname'], ['IPAddress'], ['IPPort'], ['Website'], ['HostnameHTTPURL'], ['DNSZone'], ['IPService'], ['Hostname', 'IPAddress']];

/** A throw-away catalogue of BOEFJES boefjes (manifests only: nothing is run). */
function benchCatalogue(): string {
  const dir = mkdtempSync(join(tmpdir(), 'kat-bench-plugins-'));
  mkdirSync(join(dir, 'normalizers'), { recursive: true });
  for (let i = 0; i < BOEFJES; i++) {
    const id = `bench-boefje-${i}`;
    mkdirSync(join(dir, 'boefjes', id), { recursive: true });
    const manifest = {
      id,
      name: `Bench boefje ${i}`,
      description: 'A boefje for the scheduler benchmark.',
      version: '1.0.0',
      kind: 'boefje',
      scan_level: 1 + (i % 2),
      consumes: CONSUMES[i % CONSUMES.length],
      produces: [`boefje/${id}`],
      image: { context: '.', containerfile: 'Containerfile', args: {} },
      arguments: ['true'],
    };
    writeFileSync(join(dir, 'boefjes', id, 'manifest.json'), JSON.stringify(manifest));
  }
  return dir;
}

export const schedulesMetric: Metric = {
  name: 'schedules',
  provides: [
    { name: 'schedule_tick', unit: 'ms' },
    { name: 'tasks_created_per_s', unit: 'tasks/s' },
  ],
  async run(ctx) {
    const { db, org } = await ctx.loaded();
    if (!(await listOrgs(db)).some((o) => o.code === org)) await createOrg(db, org, org, new Date());
    const levelled = (await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM scan_profiles WHERE org = $1 AND level >= 1`, [org])).rows[0]!.n;
    if (levelled === 0) ctx.log('schedules: no object has a level (run it after the levels metric for a realistic tick)');
    const pluginsDir = benchCatalogue();
    const clock = new FakeClock('2026-06-01T10:00:00Z');
    const kat = await createKat({ data: 'memory://', database: db, clock, logger: silentLogger, pluginsDir, engine: false, runner: { start: false }, scheduler: { start: false } });
    try {
      for (let i = 0; i < BOEFJES; i++) await kat.call('plugins.enable', { org, id: `bench-boefje-${i}`, enabled: true });
      await kat.scheduler.createDefaults(org);
      // yesterday's round: the first tick queues every pair, and they all ran; the measured tick two
      // days later finds each of them stale again, with a last run to look up for every pair
      clock.set('2026-06-02T02:00:00Z');
      let t = performance.now();
      const first = await kat.scheduler.tick();
      const firstMs = performance.now() - t;
      await db.query(`UPDATE tasks SET status = 'completed', ended_at = $2, started_at = $2 WHERE org = $1 AND status = 'queued'`, [org, clock.now().toISOString()]);
      const before = (await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM tasks WHERE org = $1`, [org])).rows[0]!.n;
      clock.set('2026-06-04T02:00:00Z');
      t = performance.now();
      const created = await kat.scheduler.tick();
      const ms = performance.now() - t;
      ctx.log(`schedules: the first tick queued ${first} tasks in ${Math.round(firstMs)} ms`);
      ctx.log(`schedules: one tick queued ${created} tasks in ${Math.round(ms)} ms (${levelled} objects with a level, ${before} earlier tasks)`);
      return [
        line('schedule_tick', ms, 'ms', { max: 1000 }, { tasks: created, boefjes: BOEFJES, objectsWithLevel: levelled, earlierTasks: before, firstTickMs: round(firstMs, 1), firstTickTasks: first }),
        line('tasks_created_per_s', created / (ms / 1000), 'tasks/s', undefined, { tasks: created, ms: round(ms, 1) }),
      ];
    } finally {
      // the shared database stays open for whatever runs next; only the temp catalogue goes
      kat.scheduler.stop();
      await kat.runner.stop();
      rmSync(pluginsDir, { recursive: true, force: true });
    }
  },
};
