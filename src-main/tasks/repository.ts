/** SQL of the tasks table (migration 0004). Every statement is parameterised. */
import type { Queryable } from '../db/database';
import type { ErrorPayload } from '../common/errors';
import type { TaskCounts, TaskInfo, TaskKind, TaskStatus } from '../api/contracts/scans';

export interface NewTask {
  org: string;
  id: string;
  kind: TaskKind;
  pluginId: string;
  pluginVersion: string | null;
  inputPk: string | null;
  rawId: string | null;
  priority: number;
  reason: string;
  dedupKey: string;
  inputLevel: number | null;
  createdAt: Date;
  /** the schedule that queued it */
  scheduleId?: string | null;
  /** hash of the settings the boefje will run with (grace: other settings are not a repeat) */
  settingsHash?: string | null;
}

export interface TaskRow extends TaskInfo {
  stdout: string | null;
  stderr: string | null;
  produced: { objects: string[]; created: string[]; updated: string[]; deleted: string[] } | null;
  inputLevel: number | null;
}

export interface TaskFilter {
  kind?: TaskKind;
  statuses?: TaskStatus[];
  pluginId?: string;
  inputPk?: string;
  rawId?: string;
  offset: number;
  limit: number;
}

const COLUMNS = `org, id, kind, plugin_id, plugin_version, input_pk, raw_id, status, priority, reason, attempts, input_level,
  created_at, started_at, ended_at, exit_code, error, output_count`;

interface Row {
  org: string;
  id: string;
  kind: TaskKind;
  plugin_id: string;
  plugin_version: string | null;
  input_pk: string | null;
  raw_id: string | null;
  status: TaskStatus;
  priority: number;
  reason: string;
  attempts: number;
  input_level: number | null;
  created_at: Date;
  started_at: Date | null;
  ended_at: Date | null;
  exit_code: number | null;
  error: ErrorPayload | null;
  output_count: number | null;
  stdout?: string | null;
  stderr?: string | null;
  produced?: TaskRow['produced'];
}

function toInfo(r: Row): TaskInfo {
  return {
    id: r.id,
    org: r.org,
    kind: r.kind,
    pluginId: r.plugin_id,
    pluginVersion: r.plugin_version,
    inputPk: r.input_pk,
    rawId: r.raw_id,
    status: r.status,
    priority: r.priority,
    reason: r.reason,
    attempts: r.attempts,
    createdAt: r.created_at.toISOString(),
    startedAt: r.started_at?.toISOString() ?? null,
    endedAt: r.ended_at?.toISOString() ?? null,
    durationMs: r.started_at && r.ended_at ? r.ended_at.getTime() - r.started_at.getTime() : null,
    error: r.error,
    exitCode: r.exit_code,
    outputCount: r.output_count,
  };
}

/**
 * Inserts tasks; a task whose dedup key already has a queued or running task is not inserted.
 * Returns the inserted tasks and the dedup keys that were already active.
 */
export async function insertTasks(q: Queryable, tasks: readonly NewTask[]): Promise<{ inserted: TaskInfo[]; duplicates: Set<string> }> {
  if (tasks.length === 0) return { inserted: [], duplicates: new Set() };
  const col = <K extends keyof NewTask>(k: K) => tasks.map((t) => t[k]);
  const r = await q.query<Row>(
    `INSERT INTO tasks (org, id, kind, plugin_id, plugin_version, input_pk, raw_id, status, priority, reason, dedup_key, input_level, created_at, schedule_id, settings_hash)
     SELECT org, id, kind, plugin_id, plugin_version, input_pk, raw_id, 'queued', priority, reason, dedup_key, input_level, created_at, schedule_id, settings_hash
     FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::int[], $9::text[], $10::text[], $11::smallint[], $12::timestamptz[], $13::text[], $14::text[])
       AS t(org, id, kind, plugin_id, plugin_version, input_pk, raw_id, priority, reason, dedup_key, input_level, created_at, schedule_id, settings_hash)
     ON CONFLICT (org, dedup_key) WHERE status IN ('queued', 'running') DO NOTHING
     RETURNING id`,
    [
      col('org'),
      col('id'),
      col('kind'),
      col('pluginId'),
      col('pluginVersion'),
      col('inputPk'),
      col('rawId'),
      col('priority'),
      col('reason'),
      col('dedupKey'),
      col('inputLevel'),
      tasks.map((t) => t.createdAt.toISOString()),
      tasks.map((t) => t.scheduleId ?? null),
      tasks.map((t) => t.settingsHash ?? null),
    ],
  );
  // only the ids come back: the rows are what was sent (a large scheduler batch stays cheap)
  const got = new Set(r.rows.map((x) => (x as unknown as { id: string }).id));
  const inserted: TaskInfo[] = [];
  const duplicates = new Set<string>();
  for (const t of tasks) {
    if (!got.has(t.id)) {
      duplicates.add(t.dedupKey);
      continue;
    }
    inserted.push({
      id: t.id,
      org: t.org,
      kind: t.kind,
      pluginId: t.pluginId,
      pluginVersion: t.pluginVersion,
      inputPk: t.inputPk,
      rawId: t.rawId,
      status: 'queued',
      priority: t.priority,
      reason: t.reason,
      attempts: 0,
      createdAt: t.createdAt.toISOString(),
      startedAt: null,
      endedAt: null,
      durationMs: null,
      error: null,
      exitCode: null,
      outputCount: null,
    });
  }
  return { inserted, duplicates };
}

