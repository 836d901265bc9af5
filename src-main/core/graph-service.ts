import { AppError } from '../common/errors';
import type { Clock } from '../common/clock';
import type { Database, Queryable } from '../db/database';
import type { MutationResult } from '../api/types';
import { cascadeDelete } from '../origins/delete';
import { saveOrigins } from '../origins/save';
import type { ChangeSet, OriginWrite } from '../origins/types';
import { assertOrg } from './orgs';
import { Outbox } from './outbox';

class DryRunRollback extends Error {
  constructor(readonly result: ChangeSet) {
    super('dry run');
  }
}

/**
 * Every write to the graph goes through here: one transaction per call (all or nothing), a strictly
 * increasing transaction time, an outbox event in the same transaction, dispatch after commit.
 * A dry run does the real work and rolls it back, so a preview is exactly what would happen.
 */
/** Rows written since the last ANALYZE that trigger a new one (PGlite has no autovacuum). */
const ANALYZE_AFTER = 5_000;

export class GraphService {
  private lastTx = 0;
  private writtenSinceAnalyze = 0;
  private analyzedSize = 0;

  constructor(
    private readonly db: Database,
    private readonly clock: Clock,
    private readonly outbox: Outbox,
  ) {}

  /** Transaction times never repeat or go back, so "as known at T" is unambiguous. */
  nextTxTime(): Date {
    const t = Math.max(this.clock.now().getTime(), this.lastTx + 1);
    this.lastTx = t;
    return new Date(t);
  }

  /**
   * `dispatch: false` commits without dispatching the events: for callers that run INSIDE an event
   * listener (the bit engine), where waiting for dispatch would wait for themselves. The outbox
   * loop that called them picks the new events up.
   */
  async saveOrigins(
    org: string,
    items: OriginWrite[],
    opts: { dryRun?: boolean; dispatch?: boolean; guard?: (tx: Queryable) => Promise<void> } = {},
  ): Promise<ChangeSet> {
    return this.mutate(
      org,
      opts.dryRun ?? false,
      async (tx, at) => {
        await opts.guard?.(tx);
        return saveOrigins(tx, org, items, at);
      },
      opts.dispatch ?? true,
    );
  }

  async deleteObjects(org: string, pks: string[], opts: { dryRun?: boolean; validTime?: Date } = {}): Promise<ChangeSet> {
    return this.mutate(org, opts.dryRun ?? false, async (tx, at) => {
      const found = await tx.query<{ pk: string }>(`SELECT pk FROM objects WHERE org = $1 AND pk = ANY($2::text[])`, [org, pks]);
      if (found.rows.length === 0) throw new AppError('NOT_FOUND', `No object ${pks[0]} in "${org}"`, { org, pk: pks[0] });
      const iso = at.toISOString();
      const res = await cascadeDelete(tx, org, found.rows.map((r) => r.pk), [], iso, (opts.validTime ?? at).toISOString());
      return { created: [], updated: [], deleted: res.deleted, origins: res.deletedOrigins, touchedOrigins: res.touchedOrigins };
    });
  }

  private async mutate(org: string, dryRun: boolean, work: (tx: Queryable, at: Date) => Promise<ChangeSet>, dispatch = true): Promise<ChangeSet> {
    const at = this.nextTxTime();
    let result: ChangeSet;
    try {
      result = await this.db.transaction(async (tx) => {
        await assertOrg(tx, org);
        const changes = await work(tx, at);
        if (dryRun) throw new DryRunRollback(changes);
        const rerun = changes.touchedOrigins ?? [];
        if (changes.created.length + changes.updated.length + changes.deleted.length + rerun.length > 0) {
          await Outbox.record(
            tx,
            {
              topic: 'objects.changed',
              org,
              created: changes.created,
              updated: changes.updated,
              deleted: changes.deleted,
              txTime: at.toISOString(),
              ...(rerun.length ? { rerun } : {}),
            },
            at,
          );
        }
        return changes;
      });
    } catch (e) {
      if (e instanceof DryRunRollback) return e.result;
      throw e;
    }
    await this.maybeAnalyze(result.created.length + result.updated.length + result.deleted.length);
    if (dispatch) await this.outbox.dispatch();
    return result;
  }

  /**
   * Keeps planner statistics fresh. Without them the planner picks sequential plans for the
   * `pk = ANY(...)` lookups of the write path once tables grow, and ingest turns quadratic.
   */
  private async maybeAnalyze(written: number): Promise<void> {
    this.writtenSinceAnalyze += written;
    if (this.writtenSinceAnalyze < Math.max(ANALYZE_AFTER, this.analyzedSize / 2)) return;
    this.analyzedSize += this.writtenSinceAnalyze;
    this.writtenSinceAnalyze = 0;
    await this.db.exec('ANALYZE objects, object_versions, refs, origins, origin_results');
  }
}

export function toMutationResult(c: ChangeSet, dryRun: boolean, pk?: string, origin?: string): MutationResult {
  return { pk, origin, created: c.created, updated: c.updated, deleted: c.deleted, dryRun };
}
