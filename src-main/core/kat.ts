import { systemClock, type Clock } from '../common/clock';
import { AppError } from '../common/errors';
import { createLogger, type Logger } from '../common/logger';
import { openDatabase, type Database, type Queryable } from '../db/database';
import { createDispatch, type CallContext, type Dispatch } from '../api/dispatch';
import type { KatEvent } from '../api/types';
import { Outbox, type EventListener } from './outbox';
import { GraphService } from './graph-service';
import { createHandlers } from './handlers/index';
import type { KatApi } from './kat-api';
// plugins + raw files (issue 3)
import { PluginCatalogue } from '../plugins/catalogue';
import { defaultPluginsDir } from '../plugins/loader';
import { secretBoxFor } from '../plugins/secrets';
import { RawFiles } from '../rawstore/raw-files';
import { createRawStore, rawStoreConfigFor, type RawStoreConfig } from '../rawstore/config';
// scan levels (issue 3)
import { LevelService } from '../levels/service';
// tasks and the runner (issue 3)
import { TaskService } from '../tasks/service';
import { TaskRunner, type TaskRunnerOptions } from '../runner/task-runner';
import { DockerRuntime, NoRuntime, type ContainerRuntime } from '../runner/runtime';
import type { EngineLocateOptions } from '../runner/engine';
// the scheduler (issue 4)
import { SchedulerService } from '../scheduler/service';
// bits (issue 5)
import { BitEngine } from '../bits/engine';
import type { BitFn } from '../bits/types';
import { findingTypeMetadata } from '../findings/catalogue';
// findings (issue 5)
import { MuteService } from '../findings/mutes';
// reports (issue 7)
import { ReportService } from '../reports/service';
import { ReportRecipeService } from '../reports/recipes';
import { ChromiumPrinter, type PdfPrinter } from '../reports/pdf';

export interface KatOptions {
  /** 'memory://' or a directory for the database */
  data: string;
  clock?: Clock;
  host?: CallContext['host'];
  logger?: Logger;
  /** an already opened database (tests reuse a template) */
  database?: Database;
  /** in-process listeners registered before undispatched events are replayed */
  listeners?: EventListener[];
  /** plugin folder (default: the repository's plugins/) */
  pluginsDir?: string;
  /** raw file backend (default: memory for memory://, else <data>/raw-files, or S3 from KAT_RAW_STORE=s3) */
  rawStore?: RawStoreConfig;
  /**
   * The container engine for boefjes: where to find it (default: DOCKER_HOST, /var/run/docker.sock,
   * podman's sockets), false for a core that never scans, or a runtime (tests).
   */
  engine?: EngineLocateOptions | false | ContainerRuntime;
  /** runner concurrency; start: false leaves queued tasks alone (default true) */
  runner?: TaskRunnerOptions & { start?: boolean };
  /**
   * The scheduler: start: false leaves the timer off (tests call tick()); defaults: false creates
   * no default schedules with new organisations (default true).
   */
  scheduler?: { start?: boolean; defaults?: boolean };
  /** finding-type metadata written as affirmations (default: the bundled catalogue) */
  findingTypeMetadata?: (findingTypePk: string) => Record<string, unknown> | null;
  /**
   * Bits: false leaves inference off (the engine exists but does not listen; bits.run still works),
   * code replaces the registry's functions (tests with fixture bits). Default: on.
   */
  bits?: false | { code?: (id: string) => BitFn | undefined };
  /** the sweeper of expired mutes: start: false leaves its timer off (tests call mutes.sweep()) */
  mutes?: { start?: boolean };
  /**
   * Reports: printer prints PDFs (default: Chromium via playwright-core, launched on first use;
   * false: none); recipes.start: false leaves the recipe timer off (tests call reportRecipes.tick()).
   */
  reports?: { printer?: PdfPrinter | false; recipes?: { start?: boolean } };
}

/** The core, wired: database, graph services, event outbox and the contract's handlers. */
export interface Kat extends KatApi {
  readonly db: Database;
  readonly graph: GraphService;
  readonly outbox: Outbox;
  readonly clock: Clock;
  readonly dispatch: Dispatch;
  readonly plugins: PluginCatalogue;
  readonly raw: RawFiles;
  readonly tasks: TaskService;
  readonly runner: TaskRunner;
  readonly runtime: ContainerRuntime;
  readonly scheduler: SchedulerService;
  readonly bits: BitEngine;
  readonly mutes: MuteService;
  readonly reports: ReportService;
  readonly reportRecipes: ReportRecipeService;
}

