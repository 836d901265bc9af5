/**
 * Executes queued tasks: boefjes in containers (through a ContainerRuntime), normalizers in
 * process. Two lanes with their own concurrency, so parsing never waits behind slow scans.
 *
 * Scan safety: right before a boefje's container starts, the plugin must still be enabled, the
 * object must still exist and its CURRENT level must be at least the boefje's level; otherwise the
 * task is cancelled with the reason and no container is started.
 *
 * Multi-input boefjes (manifest `multiInput: true`): the runner claims up to `maxInputs` queued
 * tasks of the boefje in one organisation together and starts ONE container for them. The check
 * above is made for every input; an input that fails it is cancelled and left out of the container
 * (boefje-input.ts, BoefjeBatchInput). The output is split back per task (batch.ts), so every task
 * keeps its own status, logs and raw files and the normalizers run once per input object.
 */
import type { OOI } from '../graph/model';
import { join } from 'node:path';
import type { Clock } from '../common/clock';
import { AppError, isAppError, type ErrorPayload } from '../common/errors';
import type { Logger } from '../common/logger';
import type { Database, Queryable } from '../db/database';
import type { KatEvent } from '../api/types';
import type { TaskInfo, TaskKind } from '../api/contracts/scans';
import type { GraphService } from '../core/graph-service';
import type { PluginCatalogue } from '../plugins/catalogue';
import { MIME_TYPE, type BoefjeManifest, type NormalizerManifest } from '../plugins/manifest';
import type { RawFiles } from '../rawstore/raw-files';
import * as levelsRepo from '../levels/repository';
import { runNormalizer } from '../normalizers/run';
import type { TaskService } from '../tasks/service';
import { taskEvent } from '../tasks/service';
import * as repo from '../tasks/repository';
import type { TaskEnd } from '../tasks/repository';
import { boefjeBatchInput, boefjeInput, hostnamesOf } from './boefje-input';
import { splitBatchOutput } from './batch';
import type { OutputFile, RunResult } from './container';
import { settingsHash } from '../plugins/settings-hash';
import { isRunnerError } from './errors';
import type { ContainerRuntime } from './runtime';

export interface TaskRunnerOptions {
  /** boefje containers at once (default 2) */
  concurrency?: number;
  /** normalizer tasks at once (default 1: they are CPU-bound in this process) */
  normalizerConcurrency?: number;
}

export interface TaskRunnerDeps {
  db: Database;
  clock: Clock;
  log: Logger;
  tasks: TaskService;
  plugins: PluginCatalogue;
  raw: RawFiles;
  graph: GraphService;
  runtime: ContainerRuntime;
  recordEvent: (q: Queryable, e: KatEvent) => Promise<void>;
  afterCommit: () => Promise<void>;
}

/** One container (a boefje run, for one task or a multi-input batch) or one normalizer task. */
interface Running {
  kind: TaskKind;
  tasks: TaskInfo[];
  /** ids of the tasks that are still part of the run (not cancelled or left out at the check) */
  live: Set<string>;
  abort: AbortController;
  done: Promise<void>;
}

/** An input that passed the check right before the container start. */
interface Checked {
  task: TaskInfo;
  object: { pk: string; type: string; data: Record<string, unknown> };
  level: number;
}

const LOG_KEEP = 64 * 1024;
/** More output files than this from one run is treated as hostile. */
const MAX_FILES = 100;

export class TaskRunner {
  private readonly running = new Map<string, Running>();
  private readonly limits: Record<TaskKind, number>;
  private started = false;
  private stopped = false;
  private pumping: Promise<void> | null = null;
  private again = false;
  private idleWaiters: (() => void)[] = [];

  constructor(
    private readonly d: TaskRunnerDeps,
    opts: TaskRunnerOptions = {},
  ) {
    this.limits = { boefje: Math.max(1, opts.concurrency ?? 2), normalizer: Math.max(1, opts.normalizerConcurrency ?? 1) };
    d.tasks.setRunnerHooks({ onQueued: () => this.wake(), onCancelRunning: (org, id) => this.cancelRunning(org, id) });
  }

