/**
 * The scheduler: schedules (recurrences and triggers) turned into tasks, in one process, with the
 * database as the only queue. It wakes at the next due time (a timer armed for exactly then, not a
 * poll) and on events: objects created or updated, levels changed, a boefje enabled or its settings
 * changed, a raw file stored. A schedule on objects is planned by plan.ts: eligible boefje x object
 * pairs only, deduplicated against queued and running tasks, held back inside each boefje's grace
 * period (a manual scan ignores it). A schedule on raw files (runOn 'file' + a mime type) is
 * planned by plan-files.ts: normalizer x raw file pairs.
 *
 * Raw files: an organisation with file schedules (the default 'New raw files' row reads every file
 * with every enabled normalizer) has its new files read as those schedules say; one without any
 * (made without the default schedules) keeps the built-in rule, TaskService.queueNormalizers.
 */
import { randomUUID } from 'node:crypto';
import type { Clock } from '../common/clock';
import { AppError, isAppError } from '../common/errors';
import type { Logger } from '../common/logger';
import type { Database, Queryable } from '../db/database';
import type { KatEvent } from '../api/types';
import type { PlanSummary, Schedule, ScheduleOperation } from '../api/contracts/schedules';
import { concreteSubtypes, hasType, isSubtypeOf } from '../graph/model';
import type { PluginCatalogue } from '../plugins/catalogue';
import type { BoefjeManifest, NormalizerManifest } from '../plugins/manifest';
import { settingsHash } from '../plugins/settings-hash';
import { ERROR_MIME, type TaskService } from '../tasks/service';
import { compileInputFilter, filterPlugins, pluginAttributesOf } from './filter';
import * as fileRepo from './file-repository';
import { mimeMatches, parseMimePattern } from './mime';
import { FILTER_FIRST_PARAM, plan, type PlanBoefje, type PlanInput } from './plan';
import { planFiles } from './plan-files';
import * as repo from './repository';
import { describeRecurrence, gracePeriodMs, nextOccurrence, parseRecurrence, type Recurrence } from './time';
import { RUN_ON_FILE, validateSchedule, type ScheduleFields } from './validate';

export type { ScheduleFields } from './validate';

export interface SchedulerDeps {
  db: Database;
  clock: Clock;
  log: Logger;
  plugins: PluginCatalogue;
  tasks: TaskService;
  recordEvent: (q: Queryable, e: KatEvent) => Promise<void>;
  afterCommit: () => Promise<void>;
}

/**
 * The rows every organisation starts with (OpenKAT's behaviour): the daily re-scan, boefjes on new
 * hostnames, IP addresses, websites and web URLs (what DNS, nmap and the bits find gets scanned in
 * turn: the flywheel), and
 * every enabled normalizer reading every new raw file of a mime type it consumes.
 */
export const DEFAULT_SCHEDULES: readonly (ScheduleFields & { id: string })[] = [
  { id: 'default-daily', name: 'Daily re-scan', enabled: true, recurrence: 'FREQ=DAILY;BYHOUR=2;BYMINUTE=0', plugins: '', input: '', runOn: null, mimeType: null, operations: [] },
  { id: 'default-hostnames', name: 'New hostnames', enabled: true, recurrence: null, plugins: '', input: 'Hostname', runOn: 'Hostname', mimeType: null, operations: ['created', 'updated'] },
  { id: 'default-ip-addresses', name: 'New IP addresses', enabled: true, recurrence: null, plugins: '', input: 'IPAddress', runOn: 'IPAddress', mimeType: null, operations: ['created', 'updated'] },
  { id: 'default-websites', name: 'New websites', enabled: true, recurrence: null, plugins: '', input: 'Website', runOn: 'Website', mimeType: null, operations: ['created', 'updated'] },
  { id: 'default-web-urls', name: 'New web URLs', enabled: true, recurrence: null, plugins: '', input: 'WebURL', runOn: 'WebURL', mimeType: null, operations: ['created', 'updated'] },
  { id: 'default-raw-files', name: 'New raw files', enabled: true, recurrence: null, plugins: '', input: '', runOn: RUN_ON_FILE, mimeType: '*/*', operations: ['created'] },
];

/** The longest a timer waits before it looks again (clock changes, sleep). */
const MAX_SLEEP_MS = 60 * 60 * 1000;

export class SchedulerService {
  private timer: NodeJS.Timeout | undefined;
  private running = false;
  private readonly recurrences = new Map<string, Recurrence>();

  constructor(private readonly d: SchedulerDeps) {}

  // --- schedules ---

