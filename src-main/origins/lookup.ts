import type { Queryable } from '../db/database';
import { chunks } from './sql-util';

/*
 * Lookups by key that stay index lookups whatever the planner statistics say. PGlite has no
 * autovacuum, so before the first ANALYZE the planner guesses that `org = $1` matches 0.5% of the
 * rows and answers `pk = ANY(...)` by scanning the whole organisation through an (org, ...) index:
 * one scan per batch, quadratic over an ingest. A LATERAL subquery that cannot be pulled up
 * (OFFSET 0) pins the plan to one index probe per key.
 */

/** SQL for the ctids of the rows of `table` with org = $1 and `column` equal to one of the keys in $2. */
export function rowsByKey(table: 'refs' | 'origin_results' | 'origin_parameters' | 'object_versions', column: string, extra = ''): string {
  return `ARRAY(SELECT x.ctid FROM unnest($2::text[]) AS u(k)
    CROSS JOIN LATERAL (SELECT t.ctid FROM ${table} t WHERE t.org = $1 AND t.${column} = u.k ${extra} OFFSET 0) x)`;
}

/**
 * Which of `pks` exist, with the stored data of those flagged in `withData` (the others only need
 * to exist: fetching their data would be wasted work).
 */
export async function lookupObjects(
  q: Queryable,
  org: string,
  pks: string[],
  withData: (pk: string) => boolean,
): Promise<{ found: Set<string>; data: Map<string, Record<string, unknown>> }> {
  const found = new Set<string>();
  const data = new Map<string, Record<string, unknown>>();
  for (const part of chunks(pks)) {
    if (part.length === 0) continue;
    const res = await q.query<{ pk: string; data: Record<string, unknown> | null }>(
      `SELECT u.pk, CASE WHEN u.want THEN o.data END AS data FROM unnest($2::text[], $3::bool[]) AS u(pk, want)
         CROSS JOIN LATERAL (SELECT data FROM objects o WHERE o.org = $1 AND o.pk = u.pk OFFSET 0) o`,
      [org, part, part.map(withData)],
    );
    for (const r of res.rows) {
      found.add(r.pk);
      if (r.data !== null) data.set(r.pk, r.data);
    }
  }
  return { found, data };
}
