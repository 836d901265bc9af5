/**
 * The benchmarks' own SQL: the physical baseline (a plain bulk insert of object rows) and a direct
 * loader for when the real save path is unavailable. Parameterised, 5,000 rows per statement.
 */
import type { Queryable } from '../src-main/db/database.js';
import { referencesOf, type OOI } from '../src-main/graph/model/index.js';

export const BULK_BATCH = 5000;
const TIME = '2026-01-01T00:00:00.000Z';

/** INSERT ... SELECT FROM unnest of (pk, type, data) rows into `objects`, nothing else. */
export async function bulkInsertObjects(q: Queryable, org: string, objects: readonly OOI[]): Promise<void> {
  for (let i = 0; i < objects.length; i += BULK_BATCH) {
    const part = objects.slice(i, i + BULK_BATCH);
    await q.query(
      `INSERT INTO objects (org, pk, type, data, valid_from, tx_from)
       SELECT $1, u.pk, u.type, u.data, $5::timestamptz, $5::timestamptz
         FROM unnest($2::text[], $3::text[], $4::jsonb[]) AS u(pk, type, data)`,
      [org, part.map((o) => o.pk), part.map((o) => o.type), part.map((o) => JSON.stringify(o.data)), TIME],
    );
  }
}

/** Objects, their first versions and their reference edges, without origins (fallback only). */
export async function bulkLoadGraph(q: Queryable, org: string, objects: readonly OOI[]): Promise<void> {
  await bulkInsertObjects(q, org, objects);
  for (let i = 0; i < objects.length; i += BULK_BATCH) {
    const part = objects.slice(i, i + BULK_BATCH);
    await q.query(
      `INSERT INTO object_versions (org, pk, type, data, change, valid_from, tx_from)
       SELECT $1, u.pk, u.type, u.data, 'created', $5::timestamptz, $5::timestamptz
         FROM unnest($2::text[], $3::text[], $4::jsonb[]) AS u(pk, type, data)`,
      [org, part.map((o) => o.pk), part.map((o) => o.type), part.map((o) => JSON.stringify(o.data)), TIME],
    );
    const refs = part.flatMap((o) => referencesOf(o).map((r) => [o.pk, r.attr, r.target] as const));
    await q.query(
      `INSERT INTO refs (org, source, attr, target) SELECT $1, u.s, u.a, u.t FROM unnest($2::text[], $3::text[], $4::text[]) AS u(s, a, t)`,
      [org, refs.map((r) => r[0]), refs.map((r) => r[1]), refs.map((r) => r[2])],
    );
  }
}

export async function countObjects(q: Queryable, org: string): Promise<number> {
  const r = await q.query<{ n: number }>('SELECT count(*)::int AS n FROM objects WHERE org = $1', [org]);
  return r.rows[0]!.n;
}