  /** Re-queues what a crash left running, then starts working. */
  async start(): Promise<void> {
    if (this.started) return;
    this.started = true;
    const requeued = await this.d.db.transaction(async (tx) => {
      const r = await repo.requeueRunning(tx);
      const byOrg = new Map<string, TaskInfo[]>();
      for (const t of r) byOrg.set(t.org, [...(byOrg.get(t.org) ?? []), t]);
      for (const [org, ts] of byOrg) await this.d.recordEvent(tx, taskEvent(org, ts));
      return r;
    });
    if (requeued.length) {
      this.d.log.info('re-queued tasks left running by an earlier run', { count: requeued.length });
      await this.d.afterCommit();
    }
    this.wake();
  }

  /** Looks for work (called when tasks are queued, a task ends, or the engine came back). */
  wake(): void {
    if (!this.started || this.stopped) return;
    if (this.pumping) {
      this.again = true;
      return;
    }
    this.pumping = this.pump().finally(() => {
      this.pumping = null;
      this.checkIdle();
    });
  }

  /** Resolves when nothing is running and nothing runnable is queued (tests, benchmarks). */
  async idle(): Promise<void> {
    for (;;) {
      if (this.pumping) await this.pumping;
      if (this.running.size > 0) {
        await Promise.all(this.runs().map((r) => r.done));
        continue;
      }
      if (this.pumping) continue;
      const runnable = (await repo.countQueued(this.d.db, 'normalizer')) + ((await this.d.runtime.status()).available ? await repo.countQueued(this.d.db, 'boefje') : 0);
      if (runnable === 0 || this.stopped) return;
      this.wake();
      await new Promise<void>((r) => this.idleWaiters.push(r));
    }
  }

  /** Stops taking work and kills running containers (their tasks go back to the queue at next start). */
  async stop(): Promise<void> {
    this.stopped = true;
    if (this.pumping) await this.pumping.catch(() => undefined);
    for (const r of this.runs()) r.abort.abort();
    await Promise.allSettled(this.runs().map((r) => r.done));
  }

  /**
   * Cancels a running task. A task of a multi-input run leaves the run (false: the caller ends it
   * now, and its part of the output is dropped); the container is killed only when no task is left.
   */
  private cancelRunning(org: string, id: string): boolean {
    const r = this.running.get(`${org}/${id}`);
    if (!r || !r.live.has(id)) return false;
    if (r.live.size > 1) {
      r.live.delete(id);
      return false;
    }
    // the last task of the run: the container is killed and the run ends the task as cancelled
    r.abort.abort();
    return true;
  }

  /** The runs in progress (a multi-input run is in `running` once per task). */
  private runs(): Running[] {
    return [...new Set(this.running.values())];
  }

  private checkIdle(): void {
    if (this.running.size === 0 && !this.pumping) {
      const w = this.idleWaiters;
      this.idleWaiters = [];
      for (const r of w) r();
    }
  }

  private count(kind: TaskKind): number {
    return this.runs().filter((r) => r.kind === kind).length;
  }

  private async pump(): Promise<void> {
    do {
      this.again = false;
      try {
        await this.fill('normalizer');
        if ((await this.d.runtime.status()).available) await this.fill('boefje');
      } catch (e) {
        this.d.log.error('the task runner could not claim work', { error: e instanceof Error ? e.message : String(e) });
      }
    } while (this.again && !this.stopped);
  }

  private async fill(kind: TaskKind): Promise<void> {
    while (!this.stopped && this.count(kind) < this.limits[kind]) {
      const tasks = await this.d.db.transaction(async (tx) => {
        const at = this.d.clock.now();
        const t = await repo.claimNext(tx, kind, at);
        if (!t) return undefined;
        // a multi-input boefje takes more of its queued tasks in this organisation into the same run
        const m = kind === 'boefje' ? this.d.plugins.find(t.pluginId)?.manifest : undefined;
        const more = m?.kind === 'boefje' && m.multiInput ? await repo.claimMore(tx, t.org, t.pluginId, at, m.maxInputs - 1) : [];
        await this.d.recordEvent(tx, taskEvent(t.org, [t, ...more]));
        return [t, ...more];
      });
      if (!tasks) return;
      await this.d.afterCommit();
      this.launch(kind, tasks);
    }
  }

