/**
 * Tasks: creating them (scan now, a stored raw file, retry), keeping the queue honest when levels
 * drop or objects disappear, and reading them. The runner (runner/task-runner.ts) executes them.
 * Every change is recorded as a `tasks.changed` event in the same transaction.
 */
import { createHash, randomUUID } from 'node:crypto';
import type { Clock } from '../common/clock';
import { AppError } from '../common/errors';
import type { Database, Queryable } from '../db/database';
import type { KatEvent } from '../api/types';
import type { Eligibility, SkippedScan, TaskDetail, TaskInfo } from '../api/contracts/scans';
import type { PluginSummary } from '../api/contracts/plugins';
import { concreteSubtypes, typeOfPk } from '../graph/model';
import type { PluginCatalogue } from '../plugins/catalogue';
import type { BoefjeManifest, NormalizerManifest } from '../plugins/manifest';
import type { RawFiles } from '../rawstore/raw-files';
import * as levelsRepo from '../levels/repository';
import { consumesType, eligibility } from './eligibility';
import * as repo from './repository';

/** Lower runs first (per lane). `renormalize`: a file schedule re-reading stored files, after new files. */
export const PRIORITY = { manual: 1, raw: 5, retry: 2, renormalize: 6 } as const;
/** Raw files with one of these mime types are errors and are never normalized. */
export const ERROR_MIME = /^error\//;

export interface TaskServiceDeps {
  db: Database;
  clock: Clock;
  plugins: PluginCatalogue;
  raw: RawFiles;
  recordEvent: (q: Queryable, e: KatEvent) => Promise<void>;
  afterCommit: () => Promise<void>;
  /** the runner: new work is queued */
  onQueued?: () => void;
  /** the runner: kill the container of a running task; false when it is not running here */
  onCancelRunning?: (org: string, id: string) => boolean;
}

export function boefjeDedupKey(pluginId: string, pk: string): string {
  return dedupKey('boefje', pluginId, pk, null);
}

export function normalizerDedupKey(pluginId: string, inputPk: string | null, rawId: string): string {
  return dedupKey('normalizer', pluginId, inputPk, rawId);
}

/** At most this many tasks are named in one event (a scheduler batch can queue tens of thousands). */
export const EVENT_TASKS = 500;

export function taskEvent(org: string, tasks: readonly TaskInfo[]): KatEvent {
  const named = tasks.slice(0, EVENT_TASKS).map((t) => ({ id: t.id, kind: t.kind, pluginId: t.pluginId, status: t.status, inputPk: t.inputPk }));
  return { topic: 'tasks.changed', org, count: tasks.length, tasks: named };
}

/**
 * One queued or running task per (kind, plugin, raw file, input); hashed to keep its unique index
 * small. md5 hex, because SQL computes the same key (scheduler/plan.ts, migration 0011).
 */
export function dedupKey(kind: 'boefje' | 'normalizer', pluginId: string, inputPk: string | null, rawId: string | null): string {
  return createHash('md5').update(`${kind}|${pluginId}|${rawId ?? ''}|${inputPk ?? ''}`).digest('hex');
}

export class TaskService {
  constructor(private readonly d: TaskServiceDeps) {}

  setRunnerHooks(hooks: Pick<TaskServiceDeps, 'onQueued' | 'onCancelRunning'>): void {
    Object.assign(this.d, hooks);
  }

  private boefjeManifest(id: string): BoefjeManifest | undefined {
    const m = this.d.plugins.find(id)?.manifest;
    return m?.kind === 'boefje' ? m : undefined;
  }

