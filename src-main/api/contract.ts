import type { z } from 'zod';
import { graphContract, type GraphResults } from './contracts/graph';
import { levelsContract, type LevelsResults } from './contracts/levels';
import { pluginsContract, type PluginsResults } from './contracts/plugins';
import { scansContract, type ScansResults } from './contracts/scans';
import { schedulesContract, type SchedulesResults } from './contracts/schedules';
import { bitsContract, type BitsResults } from './contracts/bits';
import { findingsContract, type FindingsResults } from './contracts/findings';
import { explorerContract, type ExplorerResults } from './contracts/explorer';
import { reportsContract, type ReportsResults } from './contracts/reports';

/**
 * THE API contract: every method the renderer (or a script) may call, its request schema and its
 * result type, assembled from one file per domain under contracts/. Both hosts (Electron IPC and
 * the headless HTTP/WebSocket host) serve exactly this, from the same handlers (core/handlers.ts).
 * A method without a handler fails to compile.
 */
export const contract = {
  ...graphContract,
  ...levelsContract,
  ...pluginsContract,
  ...scansContract,
  ...schedulesContract,
  ...bitsContract,
  ...findingsContract,
  ...explorerContract,
  ...reportsContract,
} as const;

export type Contract = typeof contract;
export type MethodName = keyof Contract;
export type Input<M extends MethodName> = z.input<Contract[M]['input']>;
export type Params<M extends MethodName> = z.output<Contract[M]['input']>;

/** Result types, one per method (kept beside the schemas so both ends see the same shapes). */
export interface Results extends GraphResults, LevelsResults, PluginsResults, ScansResults, SchedulesResults, BitsResults, FindingsResults, ExplorerResults, ReportsResults {}
export type Result<M extends MethodName> = Results[M];

export const METHOD_NAMES = Object.keys(contract) as MethodName[];
