/**
 * Bits on the loaded graph (the synthetic graph's registered domains at L2, so level-gated bits
 * have work), with the repository's real bits and finding-type catalogue:
 * - bits_full_run: one full run of every enabled bit over the organisation from scratch (every
 *   source loaded with its parameters, every function run, what they infer written). The first
 *   run's writes and the settling of the events they cause are reported beside it.
 * - bits_full_rerun: the same again once settled (nothing changed: evaluation only).
 * - bits_incremental_p50: one changed object (a new A record on a hostname, a changed header on a
 *   resource, or a new port on an address): the engine's work for its objects.changed event and for
 *   the events its own writes cause, until nothing is left.
 */
import { FakeClock } from '../../src-main/common/clock.js';
import { silentLogger } from '../../src-main/common/logger.js';
import { createKat } from '../../src-main/core/kat.js';
import { createOrg, listOrgs } from '../../src-main/core/orgs.js';
import type { KatEvent } from '../../src-main/api/types.js';
import { normalizeObject, type OOI } from '../../src-main/graph/model/index.js';
import { Rng } from '../prng.js';
import { line, percentile, round } from '../stats.js';
import type { Metric } from './types.js';

const SAMPLES = 60;
const WARMUP = 5;

export const bitsMetric: Metric = {
  name: 'bits',
  provides: [
    { name: 'bits_full_run', unit: 'ms' },
    { name: 'bits_full_rerun', unit: 'ms' },
    { name: 'bits_incremental_p50', unit: 'ms' },
  ],
  async run(ctx) {
    const g = await ctx.graph();
    const { db, org } = await ctx.loaded();
    if (!(await listOrgs(db)).some((o) => o.code === org)) await createOrg(db, org, org, new Date());
    const clock = new FakeClock('2026-06-01T10:00:00Z');
    // the engine does not listen: the benchmark calls it, so only its own work is timed
    const kat = await createKat({
      data: 'memory://',
      database: db,
      clock,
      logger: silentLogger,
      engine: false,
      runner: { start: false },
      scheduler: { start: false, defaults: false },
      bits: false,
    });
    try {
      const levelled = (await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM scan_profiles WHERE org = $1 AND level >= 1`, [org])).rows[0]!.n;
      if (levelled === 0) {
        const apexes = g.observations.filter((o) => o.kind === 'declaration' && o.source.startsWith('Hostname|')).map((o) => o.source);
        await kat.call('orgs.clearance.acknowledge', { org, maxLevel: 4, acknowledgedBy: 'bench' });
        await kat.call('levels.declare', { org, pks: apexes, level: 2 });
      }
      // drain what loading queued for the other listeners (levels, tasks), untimed
      await kat.outbox.dispatch();
      const objects = (await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM objects WHERE org = $1`, [org])).rows[0]!.n;

      const t0 = performance.now();
      const first = await kat.bits.runAll(org);
      const fullMs = performance.now() - t0;
      // settle: the events the first run caused, fed to the engine until none are left
      const t1 = performance.now();
      let rounds = 0;
      for (let e = await pending(kat); e.length > 0; e = await pending(kat)) {
        rounds++;
        for (const ev of e) await kat.bits.onEvent(ev);
        await kat.outbox.dispatch();
      }
      const settleMs = performance.now() - t1;
      ctx.log(`bits: first full run ${Math.round(fullMs)} ms (${first.sources} sources, ${first.changed} origins written, ${first.failed} failed); settling ${Math.round(settleMs)} ms in ${rounds} rounds`);

      const t2 = performance.now();
      const again = await kat.bits.runAll(org);
      const rerunMs = performance.now() - t2;
      ctx.log(`bits: full re-run ${Math.round(rerunMs)} ms (${again.sources} sources, ${again.changed} changed)`);

      const rng = new Rng(ctx.seed + 11);
      const samples: number[] = [];
      const kinds: Record<string, number[]> = { a_record: [], header: [], port: [] };
      for (let i = 0; i < WARMUP + SAMPLES; i++) {
        const kind = (['a_record', 'header', 'port'] as const)[i % 3]!;
        const change = await changeOne(kat.db, org, kind, rng, g.sample, i);
        if (!change) continue;
        await kat.graph.saveOrigins(org, [change], { dispatch: false });
        // the engine's work for the change, and for what its own writes caused, until settled
        let ms = 0;
        for (let e = await pending(kat); e.length > 0; e = await pending(kat)) {
          const t = performance.now();
          for (const ev of e) await kat.bits.onEvent(ev);
          ms += performance.now() - t;
          await kat.outbox.dispatch();
        }
        if (i < WARMUP) continue;
        samples.push(ms);
        kinds[kind]!.push(ms);
      }
      const extra = { objects, bits: first.bits, sources: first.sources };
      return [
        line('bits_full_run', fullMs, 'ms', { max: 5000 }, { ...extra, written: first.changed, failed: first.failed, settleMs: round(settleMs), settleRounds: rounds }),
        line('bits_full_rerun', rerunMs, 'ms', { max: 5000 }, { ...extra, changed: again.changed }),
        line('bits_incremental_p50', percentile(samples, 50), 'ms', { max: 5 }, {
          p95: round(percentile(samples, 95)),
          samples: samples.length,
          byKindP50: Object.fromEntries(Object.entries(kinds).map(([k, v]) => [k, round(percentile(v, 50))])),
        }),
      ];
    } finally {
      kat.scheduler.stop();
      await kat.runner.stop();
    }
  },
};

async function pending(kat: { db: { query: <T>(sql: string) => Promise<{ rows: T[] }> } }): Promise<KatEvent[]> {
  const r = await kat.db.query<{ payload: KatEvent }>(`SELECT payload FROM outbox WHERE dispatched_at IS NULL ORDER BY id`);
  return r.rows.map((x) => x.payload);
}

type Db = { query: <T>(sql: string, params?: unknown[]) => Promise<{ rows: T[] }> };

/** One small observed change, as a declaration of the changed object. */
async function changeOne(
  db: Db,
  org: string,
  kind: 'a_record' | 'header' | 'port',
  rng: Rng,
  sample: { hostnames: string[]; ips: string[]; resources: string[] },
  i: number,
): Promise<{ kind: 'declaration'; method: string; source: string; results: OOI[] } | null> {
  let o: OOI;
  if (kind === 'a_record') {
    const host = rng.pick(sample.hostnames);
    const ip = `198.51.${100 + (i % 50)}.${1 + (i % 250)}`;
    o = normalizeObject('DNSARecord', { hostname: host, value: ip, address: `IPAddressV4|internet|${ip}` });
  } else if (kind === 'header') {
    const resource = rng.pick(sample.resources);
    const exists = await db.query<{ pk: string }>(`SELECT pk FROM objects WHERE org = $1 AND pk = $2`, [org, resource]);
    if (exists.rows.length === 0) return null;
    o = normalizeObject('HTTPHeader', { resource, key: 'strict-transport-security', value: `max-age=${1000 + i}` });
  } else {
    const ip = rng.pick(sample.ips);
    o = normalizeObject('IPPort', { address: ip, protocol: 'tcp', port: 20_000 + i });
  }
  return { kind: 'declaration', method: 'bench', source: o.pk, results: [o] };
}
