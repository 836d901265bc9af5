import type { Queryable } from '../db/database';

export interface VersionWrite {
  pk: string;
  type: string;
  /** null: the object is deleted from validFrom on */
  data: string | null;
  change: 'created' | 'updated' | 'deleted';
  origin: string | null;
  validFrom: string;
}

/**
 * Appends versions bitemporally. The current open version of each object (valid to infinity, known
 * to infinity) is closed in transaction time and, when it started before the new version, re-stated
 * as valid until the new version's valid time; the new version is then valid from its valid time on.
 * `live(pk)` false says the object is not stored now: its open version, if any, is a deletion, found
 * through the small index of open deletions instead of the history of every key.
 */
export async function appendVersions(q: Queryable, org: string, rows: VersionWrite[], txTime: string, live: (pk: string) => boolean): Promise<void> {
  if (rows.length === 0) return;
  const stored: string[] = [];
  const gone: string[] = [];
  for (const r of rows) (live(r.pk) ? stored : gone).push(r.pk);
  // one index probe per object, whatever the statistics say (see lookup.ts)
  const open = `w.org = $1 AND w.pk = u.pk AND w.tx_to = 'infinity' AND w.valid_to = 'infinity'`;
  const closed = await q.query<{ pk: string; type: string; data: unknown; change: string; origin: string | null; valid_from: string }>(
    `UPDATE object_versions v SET tx_to = $4::timestamptz
      WHERE v.id = ANY(ARRAY(
        SELECT o.id FROM unnest($2::text[]) AS u(pk) CROSS JOIN LATERAL (SELECT w.id FROM object_versions w WHERE ${open} OFFSET 0) o
        UNION ALL
        SELECT o.id FROM unnest($3::text[]) AS u(pk) CROSS JOIN LATERAL (SELECT w.id FROM object_versions w WHERE ${open} AND w.data IS NULL OFFSET 0) o))
      RETURNING v.pk, v.type, v.data::text AS data, v.change, v.origin, v.valid_from::text AS valid_from`,
    [org, stored, gone, txTime],
  );
  if (closed.rows.length > 0) {
    const newFrom = new Map(rows.map((r) => [r.pk, r.validFrom]));
    const keep = closed.rows.filter((c) => new Date(c.valid_from).getTime() < new Date(newFrom.get(c.pk)!).getTime());
    if (keep.length > 0) {
      await q.query(
        `INSERT INTO object_versions (org, pk, type, data, change, origin, valid_from, valid_to, tx_from)
         SELECT $1, u.pk, u.type, u.data::jsonb, u.change, u.origin, u.vf::timestamptz, u.vt::timestamptz, $9::timestamptz
           FROM unnest($2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[]) AS u(pk, type, data, change, origin, vf, vt)`,
        [
          org,
          keep.map((c) => c.pk),
          keep.map((c) => c.type),
          keep.map((c) => c.data as string | null),
          keep.map((c) => c.change),
          keep.map((c) => c.origin),
          keep.map((c) => c.valid_from),
          keep.map((c) => newFrom.get(c.pk)!),
          txTime,
        ],
      );
    }
  }
  await q.query(
    `INSERT INTO object_versions (org, pk, type, data, change, origin, valid_from, tx_from)
     SELECT $1, u.pk, u.type, u.data::jsonb, u.change, u.origin, u.vf::timestamptz, $8::timestamptz
       FROM unnest($2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[]) AS u(pk, type, data, change, origin, vf)`,
    [
      org,
      rows.map((r) => r.pk),
      rows.map((r) => r.type),
      rows.map((r) => r.data),
      rows.map((r) => r.change),
      rows.map((r) => r.origin),
      rows.map((r) => r.validFrom),
      txTime,
    ],
  );
}