export async function createKat(opts: KatOptions): Promise<Kat> {
  const log = opts.logger ?? createLogger('core');
  const clock = opts.clock ?? systemClock;
  const db = opts.database ?? (await openDatabase(opts.data));
  const outbox = new Outbox(db, log);
  const graph = new GraphService(db, clock, outbox);
  const defaultHost = opts.host ?? 'in-process';
  // --- plugins + raw files (issue 3): the catalogue and the raw store ---
  const events = { recordEvent: (q: Queryable, e: KatEvent) => Outbox.record(q, e, clock.now()), afterCommit: () => outbox.dispatch() };
  const plugins = new PluginCatalogue(opts.pluginsDir ?? defaultPluginsDir(), { db, clock, log, secrets: secretBoxFor(db.location), ...events });
  const raw = new RawFiles({ db, clock, store: createRawStore(opts.rawStore ?? rawStoreConfigFor(db.location)), ...events });
  // --- end plugins + raw files ---
  // --- scan levels (issue 3): recalculated incrementally after every graph change ---
  const levels = new LevelService(db, clock, outbox, log);
  outbox.subscribe(levels.onEvent);
  // --- end scan levels ---
  // --- tasks and the runner (issue 3): raw files trigger normalizers, level drops clean the queue ---
  const runtime = runtimeFor(opts.engine, clock);
  const tasks = new TaskService({ db, clock, plugins, raw, ...events });
  outbox.subscribe(tasks.onEvent);
  const runner = new TaskRunner({ db, clock, log, tasks, plugins, raw, graph, runtime, ...events }, opts.runner);
  // --- end tasks ---
  // --- the scheduler (issue 4): recurrences and triggers become tasks ---
  const scheduler = new SchedulerService({ db, clock, log, plugins, tasks, ...events });
  outbox.subscribe(scheduler.onEvent);
  const onOrgCreated = opts.scheduler?.defaults === false ? undefined : (org: string) => scheduler.createDefaults(org);
  // --- end scheduler ---
  // --- bits (issue 5): inference after every change, settled before the change's call returns ---
  const bits = new BitEngine({
    db,
    graph,
    plugins,
    clock,
    log,
    findingTypeMetadata: opts.findingTypeMetadata ?? findingTypeMetadata,
    code: opts.bits ? opts.bits.code : undefined,
  });
  if (opts.bits !== false) outbox.subscribe(bits.onEvent);
  // --- end bits ---
  // --- findings (issue 5): mutes, and the sweeper that lifts expired ones at their expiry ---
  const mutes = new MuteService({ db, graph, clock, log });
  outbox.subscribe(mutes.onEvent);
  // --- end findings ---
  // --- reports (issue 7): made as of a valid time, stored as made; recipes make them on a recurrence ---
  const printer = opts.reports?.printer === false ? undefined : (opts.reports?.printer ?? new ChromiumPrinter());
  const reports = new ReportService({ db, clock, log, plugins, printer, txNow: () => graph.nextTxTime(), ...events });
  const reportRecipes = new ReportRecipeService({ db, clock, log, reports });
  // --- end reports ---
  const dispatch = createDispatch(
    createHandlers({ db, graph, clock, outbox, hostKind: defaultHost, dataLocation: db.location, plugins, raw, levels, tasks, runtime, onEngineAvailable: () => runner.wake(), scheduler, onOrgCreated, bits, mutes, reports, reportRecipes }),
  );
  for (const l of opts.listeners ?? []) outbox.subscribe(l);
  // Events committed but not dispatched before a crash are replayed now.
  await outbox.dispatch();
  if (opts.runner?.start !== false) await runner.start();
  if (opts.scheduler?.start !== false) scheduler.start();
  if (opts.scheduler?.start !== false && opts.bits !== false) bits.start();
  if (opts.mutes?.start !== false) mutes.start();
  if (opts.reports?.recipes?.start !== false && opts.scheduler?.start !== false) reportRecipes.start();
  let closed = false;
  return {
    db,
    graph,
    outbox,
    clock,
    dispatch,
    plugins,
    raw,
    tasks,
    runner,
    runtime,
    scheduler,
    bits,
    mutes,
    reports,
    reportRecipes,
    dataLocation: db.location,
    call: (method, params, ctx) => {
      if (closed) return Promise.reject(new AppError('INTERNAL', 'The core is closed'));
      return dispatch(method, params, ctx ?? { host: defaultHost });
    },
    subscribe: (listener: (e: KatEvent) => void) => outbox.subscribe(listener),
    close: async () => {
      if (closed) return;
      closed = true;
      scheduler.stop();
      bits.stop();
      mutes.stop();
      reportRecipes.stop();
      await printer?.close();
      await runner.stop();
      await runtime.close?.();
      await raw.close();
      await db.close();
    },
  };
}

function runtimeFor(engine: KatOptions['engine'], clock: Clock): ContainerRuntime {
  if (engine === false) return new NoRuntime();
  if (engine && typeof (engine as ContainerRuntime).run === 'function') return engine as ContainerRuntime;
  return new DockerRuntime({ ...(engine as EngineLocateOptions | undefined), clock });
}
