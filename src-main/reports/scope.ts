/** Resolving a report's inputs at a point in time: stub, replaced by the snapshot-based version. */
import type { Queryable } from '../db/database';
import type { AsOf } from '../graph/query/as-of';
import type { ReportInputs } from './types';

export interface ResolvedInputs {
  roots: { pk: string; type: string }[];
  missing: string[];
}

export async function resolveInputs(_q: Queryable, _org: string, inputs: ReportInputs, _at: AsOf): Promise<ResolvedInputs> {
  return { roots: 'objects' in inputs ? inputs.objects.map((pk) => ({ pk, type: pk.split('|')[0]! })) : [], missing: [] };
}
