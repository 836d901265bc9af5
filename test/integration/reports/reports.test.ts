/**
 * Reports on real PGlite over the fixture graph: the data of every report type asserted exactly,
 * the aggregate, as-of time travel, reproducibility (regenerate, and the history path against the
 * current tables), changes since the previous report, plugin warnings, export, bad payloads.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testKat, type TestKat } from '../../helpers/kat';
import { buildReport } from '../../../src-main/reports/build';
import type { KatEvent } from '../../../src-main/api/types';
import type { Report, ReportDataOf, ReportType } from '../../../src-main/reports/types';
import { REPORT_TYPES } from '../../../src-main/reports/types';
import { isAppError } from '../../../src-main/common/errors';
import { CERT, F, HOST, IP, IP6, IP_OTHER, OTHER, P22, RES443, S443, SCOPE, SERVER_HEADER, T0, WEB443, WEB80, seedReportGraph } from './fixture';

let kat: TestKat;
const events: KatEvent[] = [];
const reports = new Map<ReportType, Report>();

async function code(p: Promise<unknown>): Promise<string> {
  try {
    await p;
  } catch (e) {
    if (isAppError(e)) return e.code;
    throw e;
  }
  throw new Error('expected an error');
}

function data<T extends ReportType>(type: T): ReportDataOf<T> {
  return reports.get(type)!.data as unknown as ReportDataOf<T>;
}

beforeAll(async () => {
  kat = await testKat({ reports: { printer: false } });
  await seedReportGraph(kat);
  kat.subscribe((e) => void events.push(e));
  for (const type of REPORT_TYPES) reports.set(type, await kat.api('reports.create', { org: 'acme', type, inputs: SCOPE }));
}, 300_000);
afterAll(() => kat.close());

describe('report types', () => {
  it('lists every type with its inputs and plugins', async () => {
    const { types } = await kat.api('reports.types', {});
    expect(types.map((t) => t.type)).toEqual([...REPORT_TYPES]);
    const dns = types.find((t) => t.type === 'dns')!;
    expect(dns.inputTypes).toEqual(['Hostname']);
    expect(dns.plugins).toContainEqual({ id: 'dns-records', kind: 'boefje', required: true });
    expect(types.find((t) => t.type === 'aggregate')!.plugins.map((p) => p.id)).toContain('nmap');
  });
});

describe('data per report type', () => {
  it('dns', () => {
    const d = data('dns');
    expect(d.details.hostnames).toEqual([
      {
        hostname: 'example.org',
        pk: HOST,
        records: [
          { type: 'A', value: '192.0.2.10', ttl: 300 },
          { type: 'AAAA', value: '2001:db8::10', ttl: 300 },
          { type: 'CAA', value: 'letsencrypt.org', ttl: 3600 },
          { type: 'MX', value: '10 mail.example.org.', ttl: 3600 },
          { type: 'TXT', value: 'v=spf1 -all', ttl: 3600 },
        ],
        nxdomain: false,
        spf: true,
        dmarc: true,
        dkim: true,
        caa: true,
      },
      { hostname: 'other.org', pk: OTHER, records: [{ type: 'A', value: '192.0.2.20', ttl: 300 }], nxdomain: false, spf: false, dmarc: false, dkim: false, caa: false },
    ]);
    expect(d.summary).toEqual([
      { label: 'Hostnames', value: 2 },
      { label: 'DNS records', value: 6 },
      { label: 'With SPF', value: 1 },
      { label: 'With DMARC', value: 1 },
      { label: 'With CAA', value: 1 },
      { label: 'Findings', value: 2 },
    ]);
    expect(d.findings.map((f) => f.pk)).toEqual([F.dmarc, F.spf]);
    expect(d.inputs).toEqual([HOST, OTHER]);
    expect(d.generatedAsOf).toBe(reports.get('dns')!.asOf);
    const measures = d.tables.find((t) => t.id === 'dns-measures')!;
    expect(measures.rows).toEqual([
      ['example.org', 5, 'yes', 'yes', 'yes', 'yes', 'yes'],
      ['other.org', 1, 'no', 'no', 'no', 'no', 'yes'],
    ]);
    expect(measures.links).toEqual([HOST, OTHER]);
  });

  it('mail', () => {
    const d = data('mail');
    expect(d.details.hostnames).toEqual([
      { hostname: 'example.org', pk: HOST, spf: 'v=spf1 -all', dmarc: 'v=DMARC1; p=reject', dkim: true, compliant: true },
      { hostname: 'other.org', pk: OTHER, spf: null, dmarc: null, dkim: false, compliant: false },
    ]);
    expect(d.summary[1]).toEqual({ label: 'Compliant (SPF, DMARC and DKIM)', value: 1 });
    expect(d.findings.map((f) => f.findingType)).toEqual(['KAT-NO-DMARC', 'KAT-NO-SPF']);
  });

  it('open-ports', () => {
    const d = data('open-ports');
    expect(d.details.ips).toEqual([
      {
        address: '192.0.2.10',
        pk: IP,
        hostnames: ['example.org'],
        ports: [
          { protocol: 'tcp', port: 22, service: 'ssh' },
          { protocol: 'tcp', port: 80, service: 'http' },
          { protocol: 'tcp', port: 443, service: 'https' },
        ],
      },
      {
        address: '192.0.2.20',
        pk: IP_OTHER,
        hostnames: ['other.org'],
        ports: [
          { protocol: 'tcp', port: 25, service: 'smtp' },
          { protocol: 'udp', port: 53, service: 'domain' },
        ],
      },
      { address: '2001:db8::10', pk: IP6, hostnames: ['example.org'], ports: [] },
    ]);
    expect(d.findings).toEqual([{ pk: F.ssh, findingType: 'KAT-OPEN-SYSADMIN-PORT', severity: 'medium', ooi: P22 }]);
    // 198.51.100.1 (unrelated.org, with MySQL open) is outside the scope
    expect(JSON.stringify(d)).not.toContain('198.51.100.1');
  });

  it('systems', () => {
    const d = data('systems');
    expect(d.details.systems).toEqual([
      { address: '192.0.2.10', pk: IP, hostnames: ['example.org'], kinds: ['Web'], ports: [22, 80, 443] },
      { address: '192.0.2.20', pk: IP_OTHER, hostnames: ['other.org'], kinds: ['Mail', 'DNS'], ports: [25, 53] },
      { address: '2001:db8::10', pk: IP6, hostnames: ['example.org'], kinds: ['Other'], ports: [] },
    ]);
    expect(d.details.counts).toEqual({ Web: 1, Mail: 1, DNS: 1, DICOM: 0, Other: 1 });
    expect(d.charts[0]!.kind).toBe('donut');
  });

  it('ipv6', () => {
    const d = data('ipv6');
    expect(d.details.hostnames).toEqual([
      { hostname: 'example.org', pk: HOST, ipv4: ['192.0.2.10'], ipv6: ['2001:db8::10'] },
      { hostname: 'other.org', pk: OTHER, ipv4: ['192.0.2.20'], ipv6: [] },
    ]);
    // the KAT-WEBSERVER-NO-IPV6 finding on example.org is muted: left out
    expect(d.findings).toEqual([]);
  });

  it('tls', () => {
    const d = data('tls');
    expect(d.details.services).toEqual([
      {
        pk: S443,
        address: '192.0.2.10',
        port: 443,
        service: 'https',
        protocols: ['TLSv1.0', 'TLSv1.2'],
        ciphers: [
          { protocol: 'TLSv1.0', name: 'DES-CBC3-SHA', bits: 112 },
          { protocol: 'TLSv1.2', name: 'ECDHE-RSA-AES128-GCM-SHA256', bits: 128 },
        ],
        phaseOut: ['cipher DES-CBC3-SHA', 'protocol TLSv1.0'],
      },
    ]);
    expect(d.details.certificates).toEqual([
      { pk: CERT, subject: 'example.org', issuer: 'Example CA', validUntil: '2026-02-01T00:00:00Z', expired: true, expiringSoon: false, websites: [WEB443] },
    ]);
    expect(d.findings.map((f) => f.pk)).toEqual([F.cert]);
  });

  it('web-system', () => {
    const d = data('web-system');
    expect(d.details.websites).toEqual([
      {
        pk: WEB443,
        hostname: 'example.org',
        address: '192.0.2.10',
        port: 443,
        service: 'https',
        https: true,
        redirectsToHttps: null,
        csp: false,
        hsts: true,
        securityTxt: false,
        certificateValid: false,
        certificateExpires: '2026-02-01T00:00:00Z',
        findings: ['KAT-CERTIFICATE-EXPIRED', 'KAT-NO-CSP'],
      },
      {
        pk: WEB80,
        hostname: 'example.org',
        address: '192.0.2.10',
        port: 80,
        service: 'http',
        https: false,
        redirectsToHttps: true,
        csp: false,
        hsts: false,
        securityTxt: false,
        certificateValid: null,
        certificateExpires: null,
        findings: [],
      },
    ]);
  });

  it('findings', () => {
    const d = data('findings');
    expect(d.details.counts).toEqual({ unknown: 0, pending: 0, recommendation: 0, low: 0, medium: 4, high: 2, critical: 1 });
    expect(d.details.total).toBe(7);
    expect(d.details.findingTypes.map((t) => [t.id, t.severity, t.score, t.occurrences])).toEqual([
      ['CVE-2021-42013', 'critical', 9.8, 1],
      ['KAT-CERTIFICATE-EXPIRED', 'high', 8, 1],
      ['CVE-2021-41773', 'high', 7.5, 1],
      ['KAT-NO-CSP', 'medium', 6, 1],
      ['KAT-NO-DMARC', 'medium', 5, 1],
      ['KAT-NO-SPF', 'medium', 5, 1],
      ['KAT-OPEN-SYSADMIN-PORT', 'medium', 5, 1],
    ]);
    expect(d.details.findingTypes[0]!.recommendation).toBe('Fix CVE-2021-42013.');
    // sorted by key; unrelated.org's and the muted finding are not in scope
    expect(d.findings.map((f) => f.pk)).toEqual([F.cve, F.cve2, F.csp, F.dmarc, F.spf, F.ssh, F.cert].sort());
    const all = d.tables.find((t) => t.id === 'findings-all')!;
    expect(all.rows[0]).toEqual(['critical', 'CVE-2021-42013', 'HTTPHeader', 'server', null]);
    expect(all.rows).toHaveLength(7);
  });

  it('vulnerabilities', () => {
    const d = data('vulnerabilities');
    expect(d.details).toEqual({
      systems: [
        {
          ooi: SERVER_HEADER,
          address: '192.0.2.10',
          cves: [
            { cve: 'CVE-2021-42013', score: 9.8, severity: 'critical', finding: F.cve2 },
            { cve: 'CVE-2021-41773', score: 7.5, severity: 'high', finding: F.cve },
          ],
        },
      ],
      total: 2,
    });
    expect(d.summary).toContainEqual({ label: 'Highest CVSS', value: 9.8 });
  });

  it('aggregate', () => {
    const d = data('aggregate');
    expect(d.details.subReports.map((s) => s.type)).toEqual(['systems', 'open-ports', 'dns', 'mail', 'ipv6', 'web-system', 'tls', 'vulnerabilities', 'findings']);
    // each sub-report is exactly the report of its own type
    for (const sub of d.details.subReports) expect({ ...sub, generatedAsOf: d.generatedAsOf }).toEqual({ ...reports.get(sub.type)!.data, generatedAsOf: d.generatedAsOf });
    expect(d.details.managementSummary[0]).toBe(
      `This report describes Acme as of ${d.generatedAsOf.slice(0, 10)} (${d.generatedAsOf}). It covers 2 chosen objects and 37 objects related to them: 3 systems (IP addresses) with 5 open ports, and 2 websites.`,
    );
    expect(d.details.managementSummary[1]).toBe('7 findings were open: 1 critical, 2 high, 4 medium, 0 low and 0 recommendations. The 3 critical and high findings need attention first.');
    expect(d.details.managementSummary[3]).toContain('Mail: 1 of 2 hostnames (50%) publish SPF, DMARC and DKIM.');
    expect(d.details.scope.declarations).toEqual([
      { pk: HOST, type: 'Hostname', level: 2, declaredAt: T0 },
      { pk: OTHER, type: 'Hostname', level: 2, declaredAt: T0 },
    ]);
    expect(d.details.scope.tasks).toEqual([]);
    expect(d.details.recommendations.map((r) => r.findingType)).toEqual(d.details.subReports.find((s) => s.type === 'findings')!.details.findingTypes.map((t) => t.id));
    expect(d.details.recommendations[0]).toEqual({ findingType: 'CVE-2021-42013', severity: 'critical', text: 'Fix CVE-2021-42013.', occurrences: 1 });
    expect(d.details.appendix.objectCount).toBe(37);
    expect(d.details.appendix.objects).toHaveLength(37);
    expect(d.details.appendix.objects.map((o) => o.pk)).toEqual([...d.details.appendix.objects.map((o) => o.pk)].sort());
    expect(d.details.appendix.objects.map((o) => o.pk)).not.toContain('Hostname|internet|unrelated.org');
    expect(d.findings).toEqual(data('findings').findings);
  });
});

describe('stored reports', () => {
  it('get returns the report exactly as stored; list has finding counts, newest first', async () => {
    const r = reports.get('findings')!;
    expect(await kat.api('reports.get', { org: 'acme', id: r.id })).toEqual(r);
    const list = await kat.api('reports.list', { org: 'acme', type: 'findings' });
    expect(list.total).toBe(1);
    expect(list.reports[0]!.counts.findings).toEqual({ unknown: 0, pending: 0, recommendation: 0, low: 0, medium: 4, high: 2, critical: 1 });
    expect('data' in list.reports[0]!).toBe(false);
    const all = await kat.api('reports.list', { org: 'acme' });
    expect(all.total).toBe(REPORT_TYPES.length);
    expect(all.reports[0]!.type).toBe('aggregate');
    expect(r.versions.app).toMatch(/^\d+\.\d+\.\d+$/);
    expect(r.versions.plugins['nmap']).toMatch(/^\d+\.\d+\.\d+$/);
  });

  it('regenerating gives the same data; the history path gives the same data as the current tables', async () => {
    for (const type of REPORT_TYPES) {
      const r = reports.get(type)!;
      const again = await kat.api('reports.regenerate', { org: 'acme', id: r.id });
      expect(again.identical).toBe(true);
      expect(again.report.data).toEqual(r.data);
      const fromHistory = await buildReport(kat.db, { org: 'acme', orgName: 'Acme', type, inputs: SCOPE, asOf: r.asOf, txTime: r.createdAt, forceHistory: true });
      expect(fromHistory).toEqual(r.data);
    }
  });

  it('a live filter is evaluated at the report time', async () => {
    const r = await kat.api('reports.create', { org: 'acme', type: 'dns', inputs: { filter: { types: ['Hostname'], search: 'example' } } });
    expect(r.data.inputs).toEqual([HOST, 'Hostname|internet|mail.example.org']);
    const all = await kat.api('reports.check', { org: 'acme', type: 'findings', inputs: { filter: {} } });
    expect(all.objects).toBeGreaterThan(40);
    await kat.api('reports.delete', { org: 'acme', id: r.id });
  });

  it('exports JSON and CSV', async () => {
    const r = reports.get('open-ports')!;
    const json = await kat.api('reports.exportData', { org: 'acme', id: r.id, format: 'json' });
    expect(json.mime).toBe('application/json');
    expect(JSON.parse(json.content)).toEqual(r);
    expect(json.fileName).toBe(`acme-open-ports-${r.asOf.slice(0, 10)}.json`);
    const csv = await kat.api('reports.exportData', { org: 'acme', id: r.id, format: 'csv' });
    expect(csv.mime).toBe('text/csv');
    const lines = csv.content.split('\r\n');
    expect(lines).toContain('# Open ports / Open ports');
    expect(lines).toContain('IP address,Hostnames,Port,Protocol,Service');
    expect(lines).toContain('192.0.2.10,example.org,22,tcp,ssh');
    const agg = await kat.api('reports.exportData', { org: 'acme', id: reports.get('aggregate')!.id, format: 'csv' });
    expect(agg.content).toContain('# Aggregate report / Findings / Finding types');
  });
});

describe('as of a valid time, and changes since the previous report', () => {
  it('a report as of before a change shows the graph as it was; changes lists new, fixed and still open findings', async () => {
    const mark = events.length;
    const before = await kat.api('reports.create', { org: 'acme', type: 'findings', inputs: { objects: [OTHER, HOST] }, name: 'Before' });
    kat.clock.advance(3600_000);
    // the CSP finding is fixed; a new one appears
    await kat.api('objects.delete', { org: 'acme', pk: F.csp });
    await kat.api('objects.declare', { org: 'acme', object: { type: 'Finding', data: { ooi: IP, finding_type: 'KATFindingType|KAT-OPEN-SYSADMIN-PORT' } } });
    kat.clock.advance(3600_000);
    const after = await kat.api('reports.create', { org: 'acme', type: 'findings', inputs: SCOPE });
    expect(after.previousId).toBe(before.id);
    const changes = await kat.api('reports.changes', { org: 'acme', id: after.id });
    expect(changes.previousId).toBe(before.id);
    expect(changes.fixed.map((f) => f.pk)).toEqual([F.csp]);
    expect(changes.new).toEqual([{ pk: `Finding|${IP}|KAT-OPEN-SYSADMIN-PORT`, findingType: 'KAT-OPEN-SYSADMIN-PORT', severity: 'medium', ooi: IP }]);
    expect(changes.stillOpen.map((f) => f.pk)).toEqual([F.cve, F.cve2, F.dmarc, F.spf, F.ssh, F.cert].sort());

    // as of the first report's time, the graph is as it was: the same data as then
    const past = await kat.api('reports.create', { org: 'acme', type: 'findings', inputs: SCOPE, asOf: before.asOf });
    expect(past.data).toEqual(before.data);
    expect(past.previousId).toBe(before.id); // same as-of, made earlier
    const first = await kat.api('reports.changes', { org: 'acme', id: reports.get('dns')!.id });
    expect(first).toEqual({ previousId: null, new: [], fixed: [], stillOpen: [] });
    // the stored report still shows the finding that is gone now
    expect((await kat.api('reports.get', { org: 'acme', id: before.id })).data.findings.map((f) => f.pk)).toContain(F.csp);
    expect(events.slice(mark).filter((e) => e.topic === 'reports.changed').map((e) => (e as { change: string }).change)).toEqual(['created', 'created', 'created']);
  });

  it('regenerating an old report after the graph changed still gives its data', async () => {
    const r = reports.get('web-system')!;
    const again = await kat.api('reports.regenerate', { org: 'acme', id: r.id });
    expect(again.identical).toBe(true);
    // and a fresh one differs (the CSP finding is gone)
    const now = await kat.api('reports.create', { org: 'acme', type: 'web-system', inputs: SCOPE });
    expect(now.data.findings.map((f) => f.pk)).toEqual([F.cert]);
    const stored = await kat.api('reports.regenerate', { org: 'acme', id: r.id, store: true });
    expect(stored.report.id).not.toBe(r.id);
    expect(stored.report.data).toEqual(r.data);
  });
});

describe('plugin warnings', () => {
  it('names boefjes that have not run on the objects, and disabled plugins', async () => {
    await kat.api('plugins.enable', { org: 'acme', id: 'dns-records', enabled: true });
    const c = await kat.api('reports.check', { org: 'acme', type: 'dns', inputs: SCOPE });
    expect(c.objects).toBe(2);
    const dns = c.warnings.find((w) => w.plugin === 'dns-records')!;
    expect(dns).toEqual({ plugin: 'dns-records', kind: 'boefje', problem: 'not-run', objects: [HOST, OTHER] });
    await kat.api('plugins.enable', { org: 'acme', id: 'dns-records', enabled: false });
    const after = await kat.api('reports.check', { org: 'acme', type: 'dns', inputs: SCOPE });
    expect(after.warnings.find((w) => w.plugin === 'dns-records')).toEqual({ plugin: 'dns-records', kind: 'boefje', problem: 'disabled' });
    const f = await kat.api('reports.check', { org: 'acme', type: 'findings', inputs: SCOPE });
    expect(f.warnings).toEqual([]);
  });
});

describe('bad input', () => {
  it('is refused with a code and stores nothing', async () => {
    const before = (await kat.api('reports.list', { org: 'acme' })).total;
    expect(await code(kat.api('reports.create', { org: 'acme', type: 'nope' as never, inputs: SCOPE }))).toBe('BAD_REQUEST');
    expect(await code(kat.api('reports.create', { org: 'acme', type: 'dns', inputs: { objects: [] } }))).toBe('BAD_REQUEST');
    expect(await code(kat.api('reports.create', { org: 'acme', type: 'dns', inputs: SCOPE, asOf: 'yesterday' }))).toBe('BAD_REQUEST');
    expect(await code(kat.api('reports.create', { org: 'acme', type: 'dns', inputs: SCOPE, extra: 1 } as never))).toBe('BAD_REQUEST');
    expect(await code(kat.api('reports.create', { org: 'nope', type: 'dns', inputs: SCOPE }))).toBe('ORG_NOT_FOUND');
    expect(await code(kat.api('reports.create', { org: 'acme', type: 'dns', inputs: { objects: ['Hostname|internet|missing.example'] } }))).toBe('NOTHING_TO_REPORT');
    expect(await code(kat.api('reports.create', { org: 'acme', type: 'dns', inputs: SCOPE, asOf: '2020-01-01T00:00:00Z' }))).toBe('NOTHING_TO_REPORT');
    expect(await code(kat.api('reports.get', { org: 'acme', id: 'missing' }))).toBe('REPORT_NOT_FOUND');
    expect(await code(kat.api('reports.delete', { org: 'acme', id: 'missing' }))).toBe('REPORT_NOT_FOUND');
    expect(await code(kat.api('reports.changes', { org: 'acme', id: 'missing' }))).toBe('REPORT_NOT_FOUND');
    expect(await code(kat.api('reports.exportData', { org: 'acme', id: reports.get('dns')!.id, format: 'xml' as never }))).toBe('BAD_REQUEST');
    expect(await code(kat.api('reports.pdf', { org: 'acme', id: reports.get('dns')!.id }))).toBe('PDF_UNAVAILABLE');
    expect((await kat.api('reports.list', { org: 'acme' })).total).toBe(before);
  });

  it('deleting the organisation deletes its reports and recipes', async () => {
    await kat.api('reports.recipes.save', { org: 'acme', name: 'Weekly', type: 'dns', inputs: SCOPE, rrule: 'weekly' });
    const n = await kat.db.query<{ n: number }>(`SELECT (SELECT count(*) FROM reports)::int + (SELECT count(*) FROM report_recipes)::int AS n`);
    expect(n.rows[0]!.n).toBeGreaterThan(1);
    await kat.api('orgs.delete', { code: 'acme', confirm: 'acme' });
    const left = await kat.db.query<{ n: number }>(`SELECT (SELECT count(*) FROM reports)::int + (SELECT count(*) FROM report_recipes)::int AS n`);
    expect(left.rows[0]!.n).toBe(0);
  });
});

void RES443;
