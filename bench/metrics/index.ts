/** Every benchmark, in the order a full run executes them. Add new metrics here. */
import { bitsMetric } from './bits.js';
import { containersMetric } from './containers.js';
import { ingestMetric } from './ingest.js';
import { levelsMetric } from './levels.js';
import { listMetric, neighboursMetric, treeMetric } from './queries.js';
import { schedulesMetric } from './schedules.js';
import { reportsMetric } from './reports.js';
import type { Metric } from './types.js';

export const METRICS: readonly Metric[] = [ingestMetric, neighboursMetric, treeMetric, listMetric, containersMetric, levelsMetric, schedulesMetric, bitsMetric, reportsMetric];