  async list(org: string): Promise<Schedule[]> {
    return (await repo.listSchedules(this.d.db, org)).map((r) => this.view(r));
  }

  async createDefaults(org: string): Promise<void> {
    const now = this.d.clock.now();
    for (const s of DEFAULT_SCHEDULES) await repo.upsertSchedule(this.d.db, { ...this.row(org, s.id, s, now, now, null), isDefault: true });
    this.arm();
  }

  async create(org: string, f: ScheduleFields): Promise<Schedule> {
    const now = this.d.clock.now();
    const row = await repo.upsertSchedule(this.d.db, this.row(org, randomUUID(), await this.validate(org, f), now, now, null));
    await this.changed(org, row.id, 'created');
    return this.view(row);
  }

  async update(org: string, id: string, patch: Partial<ScheduleFields>): Promise<Schedule> {
    const old = await this.require(org, id);
    const f = await this.validate(org, { ...old, ...Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined)) } as ScheduleFields);
    const row = await repo.upsertSchedule(this.d.db, { ...this.row(org, id, f, old.createdAt, this.d.clock.now(), old), isDefault: old.isDefault });
    this.recurrences.delete(`${org}/${id}`);
    await this.changed(org, id, 'updated');
    return this.view(row);
  }

  async remove(org: string, id: string): Promise<{ deleted: string }> {
    if (!(await repo.deleteSchedule(this.d.db, org, id))) throw new AppError('NOT_FOUND', `No schedule "${id}" in "${org}"`, { id });
    await this.changed(org, id, 'deleted');
    return { deleted: id };
  }

  /** What a stored or draft schedule would queue now. */
  async preview(org: string, s: { id?: string; draft?: ScheduleFields }): Promise<PlanSummary> {
    const f = s.draft ? await this.validate(org, s.draft) : await this.require(org, s.id ?? '');
    return this.evaluate(org, s.id ?? null, f, {}, 'preview');
  }

  async runNow(org: string, id: string): Promise<PlanSummary> {
    const s = await this.require(org, id);
    const summary = await this.execute(org, s, {}, true);
    await this.changed(org, id, 'ran');
    return summary;
  }

  async setInterval(org: string, pluginId: string, minutes: number | null): Promise<{ pluginId: string; intervalMinutes: number | null }> {
    const m = this.d.plugins.manifestOf(pluginId);
    if (m.kind !== 'boefje') throw new AppError('BAD_REQUEST', `"${pluginId}" is a normalizer; only boefjes have an interval`, { field: 'id' });
    await repo.setInterval(this.d.db, org, pluginId, minutes);
    return { pluginId, intervalMinutes: minutes };
  }

  // --- the engine ---

  /** Starts the timer for the next due schedule. */
  start(): void {
    this.running = true;
    this.arm();
  }

  stop(): void {
    this.running = false;
    clearTimeout(this.timer);
  }

  /** Runs every recurring schedule that is due now; returns how many tasks were queued. */
  async tick(): Promise<number> {
    const now = this.d.clock.now();
    let queued = 0;
    for (const s of await repo.dueSchedules(this.d.db, now)) {
      try {
        queued += (await this.execute(s.org, s, {}, true)).queued;
        await this.changed(s.org, s.id, 'ran', false);
      } catch (e) {
        this.d.log.error('a schedule failed to run', { org: s.org, schedule: s.id, error: e instanceof Error ? e.message : String(e) });
        await repo.recordRun(this.d.db, s.org, s.id, now, this.nextRun(s, now), { queued: 0, byPlugin: [], skipped: { grace: 0, level: 0, active: 0, settings: 0 }, text: `failed: ${e instanceof Error ? e.message : String(e)}` });
      }
    }
    this.arm();
    return queued;
  }

  /** Outbox listener (it must not wait for dispatch: the tasks it queues are dispatched by the running loop). */
  readonly onEvent = async (e: KatEvent): Promise<void> => {
    if (e.topic === 'objects.changed') {
      await this.onObjects(e.org, [
        ['created', e.created],
        ['updated', e.updated],
      ]);
    } else if (e.topic === 'levels.changed') {
      // a level that rose is what makes an object scannable: it counts as an update
      await this.onObjects(e.org, [['updated', e.truncated ? null : e.pks]]);
    } else if (e.topic === 'plugins.changed' && (e.change === 'enabled' || e.change === 'settings')) {
      // a newly enabled boefje (or one with new settings) gets tasks for everything it may scan;
      // a newly enabled normalizer reads the files stored from now on (Run now re-reads stored ones)
      for (const s of await repo.listSchedules(this.d.db, e.org, true)) if (s.runOn !== RUN_ON_FILE) await this.execute(e.org, s, { pluginId: e.pluginId }, false);
    } else if (e.topic === 'raw.stored') {
      await this.onRawStored(e.org, e.rawId, e.mimeTypes);
    }
  };

  /** A raw file was stored: the file schedules whose mime type it has (or the built-in rule without any). */
  private async onRawStored(org: string, rawId: string, mimeTypes: readonly string[]): Promise<void> {
    if (mimeTypes.some((m) => ERROR_MIME.test(m))) return;
    const fileSchedules = (await repo.listSchedules(this.d.db, org)).filter((s) => s.runOn === RUN_ON_FILE);
    if (fileSchedules.length === 0) {
      await this.d.tasks.queueNormalizers(org, rawId, mimeTypes, false);
      return;
    }
    for (const s of fileSchedules) {
      if (!s.enabled || !s.operations.includes('created') || !s.mimeType) continue;
      const pattern = parseMimePattern(s.mimeType);
      if (mimeTypes.some((m) => mimeMatches(pattern, m))) await this.execute(org, s, { rawIds: [rawId] }, false, false);
    }
  }

  private async onObjects(org: string, changes: [ScheduleOperation, string[] | null][]): Promise<void> {
    const schedules = (await repo.listSchedules(this.d.db, org, true)).filter((s) => s.runOn && s.runOn !== RUN_ON_FILE);
    for (const s of schedules) {
      const pks = new Set<string>();
      let all = false;
      for (const [op, list] of changes) {
        if (!s.operations.includes(op)) continue;
        if (list === null) all = true;
        else for (const pk of list) if (isSubtypeOf(pk.slice(0, pk.indexOf('|')), s.runOn!)) pks.add(pk);
      }
      if (all || pks.size > 0) await this.execute(org, s, { pks: all ? null : [...pks], runOnOnly: true }, false, false);
    }
  }

  /** Plans and queues one run of a schedule; records it on the schedule when `record`. */
  private async execute(org: string, s: ScheduleFields & { id: string; recurrence: string | null }, scope: Scope, dispatch: boolean, record = true): Promise<PlanSummary> {
    const summary = await this.evaluate(org, s.id, s, scope, dispatch);
    if (record && !scope.pluginId) await repo.recordRun(this.d.db, org, s.id, this.d.clock.now(), this.nextRun(s, this.d.clock.now()), summary);
    return summary;
  }

  /** What one run of a schedule queues; it queues it unless `dispatch` is 'preview'. */
  private async evaluate(org: string, id: string | null, s: ScheduleFields, scope: Scope, dispatch: boolean | 'preview'): Promise<PlanSummary> {
    if (s.runOn === RUN_ON_FILE) return this.evaluateFiles(org, id, s, scope, dispatch);
    const summaries = (await this.d.plugins.list(org, { kind: 'boefje', enabled: true })).filter((p) => !p.broken && (!scope.pluginId || p.id === scope.pluginId));
    const ready = summaries.filter((p) => p.missingSettings.length === 0);
    const chosen = filterPlugins(s.plugins, ready.map((p) => ({ ...pluginAttributesOf(p), summary: p })));
    const intervals = await repo.intervals(this.d.db, org);
    const boefjes: PlanBoefje[] = [];
    for (const c of chosen) {
      const manifest = this.d.plugins.find(c.id)?.manifest as BoefjeManifest | undefined;
      if (!manifest) continue;
      const types = [...new Set(manifest.consumes.flatMap((t) => concreteSubtypes(t)))];
      boefjes.push({ manifest, types, graceMs: gracePeriodMs(intervals.get(c.id) ?? null), settingsHash: settingsHash(await this.d.plugins.effectiveSettings(org, c.id)) });
    }
    let types = [...new Set(boefjes.flatMap((b) => b.types))];
    if (scope.runOnOnly && s.runOn) types = types.filter((t) => isSubtypeOf(t, s.runOn!));
    const input: PlanInput = {
      org,
      now: this.d.clock.now(),
      scheduleId: id,
      boefjes,
      types,
      pks: scope.pks ?? null,
      filter: s.input.trim() ? compileInputFilter(s.input, FILTER_FIRST_PARAM) : null,
    };
    const { summary } =
      dispatch === 'preview'
        ? await this.d.db.transaction((tx) => plan(tx, input, 'preview'))
        : await this.d.tasks.queueInserted(org, async (tx) => {
            const r = await plan(tx, input, 'queue');
            return { ...r, count: r.summary.queued };
          }, dispatch);
    summary.skipped.settings = summaries.length - ready.length;
    return summary;
  }

  /** A run of a schedule on raw files: the selected enabled normalizers over the stored (or just stored) files of its mime type. */
  private async evaluateFiles(org: string, id: string | null, s: ScheduleFields, scope: Scope, dispatch: boolean | 'preview'): Promise<PlanSummary> {
    const pattern = parseMimePattern(s.mimeType ?? '');
    const summaries = (await this.d.plugins.list(org, { kind: 'normalizer', enabled: true })).filter((p) => !p.broken);
    const chosen = filterPlugins(s.plugins, summaries.map(pluginAttributesOf));
    const normalizers = chosen.map((c) => this.d.plugins.find(c.id)?.manifest).filter((m): m is NormalizerManifest => m?.kind === 'normalizer');
    const files = normalizers.length ? await fileRepo.candidateFiles(this.d.db, org, pattern, scope.rawIds ?? null) : [];
    const runs = await fileRepo.normalizerRunsOf(this.d.db, org, normalizers.map((n) => n.id), files.map((f) => f.id));
    const { tasks, summary } = planFiles({ org, now: this.d.clock.now(), scheduleId: id, pattern, normalizers, files, lastVersion: runs.lastVersion, active: runs.active, trigger: !!scope.rawIds });
    if (dispatch !== 'preview' && tasks.length) await this.d.tasks.queue(org, tasks, dispatch);
    return summary;
  }

  // --- helpers ---

  /** Tells subscribers (the renderer) and re-arms the timer. Not for outbox listeners. */
  private async changed(org: string, id: string, change: 'created' | 'updated' | 'deleted' | 'ran', arm = true): Promise<void> {
    await this.d.recordEvent(this.d.db, { topic: 'schedules.changed', org, id, change });
    await this.d.afterCommit();
    if (arm) this.arm();
  }

  private async validate(org: string, f: ScheduleFields): Promise<ScheduleFields> {
    const catalogue = (await this.d.plugins.list(org)).map(pluginAttributesOf);
    return validateSchedule({ ...f, mimeType: f.mimeType ?? null }, catalogue);
  }

  private row(org: string, id: string, f: ScheduleFields, createdAt: Date, updatedAt: Date, old: repo.ScheduleRow | null): repo.ScheduleRow {
    return {
      org,
      id,
      ...f,
      isDefault: false,
      createdAt,
      updatedAt,
      lastRunAt: old?.lastRunAt ?? null,
      nextRunAt: f.recurrence && f.enabled ? nextOccurrence(parseRecurrence(f.recurrence), updatedAt) : null,
      lastResult: old?.lastResult ?? null,
    };
  }

  private nextRun(s: { recurrence: string | null; enabled: boolean } & { org?: string; id?: string }, after: Date): Date | null {
    if (!s.recurrence || !s.enabled) return null;
    return nextOccurrence(parseRecurrence(s.recurrence), after);
  }

  private view(r: repo.ScheduleRow): Schedule {
    let text: string | null = null;
    if (r.recurrence) {
      const key = `${r.org}/${r.id}`;
      let rec = this.recurrences.get(key);
      if (!rec) this.recurrences.set(key, (rec = parseRecurrence(r.recurrence)));
      text = describeRecurrence(rec, { utc: true });
    }
    return repo.toSchedule(r, text);
  }

  private async require(org: string, id: string): Promise<repo.ScheduleRow> {
    const s = await repo.getSchedule(this.d.db, org, id);
    if (!s) throw new AppError('NOT_FOUND', `No schedule "${id}" in "${org}"`, { id });
    return s;
  }

  /** Sleeps until the next due schedule (at most an hour, then looks again). */
  private arm(): void {
    if (!this.running) return;
    clearTimeout(this.timer);
    void repo.nextDue(this.d.db).then(
      (next) => {
        if (!this.running) return;
        const wait = next ? Math.max(0, next.getTime() - this.d.clock.now().getTime()) : MAX_SLEEP_MS;
        this.timer = setTimeout(() => void this.tick().catch((e: unknown) => this.d.log.error('scheduler tick failed', { error: String(e) })), Math.min(wait, MAX_SLEEP_MS));
        this.timer.unref?.();
      },
      (e: unknown) => this.d.log.error('scheduler could not read its schedules', { error: String(e) }),
    );
  }
}

interface Scope {
  /** only these objects (events) */
  pks?: string[] | null;
  /** only this boefje (it was just enabled or configured) */
  pluginId?: string;
  /** only objects of the schedule's runOn type */
  runOnOnly?: boolean;
  /** a schedule on raw files: only these (just stored) files */
  rawIds?: string[];
}
