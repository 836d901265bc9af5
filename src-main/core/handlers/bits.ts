import { AppError } from '../../common/errors';
import type { bitsContract, BitFullRun, BitStatus } from '../../api/contracts/bits';
import type { BitEngine } from '../../bits/engine';
import type { BitConfigs } from '../../bits/config';
import type { ErrorPayload } from '../../common/errors';
import { assertOrg } from '../orgs';
import { bitConfigsOf, type DomainHandlers, type HandlerDeps } from './deps';

/** Bits: status, failures, full re-runs. */
export function createBitsHandlers(d: HandlerDeps): DomainHandlers<typeof bitsContract> {
  const engine = (): BitEngine => d.bits ?? unavailable();
  const configs = (): BitConfigs => bitConfigsOf(d) ?? unavailable();
  return {
    'bits.config.list': async ({ org, bitId }) => {
      await assertOrg(d.db, org);
      const bits = await configs().configurable(org, bitId);
      const saved = await configs().saved(org, bits.map((b) => b.id));
      return { bits: bits.map((b) => ({ ...b, configs: saved.get(b.id) ?? [] })) };
    },
    'bits.config.get': async ({ org, bitId, ooi }) => {
      await assertOrg(d.db, org);
      return configs().get(org, bitId, ooi);
    },
    'bits.config.set': async ({ org, bitId, ooi, config }) => {
      await assertOrg(d.db, org);
      return configs().set(org, bitId, ooi, config as Record<string, unknown>);
    },
    'bits.config.reset': async ({ org, bitId, ooi }) => {
      await assertOrg(d.db, org);
      return configs().reset(org, bitId, ooi);
    },
    'bits.status': async ({ org }) => {
      await assertOrg(d.db, org);
      const plugins = d.plugins ?? unavailable();
      const bits = (await plugins.list(org, { kind: 'bit' })).filter((p) => !p.broken);
      const active = await d.db.query<{ method: string; n: number }>(
        `SELECT method, count(*)::int AS n FROM origins WHERE org = $1 AND kind = 'inference' AND output_hash IS DISTINCT FROM 'empty'
           AND EXISTS (SELECT 1 FROM origin_results r WHERE r.org = origins.org AND r.origin = origins.id) GROUP BY method`,
        [org],
      );
      const failures = await d.db.query<{ bit_id: string; n: number }>(`SELECT bit_id, count(*)::int AS n FROM bit_failures WHERE org = $1 GROUP BY bit_id`, [org]);
      const a = new Map(active.rows.map((r) => [r.method, r.n]));
      const f = new Map(failures.rows.map((r) => [r.bit_id, r.n]));
      const out: BitStatus[] = bits.map((p) => ({
        id: p.id,
        name: p.name,
        description: p.description,
        consumes: p.consumes[0] ?? '',
        scanLevel: p.scanLevel ?? 0,
        enabled: p.enabled,
        activeSources: a.get(p.id) ?? 0,
        failures: f.get(p.id) ?? 0,
      }));
      const last = await d.db.query<{ id: string; bits: string[]; started_at: Date; finished_at: Date | null; sources: number; changed: number; failed: number }>(
        `SELECT id::text, bits, started_at, finished_at, sources, changed, failed FROM bit_full_runs WHERE org = $1 ORDER BY id DESC LIMIT 1`,
        [org],
      );
      const r = last.rows[0];
      const lastFullRun: BitFullRun | null = r
        ? {
            id: r.id,
            bits: r.bits,
            startedAt: new Date(r.started_at).toISOString(),
            finishedAt: r.finished_at ? new Date(r.finished_at).toISOString() : null,
            sources: r.sources,
            changed: r.changed,
            failed: r.failed,
          }
        : null;
      return { bits: out, lastFullRun };
    },
    'bits.failures': async ({ org, bitId, offset, limit }) => {
      await assertOrg(d.db, org);
      const where = bitId ? `org = $1 AND bit_id = $2` : `org = $1`;
      const args: unknown[] = bitId ? [org, bitId] : [org];
      const total = await d.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM bit_failures WHERE ${where}`, args);
      const rows = await d.db.query<{ bit_id: string; source: string; error: ErrorPayload; failed_at: Date }>(
        `SELECT bit_id, source, error, failed_at FROM bit_failures WHERE ${where} ORDER BY failed_at DESC, bit_id, source OFFSET ${offset} LIMIT ${limit}`,
        args,
      );
      return {
        total: total.rows[0]?.n ?? 0,
        items: rows.rows.map((x) => ({ bitId: x.bit_id, source: x.source, error: x.error, failedAt: new Date(x.failed_at).toISOString() })),
      };
    },
    'bits.run': async ({ org, bitIds }) => {
      await assertOrg(d.db, org);
      const stats = await engine().runAll(org, bitIds);
      await d.outbox.dispatch();
      return stats;
    },
  };
}

function unavailable(): never {
  throw new AppError('INTERNAL', 'The bit engine is not configured in this core');
}
