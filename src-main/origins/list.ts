import type { Queryable } from '../db/database';
import type { OriginInfo } from '../api/types';
import { toOriginInfo, type OriginRow } from '../graph/query/neighbours';

export interface OriginFilter {
  source?: string;
  result?: string;
  method?: string;
  kind?: string;
  taskId?: string;
  limit: number;
}

/** Origins by source, result, method, kind or task, with their results and parameters. */
export async function listOrigins(q: Queryable, org: string, f: OriginFilter): Promise<OriginInfo[]> {
  const res = await q.query<OriginRow>(
    `SELECT o.id, o.kind, o.method, o.source, o.source_method, o.task_id, o.valid_from, o.tx_from,
            (SELECT array_agg(r.pk ORDER BY r.pk) FROM origin_results r WHERE r.org = o.org AND r.origin = o.id) AS results,
            (SELECT array_agg(p.pk ORDER BY p.pk) FROM origin_parameters p WHERE p.org = o.org AND p.origin = o.id) AS parameters
       FROM origins o
      WHERE o.org = $1
        AND ($2::text IS NULL OR o.source = $2)
        AND ($3::text IS NULL OR EXISTS (SELECT 1 FROM origin_results r WHERE r.org = o.org AND r.origin = o.id AND r.pk = $3))
        AND ($4::text IS NULL OR o.method = $4)
        AND ($5::text IS NULL OR o.kind = $5)
        AND ($6::text IS NULL OR o.task_id = $6)
      ORDER BY o.kind, o.id
      LIMIT $7`,
    [org, f.source ?? null, f.result ?? null, f.method ?? null, f.kind ?? null, f.taskId ?? null, f.limit],
  );
  return res.rows.map(toOriginInfo);
}