export async function getTask(q: Queryable, org: string, id: string): Promise<TaskRow | undefined> {
  const r = await q.query<Row>(`SELECT ${COLUMNS}, stdout, stderr, produced FROM tasks WHERE org = $1 AND id = $2`, [org, id]);
  const row = r.rows[0];
  if (!row) return undefined;
  return { ...toInfo(row), stdout: row.stdout ?? null, stderr: row.stderr ?? null, produced: row.produced ?? null, inputLevel: row.input_level };
}

function where(org: string, f: Omit<TaskFilter, 'offset' | 'limit' | 'statuses'>): { sql: string; params: unknown[] } {
  const params: unknown[] = [org];
  const parts = ['org = $1'];
  const add = (cond: string, v: unknown) => {
    params.push(v);
    parts.push(cond.replace('?', `$${params.length}`));
  };
  if (f.kind) add('kind = ?', f.kind);
  if (f.pluginId) add('plugin_id = ?', f.pluginId);
  if (f.inputPk) add('input_pk = ?', f.inputPk);
  if (f.rawId) add('raw_id = ?', f.rawId);
  return { sql: parts.join(' AND '), params };
}

export async function listTasks(q: Queryable, org: string, f: TaskFilter): Promise<{ items: TaskInfo[]; total: number; counts: TaskCounts }> {
  const w = where(org, f);
  const counts: TaskCounts = { queued: 0, running: 0, completed: 0, failed: 0, cancelled: 0 };
  const c = await q.query<{ status: TaskStatus; n: number }>(`SELECT status, count(*)::int AS n FROM tasks WHERE ${w.sql} GROUP BY status`, w.params);
  for (const row of c.rows) counts[row.status] = row.n;
  const statuses = f.statuses && f.statuses.length > 0 ? f.statuses : null;
  const total = statuses ? statuses.reduce((n, s) => n + counts[s], 0) : Object.values(counts).reduce((a, b) => a + b, 0);
  const params = [...w.params, statuses, f.limit, f.offset];
  const n = w.params.length;
  const r = await q.query<Row>(
    `SELECT ${COLUMNS} FROM tasks WHERE ${w.sql} AND ($${n + 1}::text[] IS NULL OR status = ANY($${n + 1}::text[]))
     ORDER BY created_at DESC, id DESC LIMIT $${n + 2} OFFSET $${n + 3}`,
    params,
  );
  return { items: r.rows.map(toInfo), total, counts };
}

/** The next queued task of a kind (lowest priority number, then oldest), claimed as running. */
export async function claimNext(q: Queryable, kind: TaskKind, at: Date, skipOrgs: readonly string[] = []): Promise<TaskInfo | undefined> {
  const r = await q.query<Row>(
    `UPDATE tasks SET status = 'running', started_at = $2, attempts = attempts + 1, ended_at = NULL
     WHERE (org, id) = (SELECT org, id FROM tasks WHERE status = 'queued' AND kind = $1 AND NOT (org = ANY($3::text[]))
                        ORDER BY priority, created_at, id LIMIT 1)
     RETURNING ${COLUMNS}`,
    [kind, at.toISOString(), skipOrgs],
  );
  return r.rows[0] ? toInfo(r.rows[0]) : undefined;
}

/**
 * Up to `limit` more queued tasks of one boefje in one organisation, claimed as running (they join
 * a multi-input run), in queue order.
 */
