import type { Queryable } from '../db/database';

/*
 * Upkeep PGlite does not do by itself (it has no autovacuum), paid by the write path that makes it
 * necessary, amortised over many writes.
 *
 * - Planner statistics: a table that has grown 4x since its last ANALYZE is analysed again, so
 *   plans follow the data (a handful of ANALYZEs over a 100k-object ingest).
 * - The trigram search index (objects_pk_trgm, GIN with fastupdate) takes new keys into its
 *   pending list, which is cheap to append to but is scanned in full by every search: 10k pending
 *   keys make a list page 3x slower. Merging costs about the same per key in batches of 2k or 10k,
 *   so the list is merged once SEARCH_CLEAN_EVERY objects were written in this session (after
 *   every batch of an ingest); gin_pending_list_limit (4MB) bounds it in any case.
 */

const TABLES = ['objects', 'object_versions', 'refs', 'origins', 'origin_results', 'origin_parameters'] as const;
export const SEARCH_CLEAN_EVERY = 1_000;
const PENDING = 'kattegat.search_pending';

/** Call at the end of a write transaction that wrote `objectsWritten` rows into `objects`. */
export async function maintainAfterWrite(q: Queryable, objectsWritten: number): Promise<void> {
  const res = await q.query<{ pending: string; stale: string[] }>(
    `SELECT set_config('${PENDING}', (coalesce(nullif(current_setting('${PENDING}', true), ''), '0')::int + $1::int)::text, false) AS pending,
            ARRAY(SELECT c.relname::text FROM pg_class c
                   WHERE c.oid = ANY($2::regclass[])
                     AND pg_relation_size(c.oid) >= greatest(16, 4 * c.relpages)::bigint * current_setting('block_size')::int) AS stale`,
    [objectsWritten, TABLES],
  );
  const row = res.rows[0]!;
  if (Number(row.pending) >= SEARCH_CLEAN_EVERY) await cleanSearchIndex(q);
  const stale = row.stale.filter((t): t is (typeof TABLES)[number] => (TABLES as readonly string[]).includes(t));
  if (stale.length > 0) await q.exec(`ANALYZE ${stale.join(', ')}`);
}

/** Merges the search index's pending list into the index proper. */
export async function cleanSearchIndex(q: Queryable): Promise<void> {
  await q.query(`SELECT gin_clean_pending_list('objects_pk_trgm'::regclass), set_config('${PENDING}', '0', false)`);
}