  private launch(kind: TaskKind, tasks: TaskInfo[]): void {
    const r: Running = { kind, tasks, live: new Set(tasks.map((t) => t.id)), abort: new AbortController(), done: Promise.resolve() };
    const keys = tasks.map((t) => `${t.org}/${t.id}`);
    for (const k of keys) this.running.set(k, r);
    const work = kind === 'boefje' ? this.runBoefje(r) : this.runNormalizer(tasks[0]!);
    r.done = work
      .catch((e: unknown) => this.d.log.error('task crashed', { tasks: tasks.map((t) => t.id), error: e instanceof Error ? e.message : String(e) }))
      .finally(() => {
        for (const k of keys) this.running.delete(k);
        this.wake();
        this.checkIdle();
      });
  }

  private async finish(t: TaskInfo, e: Omit<TaskEnd, 'endedAt'>): Promise<void> {
    try {
      await this.d.tasks.end(t.org, t.id, { ...e, endedAt: this.d.clock.now() });
    } catch (err) {
      if (!(isAppError(err) && err.code === 'CONFLICT')) throw err;
    }
  }

  /** hostname name -> the addresses its ResolvedHostname objects link it to (for boefje-input.ts). */
  private async knownAddresses(org: string, object: OOI): Promise<Record<string, string[]> | undefined> {
    const hosts = hostnamesOf(object);
    if (hosts.length === 0) return undefined;
    const res = await this.d.db.query<{ name: string; address: string }>(
      `SELECT h.data->>'name' AS name, a.data->>'address' AS address
         FROM objects r
         JOIN objects h ON h.org = r.org AND h.pk = r.data->>'hostname'
         JOIN objects a ON a.org = r.org AND a.pk = r.data->>'address'
        WHERE r.org = $1 AND r.type = 'ResolvedHostname' AND r.data->>'hostname' = ANY($2::text[])
        ORDER BY 1, 2`,
      [org, hosts],
    );
    const out: Record<string, string[]> = {};
    for (const row of res.rows) (out[row.name] ??= []).push(row.address);
    return res.rows.length > 0 ? out : undefined;
  }