  /** Queues a manual task for every enabled boefje each object is eligible for. */
  async scanNow(org: string, pks: readonly string[], pluginIds?: readonly string[]): Promise<{ queued: TaskInfo[]; skipped: SkippedScan[] }> {
    const unique = [...new Set(pks)];
    const exists = await levelsRepo.existingPks(this.d.db, org, unique);
    const missing = unique.filter((p) => !exists.has(p));
    if (missing.length) throw new AppError('NOT_FOUND', `No object ${missing[0]} in "${org}"`, { pk: missing[0], missing: missing.slice(0, 20) });
    if (pluginIds) for (const id of pluginIds) this.requireBoefje(id);
    const summaries = (await this.d.plugins.list(org, { kind: 'boefje' })).filter((s) => !pluginIds || pluginIds.includes(s.id));
    const profiles = new Map((await levelsRepo.profilesOf(this.d.db, org, unique)).map((p) => [p.pk, p.level]));
    const skipped: SkippedScan[] = [];
    const wanted: repo.NewTask[] = [];
    const now = this.d.clock.now();
    for (const pk of unique) {
      const type = typeOfPk(pk);
      const level = profiles.get(pk) ?? 0;
      for (const s of summaries) {
        const m = this.boefjeManifest(s.id);
        if (!m) {
          if (pluginIds) skipped.push({ pk, pluginId: s.id, code: 'PLUGIN_BROKEN', message: `${s.id} has an invalid manifest` });
          continue;
        }
        // without an explicit list, boefjes for other types are not worth reporting
        if (!pluginIds && !consumesType(m, type)) continue;
        const v = eligibility({ manifest: m, enabled: s.enabled, objectType: type, level, missingSettings: s.missingSettings });
        if (!v.ok) {
          skipped.push({ pk, pluginId: s.id, code: v.code, message: v.message });
          continue;
        }
        wanted.push(this.newBoefjeTask(org, m, pk, level, 'manual', now));
      }
    }
    const queued = await this.insert(org, wanted, (t) => skipped.push({ pk: t.inputPk!, pluginId: t.pluginId, code: 'ALREADY_QUEUED', message: `${t.pluginId} is already queued or running for this object` }));
    return { queued, skipped };
  }

  /** Every boefje that consumes the object's type, with whether it may run now. */
  async eligible(org: string, pk: string): Promise<{ pk: string; level: number; boefjes: Eligibility[] }> {
    if ((await levelsRepo.existingPks(this.d.db, org, [pk])).size === 0) throw new AppError('NOT_FOUND', `No object ${pk} in "${org}"`, { pk });
    const level = await levelsRepo.levelOf(this.d.db, org, pk);
    const type = typeOfPk(pk);
    const out: Eligibility[] = [];
    for (const s of await this.d.plugins.list(org, { kind: 'boefje' })) {
      const m = this.boefjeManifest(s.id);
      if (!m || !consumesType(m, type)) continue;
      const v = eligibility({ manifest: m, enabled: s.enabled, objectType: type, level, missingSettings: s.missingSettings });
      out.push({ pluginId: m.id, name: m.name, scanLevel: m.scan_level, enabled: s.enabled, eligible: v.ok, code: v.ok ? null : v.code, message: v.ok ? null : v.message });
    }
    return { pk, level, boefjes: out };
  }

  /** Objects a boefje may run on: a consumed type at or above its level. */
  async eligibleObjects(org: string, pluginId: string, offset: number, limit: number): Promise<{ items: { pk: string; type: string; level: number }[]; total: number }> {
    const m = this.requireBoefje(pluginId);
    // an L0 boefje also runs on objects without a profile
    if (m.scan_level === 0) return this.eligibleAtL0(org, m.consumes, offset, limit);
    const r = await this.d.db.query<{ pk: string; type: string; level: number; total: number }>(
      `SELECT o.pk, o.type, p.level, count(*) OVER ()::int AS total
       FROM scan_profiles p JOIN objects o ON o.org = p.org AND o.pk = p.pk
       WHERE p.org = $1 AND p.level >= $2 AND o.type = ANY($3::text[])
       ORDER BY o.pk LIMIT $4 OFFSET $5`,
      [org, m.scan_level, concreteTypes(m.consumes), limit, offset],
    );
    const items = r.rows.map(({ pk, type, level }) => ({ pk, type, level }));
    return { items, total: r.rows[0]?.total ?? (offset > 0 ? await this.countEligible(org, m) : 0) };
  }

