/** What every report builder shares: running SQL on the snapshot, the findings in scope, table and chart helpers. */
import type { Snapshot } from '../scope';
import type { Cell, FindingRef, ReportChart, ReportData, ReportDataOf, ReportSection, ReportSeverity, ReportTable, ReportType, SeverityCounts, SummaryFigure } from '../types';
import { emptySeverityCounts, INPUTS_LISTED, REPORT_SEVERITIES } from '../types';

export interface BuildContext {
  s: Snapshot;
  /** the report's valid time */
  asOf: string;
  /** the findings in scope, read once per snapshot (the aggregate's sub-reports share them) */
  findings?: Promise<ScopedFinding[]>;
}

/** Runs a statement on the snapshot: $1 is the organisation, `extra` continue at $2. */
export async function rows<T>(s: Snapshot, sql: string, extra: unknown[] = []): Promise<T[]> {
  return (await s.q.query<T>(sql, [s.org, ...extra])).rows;
}

/** Code-point order, the same on every machine (no locale). */
export function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export interface ScopedFinding extends FindingRef {
  findingTypePk: string;
  ooiType: string;
  score: number | null;
  name: string | null;
  recommendation: string | null;
  description: string | null;
}

/** Severity rank, higher is worse. */
export function severityRank(s: string): number {
  return (REPORT_SEVERITIES as readonly string[]).indexOf(s);
}

export function asSeverity(s: string | null | undefined): ReportSeverity {
  return s && (REPORT_SEVERITIES as readonly string[]).includes(s) ? (s as ReportSeverity) : 'pending';
}

/**
 * The findings on objects in scope at the report time, muted ones left out (a mute counts while
 * it has not expired at the report time), sorted by key; `ids` keeps only finding types whose id
 * matches one of the patterns (see idsFilter).
 */
export async function scopedFindings(c: BuildContext, ids?: (id: string) => boolean): Promise<ScopedFinding[]> {
  c.findings ??= readScopedFindings(c);
  const all = await c.findings;
  return ids ? all.filter((f) => ids(f.findingType)) : all;
}

async function readScopedFindings(c: BuildContext): Promise<ScopedFinding[]> {
  const { s } = c;
  const res = await rows<{
    pk: string;
    ft_pk: string;
    ft_id: string;
    ooi: string;
    severity: string | null;
    score: number | null;
    name: string | null;
    recommendation: string | null;
    description: string | null;
  }>(
    s,
    `WITH f AS (
       SELECT f.pk, f.data->>'finding_type' AS ft_pk, split_part(f.data->>'finding_type', '|', 2) AS ft_id, f.data->>'ooi' AS ooi, f.data->>'description' AS description
         FROM ${s.objs} f WHERE f.type = 'Finding' AND ${s.inScope(`f.data->>'ooi'`)})
     SELECT f.pk, f.ft_pk, f.ft_id, f.ooi, f.description, ft.data->>'risk_severity' AS severity, (ft.data->>'risk_score')::float8 AS score,
            ft.data->>'name' AS name, ft.data->>'recommendation' AS recommendation
       FROM f
       LEFT JOIN ${s.objs} ft ON ft.pk = f.ft_pk
      WHERE NOT EXISTS (
              SELECT 1 FROM ${s.objs} m WHERE m.pk = 'MutedFinding|' || substr(f.pk, ${'Finding|'.length + 1})
                 AND (m.data->>'expires_at' IS NULL OR (m.data->>'expires_at')::timestamptz > $2::timestamptz))
      ORDER BY f.pk`,
    [c.asOf],
  );
  return res.map((r) => ({
    pk: r.pk,
    findingType: r.ft_id,
    findingTypePk: r.ft_pk,
    severity: asSeverity(r.severity),
    ooi: r.ooi,
    ooiType: r.ooi.split('|', 1)[0]!,
    score: r.score === null ? null : Number(r.score),
    name: r.name,
    recommendation: r.recommendation,
    description: r.description,
  }));
}

/** A filter on finding type ids: exact ids, or patterns with '%' for any text (as in SQL LIKE). */
export function idsFilter(patterns: readonly string[]): (id: string) => boolean {
  const exact = new Set(patterns.filter((p) => !p.includes('%')));
  const res = patterns.filter((p) => p.includes('%')).map((p) => new RegExp('^' + p.split('%').map((x) => x.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('.*') + '$'));
  return (id) => exact.has(id) || res.some((r) => r.test(id));
}

export function refsOf(findings: readonly ScopedFinding[]): FindingRef[] {
  return findings.map((f) => ({ pk: f.pk, findingType: f.findingType, severity: f.severity, ooi: f.ooi }));
}

export function severityCounts(findings: readonly { severity: string }[]): SeverityCounts {
  const c = emptySeverityCounts();
  for (const f of findings) c[asSeverity(f.severity)] += 1;
  return c;
}

/** The last part of a key: "Hostname|internet|example.org" -> "example.org". */
export function tail(pk: string): string {
  const i = pk.lastIndexOf('|');
  return i < 0 ? pk : pk.slice(i + 1);
}

export function table(id: string, title: string, columns: string[], body: { cells: Cell[]; link?: string | null }[]): ReportTable {
  const t: ReportTable = { id, title, columns, rows: body.map((b) => b.cells) };
  if (body.some((b) => b.link !== undefined)) t.links = body.map((b) => b.link ?? null);
  return t;
}

export function section(id: string, title: string, text: string[], tables: string[] = [], charts: string[] = []): ReportSection {
  return { id, title, text, tables, charts };
}

export function severityChart(id: string, counts: SeverityCounts): ReportChart {
  const order = [...REPORT_SEVERITIES].reverse();
  return { id, title: 'Findings per severity', kind: 'bar', series: [{ label: 'findings', values: order.map((s) => ({ x: s, y: counts[s] })) }] };
}

export const yesNo = (b: boolean | null): string => (b === null ? 'unknown' : b ? 'yes' : 'no');

export interface Parts<T extends ReportType> {
  title: string;
  summary: SummaryFigure[];
  sections: ReportSection[];
  tables: ReportTable[];
  charts: ReportChart[];
  findings: FindingRef[];
  details: ReportDataOf<T>['details'];
}

export function assemble<T extends ReportType>(type: T, c: BuildContext, p: Parts<T>): ReportData {
  const data: ReportDataOf<T> = {
    type,
    title: p.title,
    generatedAsOf: c.asOf,
    inputs: c.s.roots.slice(0, INPUTS_LISTED).map((r) => r.pk),
    inputCount: c.s.rootCount,
    summary: p.summary,
    sections: p.sections,
    tables: p.tables,
    charts: p.charts,
    findings: [...p.findings].sort((a, b) => cmp(a.pk, b.pk)),
    details: p.details,
  };
  return data as unknown as ReportData;
}

export function pct(n: number, of: number): string {
  return of === 0 ? '0%' : `${Math.round((n / of) * 100)}%`;
}