  private async runBoefje(r: Running): Promise<void> {
    const first = r.tasks[0]!;
    const plugin = this.d.plugins.find(first.pluginId);
    const m = plugin?.manifest?.kind === 'boefje' ? (plugin.manifest as BoefjeManifest) : undefined;
    if (!plugin || !m) return this.finishAll(r.tasks, { status: 'failed', error: { code: 'PLUGIN_BROKEN', message: `${first.pluginId} is missing or has an invalid manifest` } });
    // --- the check right before the container starts, for every input ---
    if (!(await this.d.plugins.isEnabled(first.org, m.id))) {
      return this.finishAll(r.tasks, { status: 'cancelled', error: { code: 'PLUGIN_DISABLED', message: `${m.id} was disabled before the task ran` } });
    }
    const live = await this.checkInputs(r, m);
    if (live.length === 0) return;
    const settings = await this.d.plugins.effectiveSettings(first.org, m.id);
    const hash = settingsHash(settings);
    for (const x of live) await repo.setStartFacts(this.d.db, x.task.org, x.task.id, x.level, hash);
    const input = m.multiInput
      ? boefjeBatchInput({ boefjeId: m.id, version: m.version, settings, inputs: live.map((x) => ({ taskId: x.task.id, object: x.object })) })
      : boefjeInput({
          taskId: live[0]!.task.id,
          boefjeId: m.id,
          version: m.version,
          object: live[0]!.object,
          settings,
          addresses: await this.knownAddresses(first.org, live[0]!.object),
        });
    const startedAt = this.d.clock.now();
    let result: RunResult;
    try {
      result = await this.d.runtime.run({
        pluginId: m.id,
        version: m.version,
        contextDir: join(plugin.dir, m.image.context),
        containerfile: m.image.containerfile,
        buildArgs: m.image.args,
        cmd: m.arguments,
        input,
        limits: m.limits,
        capAdd: m.capabilities,
        defaultMimeTypes: m.produces,
        labels: { 'org.kattegat.task': live[0]!.task.id, 'org.kattegat.org': first.org, 'org.kattegat.inputs': String(live.length) },
        signal: r.abort.signal,
      });
    } catch (e) {
      const error: ErrorPayload = isRunnerError(e) ? e.toJSON() : isAppError(e) ? e.toJSON() : { code: 'RUN_FAILED', message: e instanceof Error ? e.message : String(e) };
      const log = typeof error.details?.log === 'string' ? (error.details.log as string) : '';
      for (const x of live) await this.finish(x.task, { status: error.code === 'CANCELLED' ? 'cancelled' : 'failed', error, stderr: tail(log), inputLevel: x.level });
      return;
    }
    const endedAt = this.d.clock.now();
    let outputs: Map<string, OutputFile[]>;
    let stderr = result.stderr;
    if (m.multiInput) {
      const split = splitBatchOutput(result.files, live.map((x) => x.task.id));
      outputs = split.byTask;
      if (split.stray.length) stderr += `\n[kattegat] dropped ${split.stray.length} output file(s) outside an input's folder: ${split.stray.slice(0, 10).join(', ')}`;
    } else {
      outputs = new Map([[live[0]!.task.id, result.files]]);
    }
    for (const x of live) {
      // a task cancelled while the container ran has already ended: its part of the output is dropped
      if (!r.live.has(x.task.id)) continue;
      await this.store(x, m, { ...result, stderr }, outputs.get(x.task.id) ?? [], startedAt, endedAt);
    }
  }

  /** Per input: the object must still exist at (at least) the boefje's level; otherwise the task is cancelled now. */
  private async checkInputs(r: Running, m: BoefjeManifest): Promise<Checked[]> {
    const org = r.tasks[0]!.org;
    const pks = r.tasks.map((t) => t.inputPk!);
    const objects = await repo.currentObjects(this.d.db, org, pks);
    const levels = new Map((await levelsRepo.profilesOf(this.d.db, org, pks)).map((p) => [p.pk, p.level]));
    const live: Checked[] = [];
    for (const t of r.tasks) {
      const object = objects.get(t.inputPk!);
      const level = levels.get(t.inputPk!) ?? 0;
      if (!object) {
        r.live.delete(t.id);
        await this.finish(t, { status: 'cancelled', error: { code: 'NOT_FOUND', message: 'the object was deleted before the task ran' } });
      } else if (level < m.scan_level) {
        r.live.delete(t.id);
        const error: ErrorPayload = { code: 'NOT_ELIGIBLE', message: `the object is at L${level}; ${m.id} needs L${m.scan_level}`, details: { level, scanLevel: m.scan_level } };
        await this.finish(t, { status: 'cancelled', error, inputLevel: level });
      } else live.push({ task: t, object, level });
    }
    return live;
  }

