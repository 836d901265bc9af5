/**
 * The aggregate report: every sub-report over the same scope, a management summary written from
 * their figures, the scope (what was declared at which level, what ran when), recommendations
 * from the finding types, and an appendix of the objects and raw files (with their hashes).
 */
import { AGGREGATE_PARTS } from '../catalogue';
import type { AggregateScope, AppendixObject, AppendixRawFile, Recommendation, ReportData, ReportDataOf } from '../types';
import { assemble, pct, rows, section, severityChart, table, yesNo, type BuildContext } from './common';

/** Objects listed one by one in the appendix; the count is always complete. */
export const APPENDIX_OBJECTS_MAX = 5000;
export const APPENDIX_RAW_MAX = 2000;

type Builders = Record<(typeof AGGREGATE_PARTS)[number], (c: BuildContext) => Promise<ReportData>>;

function sub<T extends ReportData['type']>(subs: ReportData[], type: T): ReportDataOf<T> {
  return subs.find((s) => s.type === type) as unknown as ReportDataOf<T>;
}

async function scopeOf(c: BuildContext, txTime: string): Promise<AggregateScope> {
  const { s } = c;
  const declarations = await rows<{ pk: string; type: string; level: number | null; declared_at: unknown }>(
    s,
    `SELECT d.source AS pk, split_part(d.source, '|', 1) AS type, sp.level, min(d.valid_from) AS declared_at
       FROM origins d
       LEFT JOIN scan_profiles sp ON sp.org = d.org AND sp.pk = d.source AND sp.kind = 'declared'
      WHERE d.org = $1 AND d.kind = 'declaration' AND d.valid_from <= $2::timestamptz AND d.tx_from <= $3::timestamptz
        AND ${s.inScope('d.source')} AND d.source IN (SELECT pk FROM ${s.objs} o)
      GROUP BY d.source, sp.level
      ORDER BY d.source`,
    [c.asOf, txTime],
  );
  const tasks = await rows<{ plugin: string; kind: string; runs: number; objects: number; first_at: unknown; last_at: unknown }>(
    s,
    `SELECT t.plugin_id AS plugin, t.kind, count(*)::int AS runs, count(DISTINCT t.input_pk)::int AS objects, min(t.ended_at) AS first_at, max(t.ended_at) AS last_at
       FROM tasks t
      WHERE t.org = $1 AND t.status = 'completed' AND t.ended_at <= $2::timestamptz AND t.created_at <= $3::timestamptz
        AND (${s.all ? 'TRUE' : `t.input_pk IN (SELECT pk FROM rs_scope)`})
      GROUP BY t.plugin_id, t.kind
      ORDER BY t.kind, t.plugin_id`,
    [c.asOf, txTime],
  );
  const iso = (v: unknown) => (v === null || v === undefined ? null : new Date(v as string).toISOString());
  return {
    declarations: declarations.map((d) => ({ pk: d.pk, type: d.type, level: d.level, declaredAt: iso(d.declared_at)! })),
    tasks: tasks.map((t) => ({ plugin: t.plugin, kind: t.kind, runs: t.runs, objects: t.objects, firstAt: iso(t.first_at), lastAt: iso(t.last_at) })),
  };
}

