/** SQL of the reports and report_recipes tables. Every statement is parameterised. */
import type { Queryable } from '../db/database';
import { iso } from '../graph/query/as-of';
import type { Report, ReportInputs, ReportRecipe, ReportSummary, ReportType, SeverityCounts } from './types';

export interface StoredReport extends Report {
  /** the transaction time the graph was read at */
  txTime: string;
}

interface ReportRow {
  id: string;
  org: string;
  name: string;
  type: ReportType;
  inputs: ReportInputs;
  as_of: unknown;
  tx_time: unknown;
  created_at: unknown;
  data?: Report['data'];
  versions: Report['versions'];
  counts: SeverityCounts;
  previous_id: string | null;
  recipe_id: string | null;
}

const SUMMARY_COLS = 'id, org, name, type, inputs, as_of, tx_time, created_at, versions, counts, previous_id, recipe_id';

/** The canonical text of inputs: sorted object keys, or the filter with sorted keys. */
export function inputsKey(inputs: ReportInputs): string {
  if ('objects' in inputs) return JSON.stringify({ objects: [...new Set(inputs.objects)].sort() });
  const f = inputs.filter;
  return JSON.stringify({
    filter: {
      minLevel: f.minLevel ?? null,
      search: f.search?.trim().toLowerCase() || null,
      types: f.types && f.types.length > 0 ? [...new Set(f.types)].sort() : null,
    },
  });
}

function toSummary(r: ReportRow): ReportSummary {
  return {
    id: r.id,
    org: r.org,
    name: r.name,
    type: r.type,
    inputs: r.inputs,
    asOf: iso(r.as_of),
    createdAt: iso(r.created_at),
    versions: r.versions,
    previousId: r.previous_id,
    recipeId: r.recipe_id,
    counts: { findings: r.counts },
  };
}

export async function insertReport(q: Queryable, r: StoredReport, counts: SeverityCounts): Promise<void> {
  await q.query(
    `INSERT INTO reports (org, id, name, type, inputs, inputs_key, as_of, tx_time, created_at, data, versions, counts, previous_id, recipe_id)
     VALUES ($1, $2, $3, $4, $5::jsonb, $6, $7::timestamptz, $8::timestamptz, $9::timestamptz, $10::json, $11::jsonb, $12::jsonb, $13, $14)`,
    [
      r.org,
      r.id,
      r.name,
      r.type,
      JSON.stringify(r.inputs),
      inputsKey(r.inputs),
      r.asOf,
      r.txTime,
      r.createdAt,
      JSON.stringify(r.data),
      JSON.stringify(r.versions),
      JSON.stringify(counts),
      r.previousId,
      r.recipeId,
    ],
  );
}

export async function getReport(q: Queryable, org: string, id: string): Promise<StoredReport | null> {
  const res = await q.query<ReportRow>(`SELECT ${SUMMARY_COLS}, data FROM reports WHERE org = $1 AND id = $2`, [org, id]);
  const r = res.rows[0];
  if (!r) return null;
  const { counts: _counts, ...summary } = toSummary(r);
  return { ...summary, data: r.data!, txTime: iso(r.tx_time) };
}

export async function listReports(q: Queryable, org: string, opts: { type?: ReportType; limit: number; offset: number }): Promise<{ reports: ReportSummary[]; total: number }> {
  const params: unknown[] = [org];
  let where = 'org = $1';
  if (opts.type) {
    params.push(opts.type);
    where += ` AND type = $2`;
  }
  const total = await q.query<{ n: number }>(`SELECT count(*)::int AS n FROM reports WHERE ${where}`, params);
  const rows = await q.query<ReportRow>(
    `SELECT ${SUMMARY_COLS} FROM reports WHERE ${where} ORDER BY created_at DESC, id DESC LIMIT $${params.length + 1} OFFSET $${params.length + 2}`,
    [...params, opts.limit, opts.offset],
  );
  return { reports: rows.rows.map(toSummary), total: total.rows[0]?.n ?? 0 };
}

export async function deleteReport(q: Queryable, org: string, id: string): Promise<boolean> {
  const res = await q.query(`DELETE FROM reports WHERE org = $1 AND id = $2 RETURNING id`, [org, id]);
  return res.rows.length > 0;
}

/**
 * The previous report of the same type and inputs: the latest with an earlier as-of time (ties:
 * made earlier), other than `exceptId`.
 */