  /** One task's end after its container ran: its files as raw files, or why it failed. */
  private async store(x: Checked, m: BoefjeManifest, result: RunResult, files: OutputFile[], startedAt: Date, endedAt: Date): Promise<void> {
    const t = x.task;
    const logs = { stdout: tail(result.stdout), stderr: tail(result.stderr), exitCode: result.exitCode, inputLevel: x.level };
    const base = { org: t.org, source: 'boefje' as const, taskId: t.id, inputPk: x.object.pk, pluginId: m.id, startedAt, endedAt };
    let error: ErrorPayload | undefined = result.error;
    if (!error && result.exitCode !== 0) error = { code: 'BOEFJE_FAILED', message: `${m.id} exited with code ${result.exitCode}${firstLine(result.stderr)}`, details: { exitCode: result.exitCode } };
    if (error) {
      // what went wrong is kept as a raw file too (tagged error/boefje, never normalized)
      if (result.stderr) await this.d.raw.save({ ...base, bytes: Buffer.from(result.stderr), mimeTypes: ['error/boefje', `boefje/${m.id}`], fileName: 'stderr.txt' });
      return this.finish(t, { status: error.code === 'CANCELLED' ? 'cancelled' : 'failed', error, ...logs, outputCount: 0 });
    }
    // a container's output is hostile input: at most MAX_FILES files per input, mime types of the right form only
    if (files.length > MAX_FILES) {
      const error: ErrorPayload = { code: 'BOEFJE_FAILED', message: `${m.id} returned ${files.length} files; at most ${MAX_FILES} are accepted`, details: { files: files.length } };
      return this.finish(t, { status: 'failed', error, ...logs, outputCount: 0 });
    }
    for (const f of files) {
      const tags = f.mimeTypes.filter((mt) => typeof mt === 'string' && mt.length <= 200 && MIME_TYPE.test(mt)).slice(0, 20);
      await this.d.raw.save({ ...base, bytes: f.content, mimeTypes: [...new Set([...tags, `boefje/${m.id}`])], fileName: f.name.slice(-255) });
    }
    return this.finish(t, { status: 'completed', ...logs, outputCount: files.length });
  }

  private async finishAll(tasks: readonly TaskInfo[], e: Omit<TaskEnd, 'endedAt'>): Promise<void> {
    for (const t of tasks) await this.finish(t, e);
  }

  private async runNormalizer(t: TaskInfo): Promise<void> {
    const m = this.d.plugins.find(t.pluginId)?.manifest;
    if (!m || m.kind !== 'normalizer') return this.finish(t, { status: 'failed', error: { code: 'PLUGIN_BROKEN', message: `${t.pluginId} is missing or has an invalid manifest` } });
    if (!(await this.d.plugins.isEnabled(t.org, m.id))) {
      return this.finish(t, { status: 'cancelled', error: { code: 'PLUGIN_DISABLED', message: `${m.id} was disabled before the task ran` } });
    }
    try {
      const { file, bytes } = await this.d.raw.read(t.org, t.rawId!);
      const input = file.inputPk ? await repo.currentObject(this.d.db, t.org, file.inputPk) : null;
      if (file.inputPk && !input) throw new AppError('ORIGIN_SOURCE_MISSING', `The object ${file.inputPk} this file is about no longer exists`, { pk: file.inputPk });
      const objects = runNormalizer(m as NormalizerManifest, { raw: bytes, mimeTypes: file.mimeTypes, input: input ?? null });
      const change = file.inputPk
        ? await this.d.graph.saveOrigins(t.org, [
            { kind: 'observation', method: m.id, sourceMethod: file.pluginId ?? undefined, source: file.inputPk, taskId: t.id, results: objects },
          ])
        : await this.d.graph.saveOrigins(
            t.org,
            objects.map((o) => ({ kind: 'declaration' as const, method: `upload:${m.id}`, source: o.pk, taskId: t.id, results: [o] })),
          );
      const cap = (xs: string[]) => xs.slice(0, 1000);
      await this.finish(t, {
        status: 'completed',
        outputCount: objects.length,
        produced: { objects: cap(objects.map((o) => o.pk)), created: cap(change.created), updated: cap(change.updated), deleted: cap(change.deleted) },
      });
    } catch (e) {
      const error: ErrorPayload = isAppError(e) ? e.toJSON() : { code: 'NORMALIZER_FAILED', message: e instanceof Error ? e.message : String(e) };
      await this.finish(t, { status: 'failed', error, outputCount: 0 });
    }
  }
}

function tail(s: string): string {
  return s.length > LOG_KEEP ? s.slice(s.length - LOG_KEEP) : s;
}

function firstLine(stderr: string): string {
  const l = stderr.trim().split('\n').pop()?.trim();
  return l ? `: ${l.slice(0, 300)}` : '';
}
