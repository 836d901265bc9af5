/** DNS: the records of each hostname in scope, and whether SPF, DMARC, DKIM and CAA are published. */
import { concreteSubtypes } from '../../graph/model';
import type { DnsHostDetail, ReportData } from '../types';
import { assemble, idsFilter, pct, refsOf, rows, scopedFindings, section, table, yesNo, type BuildContext } from './common';

export const DNS_FINDINGS = ['KAT-NO-SPF', 'KAT-INVALID-SPF', 'KAT-DEPRECATED-SPF-MECHANISM', 'KAT-NO-DMARC', 'KAT-NO-DKIM', 'KAT-NO-CAA', 'KAT-NXDOMAIN'];

interface Row {
  pk: string;
  name: string;
  records: { type: string; value: string; ttl: number | null }[] | null;
  nx: boolean;
  spf: boolean;
  dmarc: boolean;
  dkim: boolean;
  caa: boolean;
}

/** Hostnames in scope with their records and mail/CAA flags, by name. */
export async function dnsHosts(c: BuildContext): Promise<DnsHostDetail[]> {
  const { s } = c;
  const res = await rows<Row>(
    s,
    `WITH h AS (SELECT o.pk, o.data->>'name' AS name FROM ${s.objs} o WHERE o.type = 'Hostname' AND ${s.inScope('o.pk')}),
     rec AS (
       SELECT r.data->>'hostname' AS host,
              json_agg(json_build_object('type', r.data->>'dns_record_type', 'value', r.data->>'value', 'ttl', (r.data->>'ttl')::int)
                       ORDER BY r.data->>'dns_record_type', r.data->>'value', r.pk) AS records,
              bool_or(r.type = 'DNSCAARecord') AS caa
         FROM ${s.objs} r WHERE r.type = ANY($2::text[]) GROUP BY 1),
     spf AS (SELECT DISTINCT t.data->>'hostname' AS host FROM ${s.objs} x JOIN ${s.objs} t ON t.pk = x.data->>'dns_txt_record' WHERE x.type = 'DNSSPFRecord'),
     dmarc AS (SELECT DISTINCT x.data->>'hostname' AS host FROM ${s.objs} x WHERE x.type = 'DMARCTXTRecord'),
     dkim AS (SELECT DISTINCT x.data->>'hostname' AS host FROM ${s.objs} x WHERE x.type IN ('DKIMExists', 'DKIMSelector')),
     nx AS (SELECT DISTINCT x.data->>'hostname' AS host FROM ${s.objs} x WHERE x.type = 'NXDOMAIN')
     SELECT h.pk, h.name, rec.records, coalesce(rec.caa, false) AS caa,
            nx.host IS NOT NULL AS nx, spf.host IS NOT NULL AS spf, dmarc.host IS NOT NULL AS dmarc, dkim.host IS NOT NULL AS dkim
       FROM h LEFT JOIN rec ON rec.host = h.pk LEFT JOIN spf ON spf.host = h.pk LEFT JOIN dmarc ON dmarc.host = h.pk
              LEFT JOIN dkim ON dkim.host = h.pk LEFT JOIN nx ON nx.host = h.pk
      ORDER BY h.name, h.pk`,
    [concreteSubtypes('DNSRecord')],
  );
  return res.map((r) => ({
    hostname: r.name,
    pk: r.pk,
    records: (r.records ?? []).map((x) => ({ type: x.type, value: x.value, ttl: x.ttl ?? null })),
    nxdomain: r.nx,
    spf: r.spf,
    dmarc: r.dmarc,
    dkim: r.dkim,
    caa: r.caa,
  }));
}

export async function buildDns(c: BuildContext): Promise<ReportData> {
  const hosts = await dnsHosts(c);
  const findings = await scopedFindings(c, idsFilter(DNS_FINDINGS));
  const records = hosts.reduce((n, h) => n + h.records.length, 0);
  const n = hosts.length;
  const count = (f: (h: DnsHostDetail) => boolean) => hosts.filter(f).length;
  const recordTable = table(
    'dns-records',
    'DNS records',
    ['Hostname', 'Type', 'Value', 'TTL'],
    hosts.flatMap((h) => h.records.map((r) => ({ cells: [h.hostname, r.type, r.value, r.ttl], link: h.pk }))),
  );
  const measures = table(
    'dns-measures',
    'Security measures per hostname',
    ['Hostname', 'Records', 'SPF', 'DMARC', 'DKIM', 'CAA', 'Exists'],
    hosts.map((h) => ({ cells: [h.hostname, h.records.length, yesNo(h.spf), yesNo(h.dmarc), yesNo(h.dkim), yesNo(h.caa), yesNo(!h.nxdomain)], link: h.pk })),
  );
  return assemble('dns', c, {
    title: 'DNS',
    summary: [
      { label: 'Hostnames', value: n },
      { label: 'DNS records', value: records },
      { label: 'With SPF', value: count((h) => h.spf) },
      { label: 'With DMARC', value: count((h) => h.dmarc) },
      { label: 'With CAA', value: count((h) => h.caa) },
      { label: 'Findings', value: findings.length },
    ],
    sections: [
      section('dns-measures', 'Security measures', [
        `${n} hostname${n === 1 ? '' : 's'} in scope publish ${records} DNS record${records === 1 ? '' : 's'}. ` +
          `SPF: ${pct(count((h) => h.spf), n)}, DMARC: ${pct(count((h) => h.dmarc), n)}, DKIM: ${pct(count((h) => h.dkim), n)}, CAA: ${pct(count((h) => h.caa), n)}.`,
      ], ['dns-measures']),
      section('dns-records', 'Records', [], ['dns-records']),
    ],
    tables: [measures, recordTable],
    charts: [],
    findings: refsOf(findings),
    details: { hostnames: hosts },
  });
}
