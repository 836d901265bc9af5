import type { Queryable } from '../db/database';
import type { PendingOrigin } from './collect';
import { rowsByKey } from './lookup';
import { chunks, uniq } from './sql-util';

/**
 * Upserts the batch's origins and REPLACES their result sets and parameters. Returns the
 * (origin, pk) result pairs that were dropped: their objects may have lost their last support.
 */
export async function saveOriginRows(q: Queryable, org: string, origins: PendingOrigin[], tx: string): Promise<[string, string][]> {
  // xmax = 0 marks a freshly inserted row: a new origin has no previous results to compare with
  const upserted = await q.query<{ id: string; inserted: boolean }>(
    `INSERT INTO origins (org, id, kind, method, source, source_method, task_id, valid_from, tx_from, output_hash)
     SELECT $1, u.id, u.kind, u.method, u.source, u.sm, u.task, u.vf::timestamptz, $9::timestamptz, u.oh
       FROM unnest($2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[], $10::text[]) AS u(id, kind, method, source, sm, task, vf, oh)
     ON CONFLICT (org, id) DO UPDATE SET task_id = EXCLUDED.task_id, valid_from = EXCLUDED.valid_from, tx_from = EXCLUDED.tx_from, output_hash = EXCLUDED.output_hash
     RETURNING id, (xmax = 0) AS inserted`,
    [
      org,
      origins.map((o) => o.id),
      origins.map((o) => o.item.kind),
      origins.map((o) => o.item.method),
      origins.map((o) => o.item.source),
      origins.map((o) => o.item.sourceMethod ?? null),
      origins.map((o) => o.item.taskId ?? null),
      origins.map((o) => o.validFrom),
      tx,
      origins.map((o) => o.item.outputHash ?? null),
    ],
  );
  const existed = upserted.rows.filter((r) => !r.inserted).map((r) => r.id);
  const before = await previousResults(q, org, existed);
  const removedPairs: [string, string][] = [];
  const addedPairs: [string, string][] = [];
  for (const o of origins) {
    const old = before.get(o.id);
    if (old) {
      for (const pk of old) if (!o.pks.has(pk)) removedPairs.push([o.id, pk]);
    }
    for (const pk of o.pks) if (!old?.has(pk)) addedPairs.push([o.id, pk]);
  }
  for (const part of chunks(removedPairs)) {
    await q.query(
      `DELETE FROM origin_results WHERE ctid = ANY(ARRAY(
         SELECT x.ctid FROM unnest($2::text[], $3::text[]) AS k(origin, pk)
           CROSS JOIN LATERAL (SELECT t.ctid FROM origin_results t WHERE t.org = $1 AND t.origin = k.origin AND t.pk = k.pk OFFSET 0) x))`,
      [org, part.map((p) => p[0]), part.map((p) => p[1])],
    );
  }
  for (const part of chunks(addedPairs)) {
    await q.query(
      // not among the origin's previous results (a new origin has none)
      `INSERT INTO origin_results (org, origin, pk) SELECT $1, u.origin, u.pk FROM unnest($2::text[], $3::text[]) AS u(origin, pk)`,
      [org, part.map((p) => p[0]), part.map((p) => p[1])],
    );
  }
  await saveParameters(q, org, origins);
  return removedPairs;
}

async function previousResults(q: Queryable, org: string, ids: string[]): Promise<Map<string, Set<string>>> {
  const before = new Map<string, Set<string>>();
  if (ids.length === 0) return before;
  const res = await q.query<{ origin: string; pk: string }>(`SELECT origin, pk FROM origin_results WHERE ctid = ANY(${rowsByKey('origin_results', 'origin')})`, [
    org,
    ids,
  ]);
  for (const r of res.rows) {
    let s = before.get(r.origin);
    if (!s) before.set(r.origin, (s = new Set()));
    s.add(r.pk);
  }
  return before;
}

async function saveParameters(q: Queryable, org: string, origins: PendingOrigin[]): Promise<void> {
  const withParams = origins.filter((o) => o.item.parameters !== undefined);
  if (withParams.length === 0) return;
  await q.query(`DELETE FROM origin_parameters WHERE ctid = ANY(${rowsByKey('origin_parameters', 'origin')})`, [org, withParams.map((o) => o.id)]);
  const pairs = withParams.flatMap((o) => uniq(o.item.parameters ?? []).map((pk) => [o.id, pk] as const));
  if (pairs.length > 0) {
    await q.query(
      `INSERT INTO origin_parameters (org, origin, pk) SELECT $1, u.origin, u.pk FROM unnest($2::text[], $3::text[]) AS u(origin, pk) ON CONFLICT DO NOTHING`,
      [org, pairs.map((p) => p[0]), pairs.map((p) => p[1])],
    );
  }
}
