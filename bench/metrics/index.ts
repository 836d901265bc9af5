/** Every benchmark, in the order a full run executes them. Add new metrics here. */
import { ingestMetric } from './ingest.js';
import { listMetric, neighboursMetric, treeMetric } from './queries.js';
import type { Metric } from './types.js';

export const METRICS: readonly Metric[] = [ingestMetric, neighboursMetric, treeMetric, listMetric];