  private async eligibleAtL0(org: string, types: readonly string[], offset: number, limit: number) {
    const r = await this.d.db.query<{ pk: string; type: string; level: number | null; total: number }>(
      `SELECT o.pk, o.type, p.level, count(*) OVER ()::int AS total FROM objects o
       LEFT JOIN scan_profiles p ON p.org = o.org AND p.pk = o.pk
       WHERE o.org = $1 AND o.type = ANY($2::text[]) ORDER BY o.pk LIMIT $3 OFFSET $4`,
      [org, concreteTypes(types), limit, offset],
    );
    return { items: r.rows.map((x) => ({ pk: x.pk, type: x.type, level: x.level ?? 0 })), total: r.rows[0]?.total ?? 0 };
  }

  private async countEligible(org: string, m: BoefjeManifest): Promise<number> {
    const r = await this.d.db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM scan_profiles p JOIN objects o ON o.org = p.org AND o.pk = p.pk WHERE p.org = $1 AND p.level >= $2 AND o.type = ANY($3::text[])`,
      [org, m.scan_level, concreteTypes(m.consumes)],
    );
    return r.rows[0]!.n;
  }

  /**
   * Outbox listener: level drops and deletions clean the queue. (A stored raw file is the
   * scheduler's event: its file schedules, or the built-in rule below, queue the normalizers.)
   * Inside a listener nothing may wait for dispatch (it is the dispatch): the events these record
   * are picked up by the dispatch loop that is running.
   */
  readonly onEvent = async (e: KatEvent): Promise<void> => {
    if (e.topic === 'levels.changed') await this.recheckQueued(e.org, e.truncated ? null : e.pks, false);
    else if (e.topic === 'objects.changed' && e.deleted.length > 0) await this.cancelQueuedOf(e.org, e.deleted, 'the object was deleted before the task ran');
  };

  /**
   * The built-in rule for an organisation without file schedules: a normalizer task for every
   * enabled normalizer that consumes one of the raw file's mime types.
   */
  async queueNormalizers(org: string, rawId: string, mimeTypes: readonly string[], dispatch = true): Promise<TaskInfo[]> {
    if (mimeTypes.some((m) => ERROR_MIME.test(m))) return [];
    const file = await this.d.raw.info(org, rawId).catch(() => undefined);
    if (!file) return [];
    const enabled = await this.d.plugins.enabledPlugins(org, 'normalizer');
    const now = this.d.clock.now();
    const wanted = (enabled as NormalizerManifest[])
      .filter((n) => n.consumes.some((c) => mimeTypes.includes(c)))
      .map<repo.NewTask>((n) => ({
        org,
        id: randomUUID(),
        kind: 'normalizer',
        pluginId: n.id,
        pluginVersion: n.version,
        inputPk: file.inputPk,
        rawId,
        priority: PRIORITY.raw,
        reason: 'raw',
        dedupKey: dedupKey('normalizer', n.id, file.inputPk, rawId),
        inputLevel: null,
        createdAt: now,
      }));
    return this.insert(org, wanted, undefined, dispatch);
  }

  /** Queued boefje tasks whose object dropped below the boefje's level are cancelled (NOT_ELIGIBLE). */
  async recheckQueued(org: string, pks: readonly string[] | null, dispatch = true): Promise<TaskInfo[]> {
    const queued = pks
      ? await repo.queuedBoefjeTasksOf(this.d.db, org, pks)
      : (await repo.listTasks(this.d.db, org, { kind: 'boefje', statuses: ['queued'], offset: 0, limit: 100_000 })).items;
    if (queued.length === 0) return [];
    const levels = new Map((await levelsRepo.profilesOf(this.d.db, org, [...new Set(queued.map((t) => t.inputPk!))])).map((p) => [p.pk, p.level]));
    const ended: TaskInfo[] = [];
    const at = this.d.clock.now();
    await this.d.db.transaction(async (tx) => {
      for (const t of queued) {
        const m = this.boefjeManifest(t.pluginId);
        const level = levels.get(t.inputPk!) ?? 0;
        if (m && level >= m.scan_level) continue;
        const error = { code: 'NOT_ELIGIBLE' as const, message: m ? `the object dropped to L${level}; ${t.pluginId} needs L${m.scan_level}` : `${t.pluginId} is no longer a valid boefje`, details: { level, scanLevel: m?.scan_level } };
        const e = await repo.endTask(tx, org, t.id, { status: 'cancelled', endedAt: at, error, inputLevel: level });
        if (e) ended.push(e);
      }
      if (ended.length) await this.d.recordEvent(tx, taskEvent(org, ended));
    });
    if (ended.length && dispatch) await this.d.afterCommit();
    return ended;
  }

  /** (listener only: does not dispatch) */
  private async cancelQueuedOf(org: string, pks: readonly string[], message: string): Promise<void> {
    const queued = await repo.queuedBoefjeTasksOf(this.d.db, org, pks);
    if (queued.length === 0) return;
    const at = this.d.clock.now();
    const ended: TaskInfo[] = [];
    await this.d.db.transaction(async (tx) => {
      for (const t of queued) {
        const e = await repo.endTask(tx, org, t.id, { status: 'cancelled', endedAt: at, error: { code: 'NOT_FOUND', message } });
        if (e) ended.push(e);
      }
      if (ended.length) await this.d.recordEvent(tx, taskEvent(org, ended));
    });
  }

  list(org: string, f: repo.TaskFilter) {
    return repo.listTasks(this.d.db, org, f);
  }

  async get(org: string, id: string): Promise<TaskDetail> {
    const t = await repo.getTask(this.d.db, org, id);
    if (!t) throw new AppError('TASK_NOT_FOUND', `No task "${id}" in "${org}"`, { id });
    const rawFiles =
      t.kind === 'boefje'
        ? (await this.d.raw.list(org, { taskId: id, offset: 0, limit: 1000 })).items
        : t.rawId
          ? [await this.d.raw.info(org, t.rawId).catch(() => undefined)].filter((x) => x !== undefined)
          : [];
    return { ...t, stdout: t.stdout ?? '', stderr: t.stderr ?? '', rawFiles };
  }

  async cancel(org: string, id: string): Promise<TaskInfo> {
    const t = await repo.getTask(this.d.db, org, id);
    if (!t) throw new AppError('TASK_NOT_FOUND', `No task "${id}" in "${org}"`, { id });
    if (t.status === 'running' && this.d.onCancelRunning?.(org, id)) return { ...t, status: 'running' };
    if (t.status !== 'queued' && t.status !== 'running') throw new AppError('CONFLICT', `The task has already ended (${t.status})`, { id, status: t.status });
    return this.end(org, id, { status: 'cancelled', endedAt: this.d.clock.now(), error: { code: 'CANCELLED', message: 'Cancelled by the user' } });
  }

  /** Ends a queued or running task and tells the subscribers; CONFLICT when it had already ended. */
  async end(org: string, id: string, e: repo.TaskEnd): Promise<TaskInfo> {
    const ended = await this.d.db.transaction(async (tx) => {
      const t = await repo.endTask(tx, org, id, e);
      if (t) await this.d.recordEvent(tx, taskEvent(org, [t]));
      return t;
    });
    if (!ended) throw new AppError('CONFLICT', `Task "${id}" had already ended`, { id });
    await this.d.afterCommit();
    return ended;
  }

  async retry(org: string, id: string): Promise<TaskInfo> {
    const t = await repo.getTask(this.d.db, org, id);
    if (!t) throw new AppError('TASK_NOT_FOUND', `No task "${id}" in "${org}"`, { id });
    if (t.status === 'queued' || t.status === 'running') throw new AppError('CONFLICT', `The task is still ${t.status}`, { id, status: t.status });
    const now = this.d.clock.now();
    let task: repo.NewTask;
    if (t.kind === 'boefje') {
      const m = this.requireBoefje(t.pluginId);
      const [summary] = (await this.d.plugins.list(org, { kind: 'boefje' })).filter((s) => s.id === m.id) as PluginSummary[];
      if ((await levelsRepo.existingPks(this.d.db, org, [t.inputPk!])).size === 0) throw new AppError('NOT_FOUND', `No object ${t.inputPk} in "${org}" any more`, { pk: t.inputPk });
      const level = await levelsRepo.levelOf(this.d.db, org, t.inputPk!);
      const v = eligibility({ manifest: m, enabled: summary?.enabled ?? false, objectType: typeOfPk(t.inputPk!), level, missingSettings: summary?.missingSettings });
      if (!v.ok) throw new AppError(v.code === 'NOT_ELIGIBLE' || v.code === 'PLUGIN_DISABLED' ? v.code : 'CONFLICT', v.message, { pluginId: m.id, level, scanLevel: m.scan_level });
      task = this.newBoefjeTask(org, m, t.inputPk!, level, 'retry', now);
    } else {
      task = { org, id: randomUUID(), kind: 'normalizer', pluginId: t.pluginId, pluginVersion: t.pluginVersion, inputPk: t.inputPk, rawId: t.rawId, priority: PRIORITY.retry, reason: 'retry', dedupKey: dedupKey('normalizer', t.pluginId, t.inputPk, t.rawId), inputLevel: null, createdAt: now };
    }
    const [queued] = await this.insert(org, [task]);
    if (!queued) throw new AppError('CONFLICT', `${t.pluginId} is already queued or running for this input`, { id });
    return queued;
  }

  private requireBoefje(id: string): BoefjeManifest {
    const m = this.d.plugins.manifestOf(id);
    if (m.kind !== 'boefje') throw new AppError('BAD_REQUEST', `"${id}" is a normalizer, not a boefje`, { field: 'pluginId', id });
    return m;
  }

  private newBoefjeTask(org: string, m: BoefjeManifest, pk: string, level: number, reason: 'manual' | 'retry', at: Date): repo.NewTask {
    return { org, id: randomUUID(), kind: 'boefje', pluginId: m.id, pluginVersion: m.version, inputPk: pk, rawId: null, priority: PRIORITY[reason], reason, dedupKey: dedupKey('boefje', m.id, pk, null), inputLevel: level, createdAt: at };
  }

  /** Queues prepared tasks (the scheduler); `dispatch: false` inside an outbox listener. */
  queue(org: string, tasks: repo.NewTask[], dispatch: boolean): Promise<TaskInfo[]> {
    return this.insert(org, tasks, undefined, dispatch);
  }

  /**
   * Queues tasks that `run` inserts in one transaction (insertTasks below, or the scheduler's
   * set-based plan): it returns how many it inserted and at least the first EVENT_TASKS of them;
   * the event is recorded in the same transaction, then the outbox and the runner are woken.
   */
  async queueInserted<T extends { count: number; sample: readonly Pick<TaskInfo, 'id' | 'kind' | 'pluginId' | 'inputPk'>[] }>(
    org: string,
    run: (tx: Queryable) => Promise<T>,
    dispatch: boolean,
  ): Promise<T> {
    const r = await this.d.db.transaction(async (tx) => {
      const got = await run(tx);
      if (got.count > 0) {
        const tasks = got.sample.slice(0, EVENT_TASKS).map((t) => ({ id: t.id, kind: t.kind, pluginId: t.pluginId, status: 'queued', inputPk: t.inputPk }));
        await this.d.recordEvent(tx, { topic: 'tasks.changed', org, count: got.count, tasks });
      }
      return got;
    });
    if (r.count > 0) {
      if (dispatch) await this.d.afterCommit();
      this.d.onQueued?.();
    }
    return r;
  }

  private async insert(org: string, tasks: repo.NewTask[], onDuplicate?: (t: repo.NewTask) => void, dispatch = true): Promise<TaskInfo[]> {
    if (tasks.length === 0) return [];
    const { inserted, duplicates } = await this.queueInserted(
      org,
      async (tx) => {
        const r = await repo.insertTasks(tx, tasks);
        return { ...r, count: r.inserted.length, sample: r.inserted };
      },
      dispatch,
    );
    if (onDuplicate) for (const t of tasks) if (duplicates.has(t.dedupKey)) onDuplicate(t);
    return inserted;
  }
}

function concreteTypes(types: readonly string[]): string[] {
  return [...new Set(types.flatMap((t) => concreteSubtypes(t)))];
}
