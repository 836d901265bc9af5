/** Systems: the addresses in scope classified as Web, Mail, DNS, DICOM or Other by their open ports and services. */
import type { OpenPortsIpDetail, ReportData, SystemDetail, SystemKind } from '../types';
import { SYSTEM_KINDS } from '../types';
import { assemble, section, table, type BuildContext } from './common';
import { ipsWithPorts } from './ips';

const BY_PORT: Record<Exclude<SystemKind, 'Other'>, number[]> = {
  Web: [80, 443, 8000, 8008, 8080, 8443, 8888],
  Mail: [25, 110, 143, 465, 587, 993, 995],
  DNS: [53],
  DICOM: [104, 2761, 2762, 4242, 11112],
};
const BY_SERVICE: Record<Exclude<SystemKind, 'Other'>, string[]> = {
  Web: ['http', 'https', 'http-alt', 'http-proxy', 'https-alt'],
  Mail: ['smtp', 'smtps', 'submission', 'imap', 'imaps', 'pop3', 'pop3s'],
  DNS: ['domain', 'dns'],
  DICOM: ['dicom'],
};

export function classify(ip: OpenPortsIpDetail): SystemKind[] {
  const kinds = SYSTEM_KINDS.filter(
    (k): k is Exclude<SystemKind, 'Other'> =>
      k !== 'Other' && ip.ports.some((p) => BY_PORT[k as Exclude<SystemKind, 'Other'>].includes(p.port) || (p.service !== null && BY_SERVICE[k as Exclude<SystemKind, 'Other'>].includes(p.service))),
  );
  return kinds.length > 0 ? kinds : ['Other'];
}

export async function buildSystems(c: BuildContext): Promise<ReportData> {
  const ips = await ipsWithPorts(c);
  const systems: SystemDetail[] = ips.map((ip) => ({ address: ip.address, pk: ip.pk, hostnames: ip.hostnames, kinds: classify(ip), ports: [...new Set(ip.ports.map((p) => p.port))].sort((a, b) => a - b) }));
  const counts = Object.fromEntries(SYSTEM_KINDS.map((k) => [k, systems.filter((s) => s.kinds.includes(k)).length])) as Record<SystemKind, number>;
  return assemble('systems', c, {
    title: 'Systems',
    summary: [{ label: 'Systems', value: systems.length }, ...SYSTEM_KINDS.map((k) => ({ label: `${k} systems`, value: counts[k] }))],
    sections: [
      section(
        'systems',
        'Systems by kind',
        [`${systems.length} system${systems.length === 1 ? '' : 's'} (IP addresses), classified by their open ports; a system can be of several kinds.`],
        ['systems'],
        ['systems-kinds'],
      ),
    ],
    tables: [
      table(
        'systems',
        'Systems',
        ['IP address', 'Hostnames', 'Kinds', 'Open ports'],
        systems.map((s) => ({ cells: [s.address, s.hostnames.join(', '), s.kinds.join(', '), s.ports.join(', ')], link: s.pk })),
      ),
    ],
    charts: [{ id: 'systems-kinds', title: 'Systems per kind', kind: 'donut', series: [{ label: 'systems', values: SYSTEM_KINDS.map((k) => ({ x: k, y: counts[k] })) }] }],
    findings: [],
    details: { systems, counts },
  });
}
