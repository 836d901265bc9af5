import type { Queryable } from '../db/database';
import { appendVersions } from './versions';
import { uniq } from './sql-util';

export interface CascadeResult {
  deleted: string[];
  /** origins removed because their source went */
  deletedOrigins: string[];
  /** inference origins that lost a parameter (their bit must re-run) */
  touchedOrigins: string[];
}

/**
 * Deletes objects and everything that depended on them, to a fixed point:
 * - objects whose references point at a deleted object;
 * - origins whose source is deleted (with their result and parameter rows);
 * - objects left without any supporting origin (affirmations and self-inferences do not count),
 *   starting from `gcCandidates` (results an origin dropped) and from results of removed origins.
 * Set-based: a few statements per round, not per object.
 */
export async function cascadeDelete(
  q: Queryable,
  org: string,
  seeds: string[],
  gcCandidates: string[],
  txTime: string,
  validTime: string,
): Promise<CascadeResult> {
  const deleted = new Set<string>();
  const deletedOrigins: string[] = [];
  const touched = new Set<string>();
  let toDelete = uniq(seeds);
  let candidates = uniq(gcCandidates);

  for (let round = 0; round < 10_000; round++) {
    const frontier = toDelete.filter((pk) => !deleted.has(pk));
    if (frontier.length > 0) {
      for (const pk of frontier) deleted.add(pk);
      const referencing = await q.query<{ source: string }>(
        `SELECT DISTINCT source FROM refs WHERE org = $1 AND target = ANY($2::text[])`,
        [org, frontier],
      );
      const goneOrigins = await q.query<{ id: string }>(`DELETE FROM origins WHERE org = $1 AND source = ANY($2::text[]) RETURNING id`, [
        org,
        frontier,
      ]);
      const originIds = goneOrigins.rows.map((r) => r.id);
      deletedOrigins.push(...originIds);
      let orphaned: string[] = [];
      if (originIds.length > 0) {
        const res = await q.query<{ pk: string }>(`DELETE FROM origin_results WHERE org = $1 AND origin = ANY($2::text[]) RETURNING pk`, [
          org,
          originIds,
        ]);
        orphaned = res.rows.map((r) => r.pk);
        await q.query(`DELETE FROM origin_parameters WHERE org = $1 AND origin = ANY($2::text[])`, [org, originIds]);
      }
      const params = await q.query<{ origin: string }>(`DELETE FROM origin_parameters WHERE org = $1 AND pk = ANY($2::text[]) RETURNING origin`, [
        org,
        frontier,
      ]);
      for (const r of params.rows) touched.add(r.origin);
      const lost = await q.query<{ origin: string }>(`DELETE FROM origin_results WHERE org = $1 AND pk = ANY($2::text[]) RETURNING origin`, [org, frontier]);
      if (lost.rows.length > 0) {
        // an inference that lost a result is no longer what its bit returned: the next run writes it again
        await q.query(`UPDATE origins SET output_hash = NULL WHERE org = $1 AND id = ANY($2::text[]) AND output_hash IS NOT NULL`, [
          org,
          uniq(lost.rows.map((r) => r.origin)),
        ]);
      }
      toDelete = referencing.rows.map((r) => r.source).filter((pk) => !deleted.has(pk));
      candidates = candidates.concat(orphaned);
    } else {
      toDelete = [];
    }
    const open = uniq(candidates).filter((pk) => !deleted.has(pk));
    candidates = [];
    if (open.length > 0) {
      const unsupported = await q.query<{ pk: string }>(
        `SELECT c.pk FROM unnest($2::text[]) AS c(pk)
          WHERE EXISTS (SELECT 1 FROM objects o WHERE o.org = $1 AND o.pk = c.pk)
            AND NOT EXISTS (
              SELECT 1 FROM origin_results r JOIN origins g ON g.org = r.org AND g.id = r.origin
               WHERE r.org = $1 AND r.pk = c.pk
                 AND g.kind <> 'affirmation'
                 AND NOT (g.kind = 'inference' AND g.source = c.pk))`,
        [org, open],
      );
      toDelete = toDelete.concat(unsupported.rows.map((r) => r.pk));
    }
    if (toDelete.length === 0) break;
  }

  const all = [...deleted];
  if (all.length > 0) {
    const gone = await q.query<{ pk: string; type: string }>(`DELETE FROM objects WHERE org = $1 AND pk = ANY($2::text[]) RETURNING pk, type`, [
      org,
      all,
    ]);
    await q.query(`DELETE FROM refs WHERE org = $1 AND source = ANY($2::text[])`, [org, all]);
    await appendVersions(
      q,
      org,
      gone.rows.map((r) => ({ pk: r.pk, type: r.type, data: null, change: 'deleted' as const, origin: null, validFrom: validTime })),
      txTime,
      () => true,
    );
    // only objects that existed count as deleted
    const existed = new Set(gone.rows.map((r) => r.pk));
    for (const pk of all) if (!existed.has(pk)) deleted.delete(pk);
  }
  for (const o of deletedOrigins) touched.delete(o);
  return { deleted: [...deleted], deletedOrigins, touchedOrigins: [...touched] };
}
