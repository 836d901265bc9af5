/** The benchmark registry's vocabulary: a metric runs against a shared context and reports lines. */
import type { Database } from '../../src-main/db/database.js';
import type { OOI } from '../../src-main/graph/model/index.js';
import type { GeneratedGraph } from '../generate.js';

/** A budget from the issue: the value (and the ratio, where there is one) must stay within it. */
export interface Budget {
  min?: number;
  max?: number;
  ratioMin?: number;
}

/** One JSON line on stdout. */
export interface MetricLine {
  name: string;
  value: number | null;
  unit: string;
  ratio?: number;
  budget?: Budget;
  ok?: boolean;
  error?: string;
  /** anything else worth keeping next to the number (batch size, sample count, how the graph was loaded) */
  [extra: string]: unknown;
}

export interface IngestStats {
  objects: number;
  ms: number;
  batch: number;
  calls: number;
}

export interface LoadedGraph {
  db: Database;
  org: string;
  via: 'saveOrigins' | 'bulk';
  /** set when loaded through saveOrigins */
  ingest?: IngestStats;
}

export interface BenchContext {
  readonly objects: number;
  readonly seed: number;
  readonly org: string;
  /** origins per saveOrigins call */
  readonly batch: number;
  log(message: string): void;
  /** the generated graph (memoised) */
  graph(): Promise<GeneratedGraph>;
  /** every distinct object of the graph, in creation order (memoised) */
  objectList(): Promise<OOI[]>;
  /** the graph loaded into one fresh database, shared by the query metrics (memoised) */
  loaded(): Promise<LoadedGraph>;
}

export interface Metric {
  /** selects the metric on the command line (`npm run bench -- <name>`) */
  name: string;
  /** the lines it prints (name and unit); each name also selects it */
  provides: readonly { name: string; unit: string }[];
  run(ctx: BenchContext): Promise<MetricLine[]>;
}
