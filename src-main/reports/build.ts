/** Making a report's data: stub, replaced by the SQL builders. */
import type { Queryable } from '../db/database';
import type { ReportData, ReportInputs, ReportType } from './types';

export interface BuildRequest {
  org: string;
  orgName: string;
  type: ReportType;
  inputs: ReportInputs;
  /** valid time */
  asOf: string;
  /** transaction time the graph is read at */
  txTime: string;
}

export async function buildReport(_q: Queryable, _req: BuildRequest): Promise<ReportData> {
  throw new Error('not built yet');
}
