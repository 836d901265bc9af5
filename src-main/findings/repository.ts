/**
 * SQL of the findings views: the filtered set of findings with their finding type, severity and
 * mute state, as a page, per finding type, or counted per severity. A finding's severity is its
 * finding type's risk_severity (pending when unset or when the type object is missing). A mute
 * whose expires_at has passed counts as no mute, whether or not the sweeper has removed it yet.
 * Every statement is parameterised; $1 is the organisation, $2 the clock's now.
 */
import type { Queryable } from '../db/database.js';
import type { FindingGroup, FindingRow, Severity, SeverityCounts } from '../api/contracts/findings.js';
import { SEVERITIES } from '../api/contracts/findings.js';
import { escapeLike, expandTypes } from '../graph/query/list.js';
import { iso } from '../graph/query/as-of.js';
import { relatedEdgeLabels } from './related.js';

export interface FindingFilter {
  severities?: readonly Severity[];
  /** ids (KAT-NO-HSTS) or keys (KATFindingType|KAT-NO-HSTS) */
  findingTypes?: readonly string[];
  objectTypes?: readonly string[];
  muted: 'hide' | 'only' | 'all';
  search?: string;
  /** findings on this object and its related objects */
  ooi?: string;
}

export type FindingSort = 'severity' | 'findingType' | 'object' | 'pk';

/** The MutedFinding key of a finding: same natural key, other type. */
export function mutedPkOf(findingPk: string): string {
  return 'MutedFinding|' + findingPk.slice('Finding|'.length);
}

/** A finding type id from an id or a key (KATFindingType|KAT-X -> KAT-X). */
export function findingTypeId(ref: string): string {
  const bar = ref.indexOf('|');
  return bar < 0 ? ref : ref.slice(bar + 1);
}

const SEVERITY_RANK = `array_position(ARRAY[${SEVERITIES.map((s) => `'${s}'`).join(', ')}]::text[], b.severity)`;

interface Built {
  /** WITH ... filtered AS (...) */
  with: string;
  params: unknown[];
}

/**
 * The filtered findings as the CTE `filtered`: pk, data, valid_from, ft_pk, ft_id, ft_data,
 * severity, rank, score, ooi, m_data (null when not muted now).
 */
function build(org: string, now: Date, f: FindingFilter): Built {
  const params: unknown[] = [org, now.toISOString()];
  const add = (v: unknown) => {
    params.push(v);
    return `$${params.length}`;
  };
  const ctes: string[] = [];
  let scopeJoin = '';
  if (f.ooi !== undefined) {
    const labels = relatedEdgeLabels();
    const start = add(f.ooi);
    const ins = add(labels.in);
    const outs = add(labels.out);
    // The closure of the start object over the related edges (UNION: each object once, so cycles end).
    ctes.push(`scope(pk) AS (
      SELECT ${start}::text
      UNION
      SELECT x.pk FROM scope s CROSS JOIN LATERAL (
        SELECT r.source AS pk FROM refs r
         WHERE r.org = $1 AND r.target = s.pk AND split_part(r.source, '|', 1) || '.' || r.attr = ANY(${ins}::text[])
        UNION ALL
        SELECT r.target FROM refs r
         WHERE r.org = $1 AND r.source = s.pk AND split_part(r.source, '|', 1) || '.' || r.attr = ANY(${outs}::text[])
      ) x)`);
    ctes.push(`scoped AS (
      SELECT DISTINCT r.source AS pk FROM scope s
        JOIN refs r ON r.org = $1 AND r.target = s.pk AND r.attr = 'ooi'
       WHERE r.source LIKE 'Finding|%')`);
    scopeJoin = ' AND f.pk IN (SELECT pk FROM scoped)';
  }
  ctes.push(`base AS (
    SELECT f.pk, f.data, f.valid_from, f.data->>'finding_type' AS ft_pk, ft.data AS ft_data,
           coalesce(ft.data->>'risk_severity', 'pending') AS severity,
           CASE WHEN m.pk IS NOT NULL AND (m.data->>'expires_at' IS NULL OR (m.data->>'expires_at')::timestamptz > $2::timestamptz)
                THEN m.data END AS m_data
      FROM objects f
      LEFT JOIN objects ft ON ft.org = f.org AND ft.pk = f.data->>'finding_type'
      LEFT JOIN objects m ON m.org = f.org AND m.pk = 'MutedFinding|' || substr(f.pk, ${'Finding|'.length + 1})
     WHERE f.org = $1 AND f.type = 'Finding'${scopeJoin})`);

  const where: string[] = [];
  if (f.severities && f.severities.length > 0) where.push(`b.severity = ANY(${add(f.severities)}::text[])`);
  if (f.findingTypes && f.findingTypes.length > 0) where.push(`split_part(b.ft_pk, '|', 2) = ANY(${add(f.findingTypes.map(findingTypeId))}::text[])`);
  const types = expandTypes(f.objectTypes);
  if (types) where.push(`split_part(b.data->>'ooi', '|', 1) = ANY(${add(types)}::text[])`);
  if (f.muted === 'hide') where.push('b.m_data IS NULL');
  if (f.muted === 'only') where.push('b.m_data IS NOT NULL');
  if (f.search !== undefined && f.search.trim() !== '') {
    const s = add(`%${escapeLike(f.search.trim().toLowerCase())}%`);
    where.push(
      `(lower(b.pk) LIKE ${s} OR lower(coalesce(b.data->>'description', '')) LIKE ${s} OR lower(coalesce(b.ft_data->>'name', '')) LIKE ${s})`,
    );
  }
  ctes.push(`filtered AS (
    SELECT b.pk, b.data, b.valid_from, b.ft_pk, split_part(b.ft_pk, '|', 2) AS ft_id, b.ft_data, b.severity,
           ${SEVERITY_RANK} AS rank, (b.ft_data->>'risk_score')::float8 AS score, b.data->>'ooi' AS ooi, b.m_data
      FROM base b${where.length > 0 ? ' WHERE ' + where.join(' AND ') : ''})`);
  return { with: `WITH RECURSIVE ${ctes.join(',\n')}`, params };
}

