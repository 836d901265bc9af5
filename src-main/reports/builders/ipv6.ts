/** IPv6: whether each hostname in scope has an IPv6 address (AAAA record or a resolved IPv6 address). */
import type { Ipv6HostDetail, ReportData } from '../types';
import { assemble, idsFilter, pct, refsOf, rows, scopedFindings, section, table, yesNo, type BuildContext } from './common';

export const IPV6_FINDINGS = ['KAT-NAMESERVER-NO-IPV6', 'KAT-NAMESERVER-NO-TWO-IPV6', 'KAT-WEBSERVER-NO-IPV6'];

export async function ipv6Hosts(c: BuildContext): Promise<Ipv6HostDetail[]> {
  const { s } = c;
  const res = await rows<{ pk: string; name: string; v4: string[] | null; v6: string[] | null }>(
    s,
    `WITH h AS (SELECT o.pk, o.data->>'name' AS name FROM ${s.objs} o WHERE o.type = 'Hostname' AND ${s.inScope('o.pk')}),
     -- an address's type and text are parts of its key (IPAddressV4|network|address): no lookup per record
     a AS (SELECT r.data->>'hostname' AS host, split_part(r.data->>'address', '|', 1) AS type, split_part(r.data->>'address', '|', 3) AS address
             FROM ${s.objs} r
            WHERE r.type IN ('ResolvedHostname', 'DNSARecord', 'DNSAAAARecord')),
     g AS (SELECT host,
                  array_agg(DISTINCT address ORDER BY address) FILTER (WHERE type = 'IPAddressV4') AS v4,
                  array_agg(DISTINCT address ORDER BY address) FILTER (WHERE type = 'IPAddressV6') AS v6
             FROM a GROUP BY host)
     SELECT h.pk, h.name, g.v4, g.v6 FROM h LEFT JOIN g ON g.host = h.pk ORDER BY h.name, h.pk`,
  );
  return res.map((r) => ({ hostname: r.name, pk: r.pk, ipv4: r.v4 ?? [], ipv6: r.v6 ?? [] }));
}

export async function buildIpv6(c: BuildContext): Promise<ReportData> {
  const hosts = await ipv6Hosts(c);
  const findings = await scopedFindings(c, idsFilter(IPV6_FINDINGS));
  const withAny = hosts.filter((h) => h.ipv4.length + h.ipv6.length > 0);
  const with6 = withAny.filter((h) => h.ipv6.length > 0).length;
  return assemble('ipv6', c, {
    title: 'IPv6',
    summary: [
      { label: 'Hostnames', value: hosts.length },
      { label: 'Resolving hostnames', value: withAny.length },
      { label: 'With IPv6', value: with6 },
      { label: 'IPv4 only', value: withAny.length - with6 },
      { label: 'Findings', value: findings.length },
    ],
    sections: [
      section(
        'ipv6',
        'IPv6 reachability',
        [`${with6} of ${withAny.length} resolving hostname${withAny.length === 1 ? '' : 's'} (${pct(with6, withAny.length)}) have an IPv6 address.`],
        ['ipv6'],
      ),
    ],
    tables: [
      table(
        'ipv6',
        'Addresses per hostname',
        ['Hostname', 'IPv4', 'IPv6', 'IPv6 present'],
        hosts.map((h) => ({ cells: [h.hostname, h.ipv4.join(', '), h.ipv6.join(', '), yesNo(h.ipv6.length > 0)], link: h.pk })),
      ),
    ],
    charts: [],
    findings: refsOf(findings),
    details: { hostnames: hosts },
  });
}
