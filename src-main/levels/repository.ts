/** The levels domain's SQL: scan profiles, organisation clearance and the reference edges they need. */
import type { Queryable } from '../db/database';
import type { ProfileKind, ScanProfile } from '../api/contracts/levels';

const CHUNK = 10_000;

function* chunks<T>(xs: readonly T[], n = CHUNK): Generator<T[]> {
  for (let i = 0; i < xs.length; i += n) yield xs.slice(i, i + n);
}

export interface RefRow {
  source: string;
  attr: string;
  target: string;
}

/**
 * Every reference of the organisation along which a level can flow (`flowing`: 'Type.attr' keys)
 * and whose target exists. Aggregated into one JSON value: far faster than 100k result rows.
 */
export async function loadRefs(q: Queryable, org: string, flowing: readonly string[]): Promise<RefRow[]> {
  const r = await q.query<{ t: string | null }>(
    `SELECT json_agg(json_build_array(r.source, r.attr, r.target))::text AS t FROM refs r
      WHERE r.org = $1 AND (split_part(r.source, '|', 1) || '.' || r.attr) = ANY($2::text[])
        AND EXISTS (SELECT 1 FROM objects o WHERE o.org = r.org AND o.pk = r.target)`,
    [org, flowing],
  );
  const text = r.rows[0]?.t;
  if (!text) return [];
  return (JSON.parse(text) as [string, string, string][]).map(([source, attr, target]) => ({ source, attr, target }));
}

/** The references of the given sources whose target exists. */
export async function loadRefsOf(q: Queryable, org: string, sources: readonly string[]): Promise<RefRow[]> {
  const out: RefRow[] = [];
  for (const part of chunks(sources)) {
    const r = await q.query<RefRow>(
      `SELECT r.source, r.attr, r.target FROM refs r
        WHERE r.org = $1 AND r.source = ANY($2::text[])
          AND EXISTS (SELECT 1 FROM objects o WHERE o.org = r.org AND o.pk = r.target)`,
      [org, part],
    );
    out.push(...r.rows);
  }
  return out;
}

export async function loadProfiles(q: Queryable, org: string, kind: 'declared' | 'inherited'): Promise<Map<string, number>> {
  // one JSON value instead of a row per profile (much faster for 100k profiles)
  const r = await q.query<{ t: string | null }>(`SELECT json_object_agg(pk, level)::text AS t FROM scan_profiles WHERE org = $1 AND kind = $2`, [org, kind]);
  const text = r.rows[0]?.t;
  return new Map(text ? Object.entries(JSON.parse(text) as Record<string, number>) : []);
}

export async function hasDeclared(q: Queryable, org: string): Promise<boolean> {
  const r = await q.query(`SELECT 1 FROM scan_profiles WHERE org = $1 AND kind = 'declared' LIMIT 1`, [org]);
  return r.rows.length > 0;
}

/** Profiles of the given objects; objects without a row are empty (L0). */
export async function profilesOf(q: Queryable, org: string, pks: readonly string[]): Promise<ScanProfile[]> {
  const r = await q.query<{ pk: string; level: number; kind: ProfileKind }>(
    `SELECT pk, level, kind FROM scan_profiles WHERE org = $1 AND pk = ANY($2::text[])`,
    [org, pks],
  );
  const byPk = new Map(r.rows.map((x) => [x.pk, x]));
  return pks.map((pk) => {
    const p = byPk.get(pk);
    return p ? { pk, level: p.level, kind: p.kind } : { pk, level: 0, kind: 'empty' };
  });
}

export async function writeProfiles(q: Queryable, org: string, kind: 'declared' | 'inherited', levels: ReadonlyMap<string, number>, at: Date): Promise<void> {
  const entries = [...levels];
  for (const part of chunks(entries)) {
    await q.query(
      `INSERT INTO scan_profiles (org, pk, level, kind, updated_at)
       SELECT $1, u.pk, u.level, $4, $5::timestamptz FROM unnest($2::text[], $3::int[]) AS u(pk, level)
       ON CONFLICT (org, pk) DO UPDATE SET level = EXCLUDED.level, kind = EXCLUDED.kind, updated_at = EXCLUDED.updated_at`,
      [org, part.map((e) => e[0]), part.map((e) => e[1]), kind, at.toISOString()],
    );
  }
}