function orderBy(sort: FindingSort, a = ''): string {
  const p = a ? a + '.' : '';
  switch (sort) {
    case 'severity':
      return `${p}rank DESC, ${p}score DESC NULLS LAST, ${p}ft_id, ${p}ooi, ${p}pk`;
    case 'findingType':
      return `${p}ft_id, ${p}ooi, ${p}pk`;
    case 'object':
      return `${p}ooi, ${p}rank DESC, ${p}ft_id, ${p}pk`;
    case 'pk':
      return `${p}pk`;
  }
}

interface Row {
  pk: string;
  data: Record<string, unknown>;
  valid_from: unknown;
  ft_pk: string;
  ft_id: string;
  ft_data: Record<string, unknown> | null;
  severity: Severity;
  score: number | null;
  ooi: string;
  m_data: Record<string, unknown> | null;
}

const COLS = 'pk, data, valid_from, ft_pk, ft_id, ft_data, severity, score, ooi, m_data';

const str = (v: unknown): string | null => (typeof v === 'string' ? v : null);

export function toFindingRow(r: Row): FindingRow {
  return {
    pk: r.pk,
    findingType: { pk: r.ft_pk, id: r.ft_id, name: str(r.ft_data?.name), severity: r.severity, score: r.score },
    ooi: { pk: r.ooi, type: r.ooi.slice(0, r.ooi.indexOf('|')) },
    description: str(r.data.description),
    muted: r.m_data ? { reason: str(r.m_data.reason), expiresAt: str(r.m_data.expires_at) } : null,
    validFrom: iso(r.valid_from),
  };
}

export async function listFindings(
  q: Queryable,
  org: string,
  now: Date,
  f: FindingFilter,
  page: { sort: FindingSort; offset: number; limit: number },
): Promise<{ items: FindingRow[]; total: number }> {
  const b = build(org, now, f);
  const n = b.params.length;
  const rows = await q.query<Row>(`${b.with} SELECT ${COLS} FROM filtered ORDER BY ${orderBy(page.sort)} LIMIT $${n + 1} OFFSET $${n + 2}`, [
    ...b.params,
    page.limit,
    page.offset,
  ]);
  const items = rows.rows.map(toFindingRow);
  let total = page.offset + items.length;
  if (items.length === page.limit || (items.length === 0 && page.offset > 0)) {
    const c = await q.query<{ n: number }>(`${b.with} SELECT count(*)::int AS n FROM filtered`, b.params);
    total = c.rows[0]?.n ?? 0;
  }
  return { items, total };
}

