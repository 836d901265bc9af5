/**
 * Reports: made from the graph as of a valid time (and read at a transaction time, so making it
 * again reads the same history), stored as one row exactly as made, compared with the previous
 * report of the same type and inputs, exported as JSON, CSV and PDF.
 */
import { randomUUID } from 'node:crypto';
import { isDeepStrictEqual } from 'node:util';
import type { Clock } from '../common/clock';
import { AppError } from '../common/errors';
import type { Logger } from '../common/logger';
import type { Database, Queryable } from '../db/database';
import type { KatEvent } from '../api/types';
import type { PluginCatalogue } from '../plugins/catalogue';
import { VERSION } from '../core/version';
import { catalogueVersions } from '../findings/catalogue';
import { reportTypes } from './catalogue';
import { buildReport, type BuildRequest } from './build';
import { checkPlugins } from './check';
import { resolveInputs } from './scope';
import { compareFindings } from './changes';
import { exportCsv, exportJson } from './export';
import { renderReportHtml } from './html';
import { pdfFileName, type PdfPrinter } from './pdf';
import * as repo from './repository';
import type { PluginWarning, Report, ReportChanges, ReportInputs, ReportSummary, ReportType, ReportTypeInfo, ReportVersions, SeverityCounts } from './types';
import { emptySeverityCounts, REPORT_SEVERITIES } from './types';
import type { ExportedFile, ReportPdf } from '../api/contracts/reports';

export interface ReportServiceDeps {
  db: Database;
  clock: Clock;
  log: Logger;
  plugins?: PluginCatalogue;
  recordEvent: (q: Queryable, e: KatEvent) => Promise<void>;
  afterCommit: () => Promise<void> | void;
  /** the transaction time of a new report: after every write so far (GraphService.nextTxTime) */
  txNow?: () => Date;
  /** prints HTML to PDF (Chromium in the headless host, webContents.printToPDF in Electron) */
  printer?: PdfPrinter;
}

export interface CreateReport {
  type: ReportType;
  inputs: ReportInputs;
  asOf?: string;
  name?: string;
  recipeId?: string | null;
}

export class ReportService {
  constructor(private readonly d: ReportServiceDeps) {}

  types(): ReportTypeInfo[] {
    return reportTypes();
  }

  async check(org: string, type: ReportType, inputs: ReportInputs): Promise<{ warnings: PluginWarning[]; objects: number }> {
    const now = this.now();
    const resolved = await resolveInputs(this.d.db, org, inputs, { validTime: now, txTime: now });
    const warnings = await checkPlugins(this.d.db, org, type, resolved, this.d.plugins);
    return { warnings, objects: resolved.rootCount };
  }

  async create(org: string, c: CreateReport): Promise<Report> {
    const createdAt = this.now();
    const asOf = c.asOf ? new Date(c.asOf).toISOString() : createdAt;
    const data = await this.build({ org, type: c.type, inputs: c.inputs, asOf, txTime: createdAt });
    const report: repo.StoredReport = {
      id: randomUUID(),
      org,
      name: c.name?.trim() || defaultName(c.type, asOf),
      type: c.type,
      inputs: c.inputs,
      asOf,
      createdAt,
      data,
      versions: await this.versions(org),
      previousId: null,
      recipeId: c.recipeId ?? null,
      txTime: createdAt,
    };
    await this.d.db.transaction(async (tx) => {
      report.previousId = await repo.previousReportId(tx, org, c.type, c.inputs, asOf, createdAt);
      await repo.insertReport(tx, report, countsOf(report));
      await this.d.recordEvent(tx, { topic: 'reports.changed', org, id: report.id, change: 'created' });
    });
    await this.d.afterCommit();
    return publicReport(report);
  }

  async list(org: string, opts: { type?: ReportType; limit: number; offset: number }): Promise<{ reports: ReportSummary[]; total: number }> {
    return repo.listReports(this.d.db, org, opts);
  }

  async get(org: string, id: string): Promise<Report> {
    return publicReport(await this.require(org, id));
  }

  async remove(org: string, id: string): Promise<{ deleted: true }> {
    await this.d.db.transaction(async (tx) => {
      if (!(await repo.deleteReport(tx, org, id))) throw notFound(org, id);
      await this.d.recordEvent(tx, { topic: 'reports.changed', org, id, change: 'deleted' });
    });
    await this.d.afterCommit();
    return { deleted: true };
  }

