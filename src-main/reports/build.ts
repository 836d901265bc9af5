/**
 * Making a report's data: one transaction that opens the snapshot of the graph at the report's
 * point in time (scope.ts), runs the type's builder (SQL aggregation, builders/*) and drops the
 * temporary tables on commit. Deterministic: the same inputs and point in time give the same data.
 */
import { AppError } from '../common/errors';
import type { Database } from '../db/database';
import { openSnapshot } from './scope';
import type { ReportData, ReportInputs, ReportType } from './types';
import type { BuildContext } from './builders/common';
import { buildDns } from './builders/dns';
import { buildMail } from './builders/mail';
import { buildOpenPorts } from './builders/open-ports';
import { buildTls } from './builders/tls';
import { buildWebSystem } from './builders/web-system';
import { buildIpv6 } from './builders/ipv6';
import { buildSystems } from './builders/systems';
import { buildFindings } from './builders/findings';
import { buildVulnerabilities } from './builders/vulnerabilities';
import { buildAggregate } from './builders/aggregate';

export interface BuildRequest {
  org: string;
  orgName: string;
  type: ReportType;
  inputs: ReportInputs;
  /** valid time */
  asOf: string;
  /** transaction time the graph is read at */
  txTime: string;
  /** read the history even when the current tables would do (tests) */
  forceHistory?: boolean;
}

const BUILDERS = {
  dns: buildDns,
  mail: buildMail,
  'open-ports': buildOpenPorts,
  tls: buildTls,
  'web-system': buildWebSystem,
  ipv6: buildIpv6,
  systems: buildSystems,
  findings: buildFindings,
  vulnerabilities: buildVulnerabilities,
} as const;

export async function buildReport(db: Database, req: BuildRequest): Promise<ReportData> {
  return db.transaction(async (tx) => {
    const s = await openSnapshot(tx, req.org, req.inputs, { validTime: req.asOf, txTime: req.txTime }, { forceHistory: req.forceHistory });
    if (s.rootCount === 0) {
      throw new AppError('NOTHING_TO_REPORT', `Nothing to report: the inputs match no object of "${req.org}" as of ${req.asOf}`, {
        field: 'inputs',
        missing: s.missing.slice(0, 20),
        asOf: req.asOf,
      });
    }
    const c: BuildContext = { s, asOf: req.asOf };
    if (req.type === 'aggregate') return buildAggregate(c, req.txTime, BUILDERS, req.orgName);
    return BUILDERS[req.type](c);
  });
}