/** One group per finding type (most severe first), with its count and its first findings by object. */
export async function groupFindings(
  q: Queryable,
  org: string,
  now: Date,
  f: FindingFilter,
  page: { offset: number; limit: number; objectsLimit: number },
): Promise<{ groups: FindingGroup[]; total: number }> {
  const b = build(org, now, f);
  const n = b.params.length;
  const groups = await q.query<{ ft_pk: string; count: number; total: number }>(
    `${b.with}, g AS (SELECT ft_pk, ft_id, max(rank) AS rank, max(score) AS score, count(*)::int AS count FROM filtered GROUP BY ft_pk, ft_id)
     SELECT ft_pk, count, (count(*) OVER ())::int AS total FROM g ORDER BY rank DESC, score DESC NULLS LAST, ft_id LIMIT $${n + 1} OFFSET $${n + 2}`,
    [...b.params, page.limit, page.offset],
  );
  let total = groups.rows[0]?.total ?? 0;
  if (groups.rows.length === 0 && page.offset > 0) {
    const c = await q.query<{ n: number }>(`${b.with} SELECT count(DISTINCT ft_pk)::int AS n FROM filtered`, b.params);
    total = c.rows[0]?.n ?? 0;
  }
  if (groups.rows.length === 0) return { groups: [], total };
  const keys = groups.rows.map((g) => g.ft_pk);
  // the first rows of each group, plus one row per group to carry the type even when objectsLimit is 0
  const rows = await q.query<Row & { i: number }>(
    `${b.with}, numbered AS (SELECT ${COLS}, row_number() OVER (PARTITION BY ft_pk ORDER BY ooi, pk)::int AS i FROM filtered WHERE ft_pk = ANY($${n + 1}::text[]))
     SELECT ${COLS}, i FROM numbered WHERE i <= greatest($${n + 2}::int, 1) ORDER BY ft_pk, i`,
    [...b.params, keys, page.objectsLimit],
  );
  const byType = new Map<string, FindingRow[]>();
  for (const r of rows.rows) byType.set(r.ft_pk, [...(byType.get(r.ft_pk) ?? []), toFindingRow(r)]);
  const out: FindingGroup[] = groups.rows.map((g) => {
    const found = byType.get(g.ft_pk) ?? [];
    return { findingType: found[0]!.findingType, count: g.count, findings: found.slice(0, page.objectsLimit) };
  });
  return { groups: out, total };
}

export async function countFindings(q: Queryable, org: string, now: Date, f: FindingFilter): Promise<SeverityCounts> {
  const b = build(org, now, f);
  const res = await q.query<{ severity: Severity; n: number }>(`${b.with} SELECT severity, count(*)::int AS n FROM filtered GROUP BY severity`, b.params);
  const counts = Object.fromEntries(SEVERITIES.map((s) => [s, 0])) as SeverityCounts;
  for (const r of res.rows) if (r.severity in counts) counts[r.severity] = r.n;
  return counts;
}

/** One finding with its type's metadata, whatever its mute state. */
export async function getFinding(q: Queryable, org: string, now: Date, pk: string): Promise<{ row: FindingRow; data: Record<string, unknown>; ftData: Record<string, unknown> | null } | null> {
  const b = build(org, now, { muted: 'all' });
  const res = await q.query<Row>(`${b.with} SELECT ${COLS} FROM filtered WHERE pk = $${b.params.length + 1}`, [...b.params, pk]);
  const r = res.rows[0];
  return r ? { row: toFindingRow(r), data: r.data, ftData: r.ft_data } : null;
}

/** Which of these keys are findings that exist. */
export async function existingFindings(q: Queryable, org: string, pks: readonly string[]): Promise<Set<string>> {
  const res = await q.query<{ pk: string }>(`SELECT pk FROM objects WHERE org = $1 AND type = 'Finding' AND pk = ANY($2::text[])`, [org, pks]);
  return new Set(res.rows.map((r) => r.pk));
}

/** The mutes of these findings that exist (expired or not), as MutedFinding key -> data. */
export async function mutesOf(q: Queryable, org: string, findingPks: readonly string[]): Promise<Map<string, Record<string, unknown>>> {
  const res = await q.query<{ pk: string; data: Record<string, unknown> }>(
    `SELECT pk, data FROM objects WHERE org = $1 AND type = 'MutedFinding' AND pk = ANY($2::text[])`,
    [org, findingPks.map(mutedPkOf)],
  );
  return new Map(res.rows.map((r) => [r.pk, r.data]));
}

/** The earliest expiry of any mute, across organisations (the sweeper wakes then). */
export async function nextMuteExpiry(q: Queryable): Promise<Date | null> {
  const res = await q.query<{ t: Date | null }>(
    `SELECT min((data->>'expires_at')::timestamptz) AS t FROM objects WHERE type = 'MutedFinding' AND data ? 'expires_at'`,
  );
  const t = res.rows[0]?.t;
  return t ? new Date(iso(t)) : null;
}

/** Mutes whose expiry is at or before `now`, per organisation. */
export async function expiredMutes(q: Queryable, now: Date): Promise<{ org: string; pk: string; expiresAt: string }[]> {
  const res = await q.query<{ org: string; pk: string; expires_at: string }>(
    `SELECT org, pk, data->>'expires_at' AS expires_at FROM objects
      WHERE type = 'MutedFinding' AND data ? 'expires_at' AND (data->>'expires_at')::timestamptz <= $1::timestamptz
      ORDER BY org, pk`,
    [now.toISOString()],
  );
  return res.rows.map((r) => ({ org: r.org, pk: r.pk, expiresAt: r.expires_at }));
}
