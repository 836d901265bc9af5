import { FakeClock } from '../../src-main/common/clock';
import { silentLogger } from '../../src-main/common/logger';
import { openTestDatabase } from '../../src-main/db/database';
import { createKat, type Kat, type KatOptions } from '../../src-main/core/kat';
import type { MethodName, Input, Result } from '../../src-main/api/contract';

export interface TestKat extends Kat {
  clock: FakeClock;
  /** a typed call */
  api<M extends MethodName>(method: M, params: Input<M>): Promise<Result<M>>;
}

/** A real core on a fresh in-memory PGlite (from the migrated template) with a fake clock. */
export async function testKat(opts: Partial<KatOptions> & { org?: string | false } = {}): Promise<TestKat> {
  const clock = new FakeClock('2026-03-01T10:00:00Z');
    // tests scan by hand unless they ask for the default schedules; the timer stays off (fake clock);
  // inference is off unless a test asks for it (bits: {}), so tests of other parts see only their objects
  const kat = await createKat({ data: 'memory://', database: await openTestDatabase(), clock, logger: silentLogger, bits: false, ...opts, scheduler: { start: false, defaults: false, ...opts.scheduler } });
  const t = Object.assign(kat, {
    clock,
    api: <M extends MethodName>(method: M, params: Input<M>) => kat.call(method, params) as Promise<Result<M>>,
  }) as TestKat;
  if (opts.org !== false) await t.api('orgs.create', { code: opts.org ?? 'acme', name: 'Acme' });
  return t;
}

/** Row counts of every graph table, to prove a failed write changed nothing. */
export async function tableCounts(kat: Kat): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const t of ['objects', 'object_versions', 'refs', 'origins', 'origin_results', 'origin_parameters', 'outbox']) {
    const r = await kat.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${t}`);
    out[t] = r.rows[0]!.n;
  }
  return out;
}
