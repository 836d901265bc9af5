/** Vulnerabilities: the CVE findings in scope per system (the object they are on), with CVSS score. */
import type { ReportData, VulnerableSystemDetail } from '../types';
import { assemble, cmp, idsFilter, refsOf, rows, scopedFindings, section, severityChart, severityCounts, table, type BuildContext } from './common';

/**
 * The IP address each object is on, following its references down (header -> resource -> website
 * -> service -> port -> address); objects not on one address (a hostname) get none.
 */
async function addressesOf(c: BuildContext, pks: string[]): Promise<Map<string, string>> {
  const { s } = c;
  const res = await rows<{ start: string; address: string }>(
    s,
    `WITH RECURSIVE w(start, pk, depth) AS (
       SELECT p, p, 0 FROM unnest($2::text[]) AS p
       UNION ALL
       SELECT w.start, coalesce(o.data->>'resource', o.data->>'website', o.data->>'ip_service', o.data->>'ip_port', o.data->>'address'), w.depth + 1
         FROM w JOIN ${s.objs} o ON o.pk = w.pk
        WHERE o.type NOT IN ('IPAddressV4', 'IPAddressV6') AND w.depth < 8)
     SELECT w.start, ip.data->>'address' AS address FROM w JOIN ${s.objs} ip ON ip.pk = w.pk AND ip.type IN ('IPAddressV4', 'IPAddressV6')`,
    [pks],
  );
  return new Map(res.map((r) => [r.start, r.address]));
}

export async function buildVulnerabilities(c: BuildContext): Promise<ReportData> {
  const findings = await scopedFindings(c, idsFilter(['CVE-%']));
  const addresses = await addressesOf(c, [...new Set(findings.map((f) => f.ooi))]);
  const by = new Map<string, VulnerableSystemDetail>();
  for (const f of findings) {
    const sys = by.get(f.ooi) ?? { ooi: f.ooi, address: addresses.get(f.ooi) ?? null, cves: [] };
    sys.cves.push({ cve: f.findingType, score: f.score, severity: f.severity as VulnerableSystemDetail['cves'][number]['severity'], finding: f.pk });
    by.set(f.ooi, sys);
  }
  const systems = [...by.values()]
    .map((s) => ({ ...s, cves: s.cves.sort((a, b) => (b.score ?? -1) - (a.score ?? -1) || cmp(a.cve, b.cve)) }))
    .sort((a, b) => (b.cves[0]?.score ?? -1) - (a.cves[0]?.score ?? -1) || cmp(a.ooi, b.ooi));
  const distinct = new Set(findings.map((f) => f.findingType)).size;
  const worst = findings.reduce<number | null>((m, f) => (f.score !== null && (m === null || f.score > m) ? f.score : m), null);
  return assemble('vulnerabilities', c, {
    title: 'Vulnerabilities',
    summary: [
      { label: 'Vulnerable objects', value: systems.length },
      { label: 'CVE findings', value: findings.length },
      { label: 'Distinct CVEs', value: distinct },
      { label: 'Highest CVSS', value: worst === null ? 'none' : worst },
    ],
    sections: [
      section(
        'vulnerabilities',
        'Known vulnerabilities per system',
        [findings.length === 0 ? 'No known vulnerabilities (CVEs) were found in scope.' : `${distinct} distinct CVE${distinct === 1 ? '' : 's'} on ${systems.length} object${systems.length === 1 ? '' : 's'}; the highest CVSS score is ${worst ?? 'unknown'}.`],
        ['vulnerabilities'],
        ['vulnerabilities-severity'],
      ),
    ],
    tables: [
      table(
        'vulnerabilities',
        'CVEs per system',
        ['Address', 'Object', 'CVE', 'CVSS', 'Severity'],
        systems.flatMap((s) => s.cves.map((v) => ({ cells: [s.address, s.ooi, v.cve, v.score, v.severity], link: s.ooi }))),
      ),
    ],
    charts: [severityChart('vulnerabilities-severity', severityCounts(findings))],
    findings: refsOf(findings),
    details: { systems, total: findings.length },
  });
}