export async function claimMore(q: Queryable, org: string, pluginId: string, at: Date, limit: number): Promise<TaskInfo[]> {
  if (limit <= 0) return [];
  const r = await q.query<Row>(
    `UPDATE tasks SET status = 'running', started_at = $4, attempts = attempts + 1, ended_at = NULL
     WHERE (org, id) IN (SELECT org, id FROM tasks WHERE status = 'queued' AND kind = 'boefje' AND org = $1 AND plugin_id = $2
                         ORDER BY priority, created_at, id LIMIT $3)
     RETURNING ${COLUMNS}`,
    [org, pluginId, limit, at.toISOString()],
  );
  return r.rows.map(toInfo).sort((a, b) => a.priority - b.priority || a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id));
}

export interface TaskEnd {
  status: 'completed' | 'failed' | 'cancelled';
  endedAt: Date;
  error?: ErrorPayload | null;
  exitCode?: number | null;
  stdout?: string | null;
  stderr?: string | null;
  outputCount?: number | null;
  produced?: TaskRow['produced'];
  inputLevel?: number | null;
}

/** Ends a task that is queued or running; returns it, or undefined when it had already ended. */
export async function endTask(q: Queryable, org: string, id: string, e: TaskEnd): Promise<TaskInfo | undefined> {
  const r = await q.query<Row>(
    `UPDATE tasks SET status = $3, ended_at = $4, error = $5::jsonb, exit_code = $6, stdout = $7, stderr = $8, output_count = $9,
       produced = $10::jsonb, input_level = COALESCE($11, input_level)
     WHERE org = $1 AND id = $2 AND status IN ('queued', 'running')
     RETURNING ${COLUMNS}`,
    [
      org,
      id,
      e.status,
      e.endedAt.toISOString(),
      e.error ? JSON.stringify(e.error) : null,
      e.exitCode ?? null,
      e.stdout ?? null,
      e.stderr ?? null,
      e.outputCount ?? null,
      e.produced ? JSON.stringify(e.produced) : null,
      e.inputLevel ?? null,
    ],
  );
  return r.rows[0] ? toInfo(r.rows[0]) : undefined;
}

/** Records what the check right before a container start saw: the level, and the settings' hash. */
export async function setStartFacts(q: Queryable, org: string, id: string, level: number, settingsHash: string): Promise<void> {
  await q.query(`UPDATE tasks SET input_level = $3, settings_hash = $4 WHERE org = $1 AND id = $2`, [org, id, level, settingsHash]);
}

/** Tasks left running by a crash go back to the queue; returns them. */
export async function requeueRunning(q: Queryable): Promise<TaskInfo[]> {
  const r = await q.query<Row>(`UPDATE tasks SET status = 'queued', started_at = NULL WHERE status = 'running' RETURNING ${COLUMNS}`);
  return r.rows.map(toInfo);
}

/** Queued boefje tasks of the given objects (to re-check after their levels changed). */
export async function queuedBoefjeTasksOf(q: Queryable, org: string, pks: readonly string[]): Promise<TaskInfo[]> {
  const r = await q.query<Row>(`SELECT ${COLUMNS} FROM tasks WHERE org = $1 AND status = 'queued' AND kind = 'boefje' AND input_pk = ANY($2::text[])`, [
    org,
    pks,
  ]);
  return r.rows.map(toInfo);
}

export async function countQueued(q: Queryable, kind: TaskKind): Promise<number> {
  const r = await q.query<{ n: number }>(`SELECT count(*)::int AS n FROM tasks WHERE status = 'queued' AND kind = $1`, [kind]);
  return r.rows[0]!.n;
}

/** The current state of one object (the input of a task), or undefined when it does not exist. */
export async function currentObject(q: Queryable, org: string, pk: string): Promise<{ pk: string; type: string; data: Record<string, unknown> } | undefined> {
  const r = await q.query<{ pk: string; type: string; data: Record<string, unknown> }>(`SELECT pk, type, data FROM objects WHERE org = $1 AND pk = $2`, [org, pk]);
  return r.rows[0];
}

/** The current state of the given objects (a multi-input run's inputs); missing ones are left out. */
export async function currentObjects(q: Queryable, org: string, pks: readonly string[]): Promise<Map<string, { pk: string; type: string; data: Record<string, unknown> }>> {
  const r = await q.query<{ pk: string; type: string; data: Record<string, unknown> }>(`SELECT pk, type, data FROM objects WHERE org = $1 AND pk = ANY($2::text[])`, [org, pks]);
  return new Map(r.rows.map((o) => [o.pk, o]));
}

