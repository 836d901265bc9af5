import type { Clock } from '../../common/clock';
import type { Database } from '../../db/database';
import type { Handlers } from '../../api/dispatch';
import type { GraphService } from '../graph-service';
import type { Outbox } from '../outbox';
import type { PluginCatalogue } from '../../plugins/catalogue';
import type { RawFiles } from '../../rawstore/raw-files';
import type { LevelService } from '../../levels/service';
import type { TaskService } from '../../tasks/service';
import type { ContainerRuntime } from '../../runner/runtime';
import type { SchedulerService } from '../../scheduler/service';
import type { BitEngine } from '../../bits/engine';
import type { MuteService } from '../../findings/mutes';
import type { ReportService } from '../../reports/service';
import type { ReportRecipeService } from '../../reports/recipes';
import { BitConfigs } from '../../bits/config';

/** What every domain's handlers may use. */
export interface HandlerDeps {
  db: Database;
  graph: GraphService;
  clock: Clock;
  outbox: Outbox;
  hostKind: 'electron' | 'headless' | 'in-process';
  dataLocation: string;
  /** the plugin catalogue (KATalogus) */
  plugins?: PluginCatalogue;
  /** raw files: content-addressed bytes + metadata */
  raw?: RawFiles;
  /** scan levels and the organisation clearance */
  levels?: LevelService;
  /** tasks: scan now, the queue, eligibility */
  tasks?: TaskService;
  /** the container engine behind boefje tasks */
  runtime?: ContainerRuntime;
  /** called when engine.status finds the engine reachable (the runner picks up queued boefjes) */
  onEngineAvailable?: () => void;
  /** schedules: when boefjes run by themselves */
  scheduler?: SchedulerService;
  /** bits: inference rules over the graph */
  bits?: BitEngine;
  /** called after an organisation was created with its default schedules wanted */
  onOrgCreated?: (org: string) => Promise<void>;
  /** muting findings and the sweeper of expired mutes (one is made if absent) */
  mutes?: MuteService;
  /** reports: made, stored, exported */
  reports?: ReportService;
  /** report recipes: reports made on a recurrence */
  reportRecipes?: ReportRecipeService;
}

/** The handlers of one domain contract (the dispatcher itself answers listApi and multicall). */
export type DomainHandlers<C> = Pick<Handlers, Extract<keyof C, keyof Handlers>>;

const bitConfigsByDeps = new WeakMap<HandlerDeps, BitConfigs>();

/** The bits' configurations over these deps: one instance shared by every domain's handlers (undefined without plugins). */
export function bitConfigsOf(d: HandlerDeps): BitConfigs | undefined {
  if (!d.plugins) return undefined;
  let c = bitConfigsByDeps.get(d);
  if (!c) {
    c = new BitConfigs({ db: d.db, graph: d.graph, plugins: d.plugins });
    bitConfigsByDeps.set(d, c);
  }
  return c;
}
