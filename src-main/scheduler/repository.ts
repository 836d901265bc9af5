/** SQL of schedules, plugin intervals and the scheduler's object queries (migrations 0005, 0008). */
import type { Queryable } from '../db/database';
import type { PlanSummary, Schedule, ScheduleOperation } from '../api/contracts/schedules';
import type { ScheduleFields } from './validate';

/** A stored schedule: its fields (with runOn 'file', mimeType is the raw files' mime pattern) and state. */
export interface ScheduleRow extends ScheduleFields {
  org: string;
  id: string;
  isDefault: boolean;
  createdAt: Date;
  updatedAt: Date;
  lastRunAt: Date | null;
  nextRunAt: Date | null;
  lastResult: PlanSummary | null;
}

const COLS = `org, id, name, enabled, recurrence, plugins, input, run_on, operations, is_default, created_at, updated_at, last_run_at, next_run_at, last_result, mime_type`;

interface Raw {
  org: string;
  id: string;
  name: string;
  enabled: boolean;
  recurrence: string | null;
  plugins: string;
  input: string;
  run_on: string | null;
  operations: ScheduleOperation[];
  is_default: boolean;
  created_at: Date;
  updated_at: Date;
  last_run_at: Date | null;
  next_run_at: Date | null;
  last_result: PlanSummary | null;
  mime_type: string | null;
}

function toRow(r: Raw): ScheduleRow {
  return {
    org: r.org,
    id: r.id,
    name: r.name,
    enabled: r.enabled,
    recurrence: r.recurrence,
    plugins: r.plugins,
    input: r.input,
    runOn: r.run_on,
    mimeType: r.mime_type,
    operations: r.operations,
    isDefault: r.is_default,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
    lastRunAt: r.last_run_at,
    nextRunAt: r.next_run_at,
    lastResult: r.last_result,
  };
}

export function toSchedule(r: ScheduleRow, recurrenceText: string | null): Schedule {
  return {
    id: r.id,
    org: r.org,
    name: r.name,
    enabled: r.enabled,
    recurrence: r.recurrence,
    recurrenceText,
    plugins: r.plugins,
    input: r.input,
    runOn: r.runOn,
    mimeType: r.mimeType,
    operations: r.operations,
    isDefault: r.isDefault,
    createdAt: r.createdAt.toISOString(),
    updatedAt: r.updatedAt.toISOString(),
    lastRunAt: r.lastRunAt?.toISOString() ?? null,
    nextRunAt: r.nextRunAt?.toISOString() ?? null,
    lastResult: r.lastResult,
  };
}

export async function listSchedules(q: Queryable, org: string, enabledOnly = false): Promise<ScheduleRow[]> {
  const r = await q.query<Raw>(`SELECT ${COLS} FROM schedules WHERE org = $1 AND ($2::boolean = false OR enabled) ORDER BY is_default DESC, created_at, id`, [org, enabledOnly]);
  return r.rows.map(toRow);
}

export async function getSchedule(q: Queryable, org: string, id: string): Promise<ScheduleRow | undefined> {
  const r = await q.query<Raw>(`SELECT ${COLS} FROM schedules WHERE org = $1 AND id = $2`, [org, id]);
  return r.rows[0] ? toRow(r.rows[0]) : undefined;
}

export async function upsertSchedule(q: Queryable, s: ScheduleRow): Promise<ScheduleRow> {
  const r = await q.query<Raw>(
    `INSERT INTO schedules (${COLS}) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9::text[], $10, $11, $12, $13, $14, $15::jsonb, $16)
     ON CONFLICT (org, id) DO UPDATE SET name = EXCLUDED.name, enabled = EXCLUDED.enabled, recurrence = EXCLUDED.recurrence,
       plugins = EXCLUDED.plugins, input = EXCLUDED.input, run_on = EXCLUDED.run_on, mime_type = EXCLUDED.mime_type, operations = EXCLUDED.operations,
       updated_at = EXCLUDED.updated_at, next_run_at = EXCLUDED.next_run_at
     RETURNING ${COLS}`,
    [
      s.org,
      s.id,
      s.name,
      s.enabled,
      s.recurrence,
      s.plugins,
      s.input,
      s.runOn,
      s.operations,
      s.isDefault,
      s.createdAt.toISOString(),
      s.updatedAt.toISOString(),
      s.lastRunAt?.toISOString() ?? null,
      s.nextRunAt?.toISOString() ?? null,
      s.lastResult ? JSON.stringify(s.lastResult) : null,
      s.mimeType,
    ],
  );
  return toRow(r.rows[0]!);
}

export async function deleteSchedule(q: Queryable, org: string, id: string): Promise<boolean> {
  return (await q.query(`DELETE FROM schedules WHERE org = $1 AND id = $2 RETURNING id`, [org, id])).rows.length > 0;
}

export async function recordRun(q: Queryable, org: string, id: string, at: Date, next: Date | null, result: PlanSummary): Promise<void> {
  await q.query(`UPDATE schedules SET last_run_at = $3, next_run_at = $4, last_result = $5::jsonb WHERE org = $1 AND id = $2`, [
    org,
    id,
    at.toISOString(),
    next?.toISOString() ?? null,
    JSON.stringify(result),
  ]);
}

/** Enabled recurring schedules of every organisation that are due at `now`. */
export async function dueSchedules(q: Queryable, now: Date): Promise<ScheduleRow[]> {
  const r = await q.query<Raw>(`SELECT ${COLS} FROM schedules WHERE enabled AND next_run_at IS NOT NULL AND next_run_at <= $1 ORDER BY next_run_at, org, id`, [now.toISOString()]);
  return r.rows.map(toRow);
}

export async function nextDue(q: Queryable): Promise<Date | null> {
  const r = await q.query<{ t: Date | null }>(`SELECT min(next_run_at) AS t FROM schedules WHERE enabled`);
  return r.rows[0]?.t ?? null;
}

export async function intervals(q: Queryable, org: string): Promise<Map<string, number>> {
  const r = await q.query<{ plugin_id: string; interval_minutes: number }>(`SELECT plugin_id, interval_minutes FROM plugin_intervals WHERE org = $1`, [org]);
  return new Map(r.rows.map((x) => [x.plugin_id, x.interval_minutes]));
}

export async function setInterval(q: Queryable, org: string, pluginId: string, minutes: number | null): Promise<void> {
  if (minutes === null) await q.query(`DELETE FROM plugin_intervals WHERE org = $1 AND plugin_id = $2`, [org, pluginId]);
  else {
    await q.query(
      `INSERT INTO plugin_intervals (org, plugin_id, interval_minutes) VALUES ($1, $2, $3) ON CONFLICT (org, plugin_id) DO UPDATE SET interval_minutes = EXCLUDED.interval_minutes`,
      [org, pluginId, minutes],
    );
  }
}
