/**
 * What a schedule run on objects queues: every selected boefje x object pair, minus the pairs below
 * the boefje's level, already queued or running, or run inside the boefje's grace period with the
 * same settings. Priorities follow OpenKAT: never run first, then by how stale the last run is
 * (the rule of scheduler/time/due.ts priorityFor, written here in SQL; a test holds the two equal).
 *
 * Planned and queued in ONE statement inside the database: a daily tick over 100k objects and 20
 * boefjes decides and inserts ~90k tasks without sending a row to JavaScript and back (the task
 * ids, dedup keys and priorities are computed in SQL). `preview` runs the same plan and inserts
 * nothing.
 */
import { randomUUID } from 'node:crypto';
import type { PlanSummary } from '../api/contracts/schedules';
import type { Queryable } from '../db/database';
import type { BoefjeManifest } from '../plugins/manifest';
import { EVENT_TASKS } from '../tasks/service';
import type { SqlFragment } from './filter';
import { OBJECTS_FROM } from './filter/objects-sql';
import { PRIORITY, STALE_AFTER_MS } from './time';

export interface PlanBoefje {
  manifest: BoefjeManifest;
  /** the concrete object types it consumes */
  types: readonly string[];
  graceMs: number;
  settingsHash: string;
}

export interface PlanInput {
  org: string;
  now: Date;
  scheduleId: string | null;
  boefjes: readonly PlanBoefje[];
  /** only objects of these concrete types (a subset of what the boefjes consume) */
  types: readonly string[];
  /** only these objects (events); null: all */
  pks: readonly string[] | null;
  /** the schedule's input filter, numbered from FILTER_FIRST_PARAM */
  filter: SqlFragment | null;
}

/** The first parameter number the input filter may use. */
export const FILTER_FIRST_PARAM = 12;

export interface PlanResult {
  summary: PlanSummary;
  /** queue mode: at most EVENT_TASKS of the tasks inserted (for the tasks.changed event) */
  sample: { id: string; kind: 'boefje'; pluginId: string; inputPk: string }[];
}

// verdict per pair: LEVEL (below the boefje's level), ACTIVE (queued or running), GRACE (ran
// recently with the same settings), or the queue priority (> 0)
const LEVEL = -1;
const ACTIVE = -2;
const GRACE = 0;

/**
 * Plans (and with mode 'queue' inserts) one run of a schedule on objects. `tx` must be an open
 * transaction: the verdicts go to a temporary table first, so they are all decided on the task
 * table as it was (a probe into a table the same statement is inserting into would re-read the
 * rows it inserted: quadratic), then one statement inserts the due pairs and counts.
 */
