/** Mail: whether each hostname publishes SPF, DMARC and DKIM. */
import type { MailHostDetail, ReportData } from '../types';
import { assemble, idsFilter, pct, refsOf, rows, scopedFindings, section, table, yesNo, type BuildContext } from './common';

export const MAIL_FINDINGS = ['KAT-NO-SPF', 'KAT-INVALID-SPF', 'KAT-DEPRECATED-SPF-MECHANISM', 'KAT-NO-DMARC', 'KAT-NO-DKIM'];

export async function mailHosts(c: BuildContext): Promise<MailHostDetail[]> {
  const { s } = c;
  const res = await rows<{ pk: string; name: string; spf: string | null; dmarc: string | null; dkim: boolean }>(
    s,
    `WITH h AS (SELECT o.pk, o.data->>'name' AS name FROM ${s.objs} o WHERE o.type = 'Hostname' AND ${s.inScope('o.pk')}),
     spf AS (SELECT t.data->>'hostname' AS host, min(x.data->>'value') AS value
               FROM ${s.objs} x JOIN ${s.objs} t ON t.pk = x.data->>'dns_txt_record' WHERE x.type = 'DNSSPFRecord' GROUP BY 1),
     dmarc AS (SELECT x.data->>'hostname' AS host, min(x.data->>'value') AS value FROM ${s.objs} x WHERE x.type = 'DMARCTXTRecord' GROUP BY 1),
     dkim AS (SELECT DISTINCT x.data->>'hostname' AS host FROM ${s.objs} x WHERE x.type IN ('DKIMExists', 'DKIMSelector'))
     SELECT h.pk, h.name, spf.value AS spf, dmarc.value AS dmarc, dkim.host IS NOT NULL AS dkim
       FROM h LEFT JOIN spf ON spf.host = h.pk LEFT JOIN dmarc ON dmarc.host = h.pk LEFT JOIN dkim ON dkim.host = h.pk
      ORDER BY h.name, h.pk`,
  );
  return res.map((r) => ({ hostname: r.name, pk: r.pk, spf: r.spf, dmarc: r.dmarc, dkim: r.dkim, compliant: r.spf !== null && r.dmarc !== null && r.dkim }));
}

export async function buildMail(c: BuildContext): Promise<ReportData> {
  const hosts = await mailHosts(c);
  const findings = await scopedFindings(c, idsFilter(MAIL_FINDINGS));
  const n = hosts.length;
  const compliant = hosts.filter((h) => h.compliant).length;
  return assemble('mail', c, {
    title: 'Mail security',
    summary: [
      { label: 'Hostnames', value: n },
      { label: 'Compliant (SPF, DMARC and DKIM)', value: compliant },
      { label: 'With SPF', value: hosts.filter((h) => h.spf !== null).length },
      { label: 'With DMARC', value: hosts.filter((h) => h.dmarc !== null).length },
      { label: 'With DKIM', value: hosts.filter((h) => h.dkim).length },
      { label: 'Findings', value: findings.length },
    ],
    sections: [
      section('mail-compliance', 'SPF, DMARC and DKIM', [`${compliant} of ${n} hostname${n === 1 ? '' : 's'} (${pct(compliant, n)}) publish SPF, DMARC and DKIM.`], ['mail-compliance'], ['mail-chart']),
    ],
    tables: [
      table(
        'mail-compliance',
        'Mail security per hostname',
        ['Hostname', 'SPF', 'DMARC', 'DKIM', 'Compliant'],
        hosts.map((h) => ({ cells: [h.hostname, h.spf ?? 'none', h.dmarc ?? 'none', yesNo(h.dkim), yesNo(h.compliant)], link: h.pk })),
      ),
    ],
    charts: [
      {
        id: 'mail-chart',
        title: 'Hostnames with each measure',
        kind: 'bar',
        series: [
          {
            label: 'hostnames',
            values: [
              { x: 'SPF', y: hosts.filter((h) => h.spf !== null).length },
              { x: 'DMARC', y: hosts.filter((h) => h.dmarc !== null).length },
              { x: 'DKIM', y: hosts.filter((h) => h.dkim).length },
            ],
          },
        ],
      },
    ],
    findings: refsOf(findings),
    details: { hostnames: hosts },
  });
}
