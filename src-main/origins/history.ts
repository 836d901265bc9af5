import type { Queryable } from '../db/database';
import type { AttributeChange, Diff, ObjectVersion } from '../api/types';
import { canonicalJson } from './sql-util';

const INF = 'infinity';

function iso(v: unknown): string | null {
  if (v === null || v === undefined) return null;
  const s = String(v);
  if (s === INF) return null;
  const d = new Date(s);
  return Number.isNaN(d.getTime()) ? null : d.toISOString();
}

/** Every version of one object, oldest first, including superseded knowledge (closed tx_to). */
export async function objectHistory(q: Queryable, org: string, pk: string): Promise<ObjectVersion[]> {
  const res = await q.query<{ valid_from: string; valid_to: string; tx_from: string; tx_to: string; change: string; origin: string | null; data: Record<string, unknown> | null }>(
    `SELECT valid_from::text, valid_to::text, tx_from::text, tx_to::text, change, origin, data
       FROM object_versions WHERE org = $1 AND pk = $2 ORDER BY tx_from, valid_from, id`,
    [org, pk],
  );
  return res.rows.map((r) => ({
    validFrom: iso(r.valid_from)!,
    validTo: iso(r.valid_to),
    txFrom: iso(r.tx_from)!,
    txTo: iso(r.tx_to),
    change: r.change as ObjectVersion['change'],
    origin: r.origin,
    data: r.data,
  }));
}

export interface AsOfTime {
  validTime: string;
  txTime: string;
}

/** The object's data as of a valid time, as known at a transaction time (null: did not exist). */
export async function objectAsOf(q: Queryable, org: string, pk: string, at: AsOfTime): Promise<{ type: string; data: Record<string, unknown>; validFrom: string; txFrom: string } | null> {
  const res = await q.query<{ type: string; data: Record<string, unknown> | null; valid_from: string; tx_from: string }>(
    `SELECT type, data, valid_from::text, tx_from::text FROM object_versions
      WHERE org = $1 AND pk = $2 AND valid_from <= $3::timestamptz AND valid_to > $3::timestamptz
        AND tx_from <= $4::timestamptz AND tx_to > $4::timestamptz
      ORDER BY valid_from DESC, id DESC LIMIT 1`,
    [org, pk, at.validTime, at.txTime],
  );
  const r = res.rows[0];
  if (!r || r.data === null) return null;
  return { type: r.type, data: r.data, validFrom: iso(r.valid_from)!, txFrom: iso(r.tx_from)! };
}

export function attributeChanges(before: Record<string, unknown> | null, after: Record<string, unknown> | null): AttributeChange[] {
  const keys = [...new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})])].sort();
  const out: AttributeChange[] = [];
  for (const k of keys) {
    const b = before?.[k];
    const a = after?.[k];
    if (canonicalJson(b ?? null) !== canonicalJson(a ?? null)) out.push({ field: k, before: b ?? null, after: a ?? null });
  }
  return out;
}

const DIFF_LIMIT = 5000;

/** What changed between two times, for one object or the whole organisation. */
export async function diff(q: Queryable, org: string, from: AsOfTime, to: AsOfTime, pk?: string): Promise<Diff> {
  if (pk) {
    const [a, b] = await Promise.all([objectAsOf(q, org, pk, from), objectAsOf(q, org, pk, to)]);
    return { from, to, object: { pk, before: a?.data ?? null, after: b?.data ?? null, changes: attributeChanges(a?.data ?? null, b?.data ?? null) } };
  }
  // The versions visible at each time, joined by pk; only objects that differ come back.
  const res = await q.query<{ pk: string; a: Record<string, unknown> | null; b: Record<string, unknown> | null }>(
    `WITH va AS (
       SELECT DISTINCT ON (pk) pk, data FROM object_versions
        WHERE org = $1 AND valid_from <= $2::timestamptz AND valid_to > $2::timestamptz AND tx_from <= $3::timestamptz AND tx_to > $3::timestamptz
        ORDER BY pk, valid_from DESC, id DESC),
     vb AS (
       SELECT DISTINCT ON (pk) pk, data FROM object_versions
        WHERE org = $1 AND valid_from <= $4::timestamptz AND valid_to > $4::timestamptz AND tx_from <= $5::timestamptz AND tx_to > $5::timestamptz
        ORDER BY pk, valid_from DESC, id DESC)
     SELECT coalesce(va.pk, vb.pk) AS pk, va.data AS a, vb.data AS b
       FROM va FULL JOIN vb ON va.pk = vb.pk
      WHERE va.data IS DISTINCT FROM vb.data
      ORDER BY 1 LIMIT $6`,
    [org, from.validTime, from.txTime, to.validTime, to.txTime, DIFF_LIMIT + 1],
  );
  const rows = res.rows.slice(0, DIFF_LIMIT);
  const added: string[] = [];
  const removed: string[] = [];
  const changed: { pk: string; changes: AttributeChange[] }[] = [];
  for (const r of rows) {
    if (r.a === null && r.b !== null) added.push(r.pk);
    else if (r.a !== null && r.b === null) removed.push(r.pk);
    else if (r.a !== null && r.b !== null) changed.push({ pk: r.pk, changes: attributeChanges(r.a, r.b) });
  }
  return { from, to, added, removed, changed, truncated: res.rows.length > DIFF_LIMIT };
}