  /** Makes the report again from its inputs, as-of time and transaction time. */
  async regenerate(org: string, id: string, store: boolean): Promise<{ report: Report; identical: boolean }> {
    const old = await this.require(org, id);
    const data = await this.build({ org, type: old.type, inputs: old.inputs, asOf: old.asOf, txTime: old.txTime });
    const identical = isDeepStrictEqual(data, old.data);
    if (!store) return { report: publicReport({ ...old, data }), identical };
    const made = await this.create(org, { type: old.type, inputs: old.inputs, asOf: old.asOf, name: old.name, recipeId: old.recipeId });
    return { report: made, identical };
  }

  async changes(org: string, id: string): Promise<ReportChanges> {
    const r = await this.require(org, id);
    const prevId = r.previousId ?? (await repo.previousReportId(this.d.db, org, r.type, r.inputs, r.asOf, r.createdAt, r.id));
    const prev = prevId ? await repo.getReport(this.d.db, org, prevId) : null;
    if (!prev) return { previousId: null, new: [], fixed: [], stillOpen: [] };
    return { previousId: prev.id, ...compareFindings(prev.data.findings, r.data.findings) };
  }

  async exportData(org: string, id: string, format: 'json' | 'csv'): Promise<ExportedFile> {
    const r = publicReport(await this.require(org, id));
    return format === 'json' ? exportJson(r) : exportCsv(r);
  }

  async pdf(org: string, id: string): Promise<ReportPdf> {
    const r = publicReport(await this.require(org, id));
    if (!this.d.printer) throw new AppError('PDF_UNAVAILABLE', 'No PDF printer is configured in this host', {});
    const orgName = await this.orgName(org);
    const html = renderReportHtml(r, { orgName });
    const printed = await this.d.printer.print(html.body, { headerTemplate: html.header, footerTemplate: html.footer });
    return { fileName: pdfFileName(r), base64: printed.pdf.toString('base64'), pages: printed.pages };
  }

  // --- internals ---

  private now(): string {
    return (this.d.txNow ? this.d.txNow() : this.d.clock.now()).toISOString();
  }

  private async build(req: Omit<BuildRequest, 'orgName'>): Promise<Report['data']> {
    return buildReport(this.d.db, { ...req, orgName: await this.orgName(req.org) });
  }

  private async orgName(org: string): Promise<string> {
    const res = await this.d.db.query<{ name: string }>(`SELECT name FROM organisations WHERE code = $1`, [org]);
    return res.rows[0]?.name ?? org;
  }

  private async versions(_org: string): Promise<ReportVersions> {
    const plugins: Record<string, string> = {};
    for (const p of this.d.plugins?.all() ?? []) {
      const v = (p as { manifest?: { version?: string } }).manifest?.version;
      plugins[p.id] = v ?? 'unknown';
    }
    return { plugins: sortKeys(plugins), catalogue: catalogueVersion(), app: VERSION };
  }

  private async require(org: string, id: string): Promise<repo.StoredReport> {
    const r = await repo.getReport(this.d.db, org, id);
    if (!r) throw notFound(org, id);
    return r;
  }
}

function notFound(org: string, id: string): AppError {
  return new AppError('REPORT_NOT_FOUND', `No report "${id}" in "${org}"`, { id });
}

function publicReport(r: repo.StoredReport): Report {
  const { txTime: _tx, ...rest } = r;
  return rest;
}

function countsOf(r: Report): SeverityCounts {
  const c = emptySeverityCounts();
  for (const f of r.data.findings) {
    const s = (REPORT_SEVERITIES as readonly string[]).includes(f.severity) ? (f.severity as keyof SeverityCounts) : 'pending';
    c[s] += 1;
  }
  return c;
}

function defaultName(type: ReportType, asOf: string): string {
  const info = reportTypes().find((t) => t.type === type);
  return `${info?.name ?? type} ${asOf.slice(0, 10)}`;
}

function sortKeys(o: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(o).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

function catalogueVersion(): string {
  const v = catalogueVersions();
  return `kat ${v.kat}, cve ${v.cve}`;
}