async function appendix(c: BuildContext, txTime: string): Promise<{ objects: AppendixObject[]; objectCount: number; rawFiles: AppendixRawFile[] }> {
  const { s } = c;
  const count = await rows<{ n: number }>(s, `SELECT count(*)::int AS n FROM ${s.objs} o WHERE ${s.inScope('o.pk')}`);
  const objects = await rows<AppendixObject>(s, `SELECT o.pk, o.type FROM ${s.objs} o WHERE ${s.inScope('o.pk')} ORDER BY o.pk LIMIT ${APPENDIX_OBJECTS_MAX}`);
  const raw = await rows<{ sha256: string; plugin: string | null; mime_types: string[]; size: string | number; at: unknown }>(
    s,
    `SELECT r.sha256, r.plugin_id AS plugin, r.mime_types, r.size, r.created_at AS at
       FROM raw_files r
      WHERE r.org = $1 AND r.created_at <= $2::timestamptz AND r.created_at <= $3::timestamptz
        AND (${s.all ? 'TRUE' : `r.input_pk IN (SELECT pk FROM rs_scope)`})
      ORDER BY r.created_at, r.sha256, r.id LIMIT ${APPENDIX_RAW_MAX}`,
    [c.asOf, txTime],
  );
  return {
    objects,
    objectCount: count[0]?.n ?? 0,
    rawFiles: raw.map((r) => ({ sha256: r.sha256, plugin: r.plugin, mimeTypes: [...r.mime_types].sort(), size: Number(r.size), at: new Date(r.at as string).toISOString() })),
  };
}