/** Removes profiles (of one kind, or any); returns the primary keys that had one. */
export async function deleteProfiles(q: Queryable, org: string, pks: readonly string[], kind?: 'declared' | 'inherited'): Promise<string[]> {
  const out: string[] = [];
  for (const part of chunks(pks)) {
    const r = await q.query<{ pk: string }>(
      `DELETE FROM scan_profiles WHERE org = $1 AND pk = ANY($2::text[]) AND ($3::text IS NULL OR kind = $3) RETURNING pk`,
      [org, part, kind ?? null],
    );
    out.push(...r.rows.map((x) => x.pk));
  }
  return out;
}

export async function existingPks(q: Queryable, org: string, pks: readonly string[]): Promise<Set<string>> {
  const r = await q.query<{ pk: string }>(`SELECT pk FROM objects WHERE org = $1 AND pk = ANY($2::text[])`, [org, pks]);
  return new Set(r.rows.map((x) => x.pk));
}

export async function countObjects(q: Queryable, org: string): Promise<number> {
  const r = await q.query<{ n: number }>(`SELECT count(*)::int AS n FROM objects WHERE org = $1`, [org]);
  return r.rows[0]!.n;
}

export interface ClearanceRow {
  maxLevel: number;
  acknowledgedAt: string;
  acknowledgedBy: string;
}

export async function getClearance(q: Queryable, org: string): Promise<ClearanceRow | undefined> {
  const r = await q.query<{ max_level: number; at: string; by: string }>(
    `SELECT max_level, acknowledged_at::text AS at, acknowledged_by AS by FROM org_clearance WHERE org = $1`,
    [org],
  );
  const x = r.rows[0];
  return x && { maxLevel: x.max_level, acknowledgedAt: new Date(x.at).toISOString(), acknowledgedBy: x.by };
}

export async function setClearance(q: Queryable, org: string, maxLevel: number, by: string, at: Date): Promise<void> {
  await q.query(
    `INSERT INTO org_clearance (org, max_level, acknowledged_at, acknowledged_by) VALUES ($1, $2, $3::timestamptz, $4)
     ON CONFLICT (org) DO UPDATE SET max_level = EXCLUDED.max_level, acknowledged_at = EXCLUDED.acknowledged_at, acknowledged_by = EXCLUDED.acknowledged_by`,
    [org, maxLevel, at.toISOString(), by],
  );
}

export async function countDeclaredAbove(q: Queryable, org: string, level: number): Promise<number> {
  const r = await q.query<{ n: number }>(`SELECT count(*)::int AS n FROM scan_profiles WHERE org = $1 AND kind = 'declared' AND level > $2`, [org, level]);
  return r.rows[0]!.n;
}

/** The level of one object (0 without a profile). */
export async function levelOf(q: Queryable, org: string, pk: string): Promise<number> {
  const r = await q.query<{ level: number }>(`SELECT level FROM scan_profiles WHERE org = $1 AND pk = $2`, [org, pk]);
  return r.rows[0]?.level ?? 0;
}

/** The given objects whose level is at least minLevel, in the order given. */
export async function eligiblePks(q: Queryable, org: string, pks: readonly string[], minLevel: number): Promise<string[]> {
  if (minLevel <= 0) {
    const exist = await existingPks(q, org, pks);
    return pks.filter((p) => exist.has(p));
  }
  const r = await q.query<{ pk: string }>(`SELECT pk FROM scan_profiles WHERE org = $1 AND pk = ANY($2::text[]) AND level >= $3`, [org, pks, minLevel]);
  const ok = new Set(r.rows.map((x) => x.pk));
  return pks.filter((p) => ok.has(p));
}

/** Removes profiles whose object no longer exists (left by a crash between a deletion and its event). */
export async function deleteOrphanProfiles(q: Queryable, org: string): Promise<void> {
  await q.query(`DELETE FROM scan_profiles p WHERE p.org = $1 AND NOT EXISTS (SELECT 1 FROM objects o WHERE o.org = p.org AND o.pk = p.pk)`, [org]);
}