export async function plan(tx: Queryable, i: PlanInput, mode: 'preview' | 'queue'): Promise<PlanResult> {
  const types = new Set(i.types);
  const pairs = i.boefjes.flatMap((b) => b.types.filter((t) => types.has(t)).map((t) => [b.manifest.id, t] as const));
  if (pairs.length === 0) {
    const skipped = { grace: 0, level: 0, active: 0, settings: 0 };
    return { summary: { queued: 0, byPlugin: [], skipped, text: describePlan(0, [], skipped) }, sample: [] };
  }
  const minLevel = Math.min(...i.boefjes.map((b) => b.manifest.scan_level));
  await tx.query(
    `CREATE TEMP TABLE kat_plan ON COMMIT DROP AS
     WITH b AS (
       SELECT * FROM unnest($3::text[], $4::text[], $5::int[], $6::float8[], $7::text[]) AS b(plugin_id, version, scan_level, grace_ms, settings_hash)
     ), bt AS (
       SELECT * FROM unnest($8::text[], $9::text[]) AS bt(plugin_id, type)
     ), c AS (
       SELECT o.pk, o.type, COALESCE(p.level, 0)::int AS level
       FROM ${OBJECTS_FROM}
       WHERE o.org = $1 AND o.type = ANY($9::text[]) AND COALESCE(p.level, 0) >= $10 AND ($11::text[] IS NULL OR o.pk = ANY($11::text[]))
         ${i.filter ? `AND ${i.filter.sql}` : ''}
     ), x AS (
       SELECT b.plugin_id, b.version, b.scan_level, b.grace_ms, b.settings_hash, c.pk, c.level,
              md5('boefje|' || b.plugin_id || '||' || c.pk) AS dedup_key
       FROM c JOIN bt ON bt.type = c.type JOIN b ON b.plugin_id = bt.plugin_id
     ), active AS (
       SELECT DISTINCT dedup_key FROM tasks WHERE org = $1 AND kind = 'boefje' AND status IN ('queued', 'running')
     )
     SELECT x.plugin_id, x.version, x.settings_hash, x.pk, x.level, x.dedup_key,
       CASE
         WHEN x.level < x.scan_level THEN ${LEVEL}
         WHEN a.dedup_key IS NOT NULL THEN ${ACTIVE}
         ELSE COALESCE((
           SELECT CASE
             WHEN l.settings_hash IS DISTINCT FROM x.settings_hash THEN ${PRIORITY.neverRun}
             WHEN l.overdue < 0 THEN ${GRACE}
             ELSE ${PRIORITY.justDue} - floor(${PRIORITY.justDue - PRIORITY.mostStale} * least(1, l.overdue / ${STALE_AFTER_MS}))::int
           END
           FROM (
             SELECT t.settings_hash, (extract(epoch FROM $2::timestamptz) - extract(epoch FROM t.ended_at)) * 1000 - x.grace_ms AS overdue
             FROM tasks t
             WHERE t.org = $1 AND t.kind = 'boefje' AND t.status IN ('completed', 'failed') AND t.plugin_id = x.plugin_id AND t.input_pk = x.pk
             ORDER BY t.ended_at DESC LIMIT 1
           ) l), ${PRIORITY.neverRun})
       END AS verdict
     FROM x LEFT JOIN active a ON a.dedup_key = x.dedup_key`,
    [
      i.org,
      i.now.toISOString(),
      i.boefjes.map((b) => b.manifest.id),
      i.boefjes.map((b) => b.manifest.version),
      i.boefjes.map((b) => b.manifest.scan_level),
      i.boefjes.map((b) => b.graceMs),
      i.boefjes.map((b) => b.settingsHash),
      pairs.map((p) => p[0]),
      pairs.map((p) => p[1]),
      minLevel,
      i.pks,
      ...(i.filter?.params ?? []),
    ],
  );
  const made =
    mode === 'queue'
      ? `ins AS (
           INSERT INTO tasks (org, id, kind, plugin_id, plugin_version, input_pk, raw_id, status, priority, reason, dedup_key, input_level, created_at, schedule_id, settings_hash)
           SELECT $1, $4 || lpad(to_hex(row_number() OVER ()), 12, '0'), 'boefje', plugin_id, version, pk, NULL, 'queued', verdict, 'schedule', dedup_key, level, $2::timestamptz, $3, settings_hash
           FROM kat_plan WHERE verdict > 0
           ON CONFLICT (org, dedup_key) WHERE status IN ('queued', 'running') DO NOTHING
           RETURNING id, plugin_id, input_pk)`
      : // a preview inserts nothing
        `ins AS (SELECT NULL::text AS id, plugin_id, pk AS input_pk FROM kat_plan WHERE verdict > 0)`;
  const r = await tx.query<{ by_plugin: { plugin_id: string; type: string; n: number }[] | null; level: number; active: number; grace: number; sample: { id: string; plugin_id: string; input_pk: string }[] | null }>(
    `WITH ${made}
     SELECT
       (SELECT json_agg(json_build_object('plugin_id', plugin_id, 'type', type, 'n', n) ORDER BY n DESC, type) FROM (
          SELECT plugin_id, split_part(input_pk, '|', 1) AS type, count(*)::int AS n FROM ins GROUP BY 1, 2) g) AS by_plugin,
       (SELECT count(*)::int FROM kat_plan WHERE verdict = ${LEVEL}) AS level,
       (SELECT count(*)::int FROM kat_plan WHERE verdict = ${ACTIVE}) AS active,
       (SELECT count(*)::int FROM kat_plan WHERE verdict = ${GRACE}) AS grace,
       (SELECT json_agg(json_build_object('id', id, 'plugin_id', plugin_id, 'input_pk', input_pk)) FROM (SELECT * FROM ins LIMIT ${EVENT_TASKS}) s) AS sample`,
    // ids: a random UUID per run with its last 12 hex digits counting the tasks (unique, uuid-shaped)
    mode === 'queue' ? [i.org, i.now.toISOString(), i.scheduleId, randomUUID().slice(0, 24)] : [],
  );
  await tx.query(`DROP TABLE kat_plan`);
  const row = r.rows[0]!;
  const byPlugin = new Map<string, { tasks: number; types: Record<string, number> }>();
  for (const g of row.by_plugin ?? []) {
    const e = byPlugin.get(g.plugin_id) ?? { tasks: 0, types: {} };
    e.tasks += g.n;
    e.types[g.type] = g.n;
    byPlugin.set(g.plugin_id, e);
  }
  const list = [...byPlugin].map(([pluginId, v]) => ({ pluginId, ...v })).sort((a, b) => b.tasks - a.tasks || a.pluginId.localeCompare(b.pluginId));
  const queued = list.reduce((n, p) => n + p.tasks, 0);
  const skipped = { grace: row.grace, level: row.level, active: row.active, settings: 0 };
  return {
    summary: { queued, byPlugin: list, skipped, text: describePlan(queued, list, skipped) },
    sample: (row.sample ?? []).map((s) => ({ id: s.id, kind: 'boefje' as const, pluginId: s.plugin_id, inputPk: s.input_pk })),
  };
}

export function describePlan(n: number, list: PlanSummary['byPlugin'], skipped: PlanSummary['skipped']): string {
  const parts = list.map((p) => `${p.pluginId} × ${Object.entries(p.types).map(([t, c]) => `${c} ${t}`).join(' + ')}`);
  const head = n === 0 ? 'nothing to queue' : `${n} task${n === 1 ? '' : 's'}: ${parts.join(', ')}`;
  const why = [
    skipped.grace && `${skipped.grace} ran recently`,
    skipped.active && `${skipped.active} already queued`,
    skipped.level && `${skipped.level} below the boefje's level`,
  ].filter(Boolean);
  return why.length ? `${head} (skipped: ${why.join(', ')})` : head;
}