export async function previousReportId(q: Queryable, org: string, type: ReportType, inputs: ReportInputs, asOf: string, createdAt: string, exceptId?: string): Promise<string | null> {
  const res = await q.query<{ id: string }>(
    `SELECT id FROM reports
      WHERE org = $1 AND type = $2 AND inputs_key = $3 AND id <> $6
        AND (as_of < $4::timestamptz OR (as_of = $4::timestamptz AND created_at < $5::timestamptz))
      ORDER BY as_of DESC, created_at DESC, id DESC LIMIT 1`,
    [org, type, inputsKey(inputs), asOf, createdAt, exceptId ?? ''],
  );
  return res.rows[0]?.id ?? null;
}

// --- recipes ---

interface RecipeRow {
  id: string;
  org: string;
  name: string;
  type: ReportType;
  inputs: ReportInputs;
  rrule: string;
  enabled: boolean;
  last_run_at: unknown;
  next_run_at: unknown;
}

const RECIPE_COLS = 'id, org, name, type, inputs, rrule, enabled, last_run_at, next_run_at';

function toRecipe(r: RecipeRow): ReportRecipe {
  return {
    id: r.id,
    org: r.org,
    name: r.name,
    type: r.type,
    inputs: r.inputs,
    rrule: r.rrule,
    enabled: r.enabled,
    lastRunAt: r.last_run_at === null ? null : iso(r.last_run_at),
    nextRunAt: r.next_run_at === null ? null : iso(r.next_run_at),
  };
}

export async function listRecipes(q: Queryable, org: string): Promise<ReportRecipe[]> {
  const res = await q.query<RecipeRow>(`SELECT ${RECIPE_COLS} FROM report_recipes WHERE org = $1 ORDER BY lower(name), id`, [org]);
  return res.rows.map(toRecipe);
}

export async function getRecipe(q: Queryable, org: string, id: string): Promise<ReportRecipe | null> {
  const res = await q.query<RecipeRow>(`SELECT ${RECIPE_COLS} FROM report_recipes WHERE org = $1 AND id = $2`, [org, id]);
  return res.rows[0] ? toRecipe(res.rows[0]) : null;
}

export async function upsertRecipe(q: Queryable, r: ReportRecipe, at: string): Promise<void> {
  await q.query(
    `INSERT INTO report_recipes (org, id, name, type, inputs, rrule, enabled, created_at, updated_at, last_run_at, next_run_at)
     VALUES ($1, $2, $3, $4, $5::jsonb, $6, $7, $8::timestamptz, $8::timestamptz, $9::timestamptz, $10::timestamptz)
     ON CONFLICT (org, id) DO UPDATE SET name = EXCLUDED.name, type = EXCLUDED.type, inputs = EXCLUDED.inputs, rrule = EXCLUDED.rrule,
       enabled = EXCLUDED.enabled, updated_at = EXCLUDED.updated_at, last_run_at = EXCLUDED.last_run_at, next_run_at = EXCLUDED.next_run_at`,
    [r.org, r.id, r.name, r.type, JSON.stringify(r.inputs), r.rrule, r.enabled, at, r.lastRunAt, r.nextRunAt],
  );
}

export async function deleteRecipe(q: Queryable, org: string, id: string): Promise<boolean> {
  const res = await q.query(`DELETE FROM report_recipes WHERE org = $1 AND id = $2 RETURNING id`, [org, id]);
  return res.rows.length > 0;
}

/** Enabled recipes due at `now` (next_run_at <= now), soonest first, across organisations. */
export async function dueRecipes(q: Queryable, now: string): Promise<ReportRecipe[]> {
  const res = await q.query<RecipeRow>(
    `SELECT ${RECIPE_COLS} FROM report_recipes WHERE enabled AND next_run_at IS NOT NULL AND next_run_at <= $1::timestamptz ORDER BY next_run_at, org, id`,
    [now],
  );
  return res.rows.map(toRecipe);
}

/** The soonest next run of any enabled recipe, or null. */
export async function soonestRecipeRun(q: Queryable): Promise<string | null> {
  const res = await q.query<{ t: unknown }>(`SELECT min(next_run_at) AS t FROM report_recipes WHERE enabled`);
  const t = res.rows[0]?.t;
  return t === null || t === undefined ? null : iso(t);
}
