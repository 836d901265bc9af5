/** Open ports: per address in scope, its open ports and services and the hostnames resolving to it. */
import type { ReportData } from '../types';
import { assemble, cmp, idsFilter, refsOf, scopedFindings, section, table, type BuildContext } from './common';
import { ipsWithPorts } from './ips';

export const PORT_FINDINGS = ['KAT-OPEN-SYSADMIN-PORT', 'KAT-OPEN-DATABASE-PORT', 'KAT-REMOTE-DESKTOP-PORT', 'KAT-UNCOMMON-OPEN-PORT', 'KAT-OPEN-COMMON-PORT'];

export async function buildOpenPorts(c: BuildContext): Promise<ReportData> {
  const ips = await ipsWithPorts(c);
  const findings = await scopedFindings(c, idsFilter(PORT_FINDINGS));
  const open = ips.reduce((n, ip) => n + ip.ports.length, 0);
  const withPorts = ips.filter((ip) => ip.ports.length > 0).length;
  const perPort = new Map<string, number>();
  for (const ip of ips) for (const p of ip.ports) perPort.set(`${p.port}/${p.protocol}`, (perPort.get(`${p.port}/${p.protocol}`) ?? 0) + 1);
  const top = [...perPort.entries()].sort((a, b) => b[1] - a[1] || cmp(a[0], b[0])).slice(0, 15);
  return assemble('open-ports', c, {
    title: 'Open ports',
    summary: [
      { label: 'IP addresses', value: ips.length },
      { label: 'With open ports', value: withPorts },
      { label: 'Open ports', value: open },
      { label: 'Distinct ports', value: perPort.size },
      { label: 'Findings', value: findings.length },
    ],
    sections: [
      section(
        'open-ports',
        'Open ports per address',
        [`${open} open port${open === 1 ? '' : 's'} on ${withPorts} of ${ips.length} address${ips.length === 1 ? '' : 'es'}.`],
        ['open-ports'],
        ['open-ports-top'],
      ),
    ],
    tables: [
      table(
        'open-ports',
        'Open ports',
        ['IP address', 'Hostnames', 'Port', 'Protocol', 'Service'],
        ips.flatMap((ip) => ip.ports.map((p) => ({ cells: [ip.address, ip.hostnames.join(', '), p.port, p.protocol, p.service], link: ip.pk }))),
      ),
    ],
    charts: [{ id: 'open-ports-top', title: 'Most common open ports', kind: 'bar', series: [{ label: 'addresses', values: top.map(([x, y]) => ({ x, y })) }] }],
    findings: refsOf(findings),
    details: { ips },
  });
}