export async function buildAggregate(c: BuildContext, txTime: string, builders: Builders, orgName: string): Promise<ReportData> {
  const subs: ReportData[] = [];
  for (const part of AGGREGATE_PARTS) subs.push(await builders[part](c));
  const f = sub(subs, 'findings');
  const systems = sub(subs, 'systems');
  const mail = sub(subs, 'mail');
  const web = sub(subs, 'web-system');
  const tls = sub(subs, 'tls');
  const ipv6 = sub(subs, 'ipv6');
  const vulns = sub(subs, 'vulnerabilities');
  const ports = sub(subs, 'open-ports');
  const scope = await scopeOf(c, txTime);
  const app = await appendix(c, txTime);

  const counts = f.details.counts;
  const severe = counts.critical + counts.high;
  const mailN = mail.details.hostnames.length;
  const mailOk = mail.details.hostnames.filter((h) => h.compliant).length;
  const sites = web.details.websites;
  const https = sites.filter((w) => w.https).length;
  const expired = tls.details.certificates.filter((x) => x.expired).length;
  const v6 = ipv6.details.hostnames.filter((h) => h.ipv4.length + h.ipv6.length > 0);
  const v6ok = v6.filter((h) => h.ipv6.length > 0).length;
  const openPorts = ports.details.ips.reduce((n, ip) => n + ip.ports.length, 0);
  const date = c.asOf.slice(0, 10);

  const managementSummary = [
    `This report describes ${orgName} as of ${date} (${c.asOf}). It covers ${c.s.rootCount} chosen object${c.s.rootCount === 1 ? '' : 's'} and ${app.objectCount} object${app.objectCount === 1 ? '' : 's'} related to them: ${systems.details.systems.length} system${systems.details.systems.length === 1 ? '' : 's'} (IP addresses) with ${openPorts} open port${openPorts === 1 ? '' : 's'}, and ${sites.length} website${sites.length === 1 ? '' : 's'}.`,
    f.details.total === 0
      ? 'No findings were open at the report date.'
      : `${f.details.total} finding${f.details.total === 1 ? ' was' : 's were'} open: ${counts.critical} critical, ${counts.high} high, ${counts.medium} medium, ${counts.low} low and ${counts.recommendation} recommendation${counts.recommendation === 1 ? '' : 's'}` +
        (counts.pending + counts.unknown > 0 ? `, plus ${counts.pending + counts.unknown} not yet rated` : '') +
        `. ${severe > 0 ? `The ${severe} critical and high finding${severe === 1 ? '' : 's'} need attention first.` : 'None is critical or high.'}`,
    vulns.details.total === 0
      ? 'No known vulnerabilities (CVEs) were found.'
      : `${vulns.details.total} known vulnerabilit${vulns.details.total === 1 ? 'y was' : 'ies were'} found on ${vulns.details.systems.length} object${vulns.details.systems.length === 1 ? '' : 's'}.`,
    `Mail: ${mailOk} of ${mailN} hostname${mailN === 1 ? '' : 's'} (${pct(mailOk, mailN)}) publish SPF, DMARC and DKIM. Web: ${https} of ${sites.length} website${sites.length === 1 ? '' : 's'} are served over HTTPS` +
      `${expired > 0 ? `, and ${expired} certificate${expired === 1 ? ' has' : 's have'} expired` : ''}. IPv6: ${v6ok} of ${v6.length} resolving hostname${v6.length === 1 ? '' : 's'} (${pct(v6ok, v6.length)}) have an IPv6 address.`,
  ];

  const recommendations: Recommendation[] = f.details.findingTypes
    .filter((t) => t.recommendation)
    .map((t) => ({ findingType: t.id, severity: t.severity, text: t.recommendation!, occurrences: t.occurrences }));

  return assemble('aggregate', c, {
    title: 'Aggregate report',
    summary: [
      { label: 'Objects in scope', value: app.objectCount },
      { label: 'Systems', value: systems.details.systems.length },
      { label: 'Websites', value: sites.length },
      { label: 'Findings', value: f.details.total },
      { label: 'Critical and high', value: severe },
      { label: 'CVEs', value: vulns.details.total },
      { label: 'Mail compliant', value: pct(mailOk, mailN) },
    ],
    sections: [
      section('summary', 'Management summary', managementSummary, [], ['aggregate-severity']),
      section('recommendations', 'Recommendations', recommendations.length === 0 ? ['There are no recommendations.'] : [], ['aggregate-recommendations']),
      section('scope', 'Scope', ['What was declared, at which scan level, and which plugins ran on the objects in scope until the report date.'], ['aggregate-declarations', 'aggregate-tasks']),
      section('compliance', 'Basic security per system', [], ['aggregate-compliance']),
      section('appendix', 'Appendix', [`${app.objectCount} objects in scope${app.objectCount > app.objects.length ? ` (the first ${app.objects.length} listed)` : ''}; ${app.rawFiles.length} raw file${app.rawFiles.length === 1 ? '' : 's'} with their SHA-256.`], ['aggregate-objects', 'aggregate-raw']),
    ],
    tables: [
      table('aggregate-recommendations', 'Recommendations', ['Severity', 'Finding type', 'Occurrences', 'Recommendation'], recommendations.map((r) => ({ cells: [r.severity, r.findingType, r.occurrences, r.text] }))),
      table('aggregate-declarations', 'Declared objects', ['Object', 'Type', 'Scan level', 'Declared'], scope.declarations.map((d) => ({ cells: [d.pk, d.type, d.level === null ? null : `L${d.level}`, d.declaredAt], link: d.pk }))),
      table('aggregate-tasks', 'Plugins that ran', ['Plugin', 'Kind', 'Runs', 'Objects', 'First', 'Last'], scope.tasks.map((t) => ({ cells: [t.plugin, t.kind, t.runs, t.objects, t.firstAt, t.lastAt] }))),
      table(
        'aggregate-compliance',
        'Basic security per web system',
        ['Hostname', 'HTTPS', 'Redirect', 'CSP', 'HSTS', 'security.txt', 'Certificate'],
        sites.map((w) => ({ cells: [w.hostname || w.pk, yesNo(w.https), w.redirectsToHttps === null ? 'n/a' : yesNo(w.redirectsToHttps), yesNo(w.csp), w.https ? yesNo(w.hsts) : 'n/a', yesNo(w.securityTxt), w.certificateValid === null ? 'n/a' : yesNo(w.certificateValid)], link: w.pk })),
      ),
      table('aggregate-objects', 'Objects', ['Object', 'Type'], app.objects.map((o) => ({ cells: [o.pk, o.type], link: o.pk }))),
      table('aggregate-raw', 'Raw files', ['SHA-256', 'Plugin', 'Mime types', 'Size', 'Stored'], app.rawFiles.map((r) => ({ cells: [r.sha256, r.plugin, r.mimeTypes.join(', '), r.size, r.at] }))),
    ],
    charts: [severityChart('aggregate-severity', counts)],
    findings: f.findings,
    details: { managementSummary, scope, recommendations, appendix: app, subReports: subs },
  });
}
