/**
 * The report types: what each shows, the object types it takes, and the plugins whose output it
 * reads (required: without them the report is empty or misleading; optional: it is less complete).
 */
import type { ReportPluginNeed, ReportType, ReportTypeInfo } from './types';

const boefje = (id: string, required = true): ReportPluginNeed => ({ id, kind: 'boefje', required });
const normalizer = (id: string, required = true): ReportPluginNeed => ({ id, kind: 'normalizer', required });
const bit = (id: string, required = true): ReportPluginNeed => ({ id, kind: 'bit', required });

const DNS = [boefje('dns-records'), normalizer('kat_dns_normalizer')];
const NMAP = [boefje('nmap'), normalizer('kat_nmap_normalizer')];
const WEB = [boefje('webpage-analysis'), normalizer('kat_webpage_analysis_normalizer')];
const CERTS = [boefje('ssl-certificates'), normalizer('kat_ssl_certificates_normalizer')];
const HOSTS_AND_IPS = ['Hostname', 'IPAddressV4', 'IPAddressV6'];

const INFOS: Record<Exclude<ReportType, 'aggregate'>, Omit<ReportTypeInfo, 'type'>> = {
  dns: {
    name: 'DNS report',
    description: 'The DNS records of each hostname, and whether SPF, DMARC, DKIM and CAA are published.',
    inputTypes: ['Hostname'],
    plugins: [...DNS, bit('spf-discovery', false), bit('missing-caa', false)],
  },
  mail: {
    name: 'Mail report',
    description: 'Whether each domain publishes SPF, DMARC and DKIM, so others can check its mail.',
    inputTypes: ['Hostname'],
    plugins: [...DNS, bit('spf-discovery'), bit('missing-spf', false), bit('missing-dmarc', false), bit('missing-dkim', false)],
  },
  'open-ports': {
    name: 'Open ports report',
    description: 'The open ports and services found on each address, with the hostnames that resolve to it.',
    inputTypes: HOSTS_AND_IPS,
    plugins: [...NMAP, boefje('dns-records', false), bit('dns-resolving', false)],
  },
  tls: {
    name: 'TLS and certificates report',
    description: 'TLS protocols and ciphers offered by services, and the certificates websites present (expired or expiring).',
    inputTypes: [...HOSTS_AND_IPS, 'IPService', 'Website'],
    plugins: [...CERTS, bit('expiring-certificate', false), bit('ssl-certificate-hostname', false)],
  },
  'web-system': {
    name: 'Web system report',
    description: 'Per website: HTTPS offered, HTTP redirected to HTTPS, CSP and HSTS headers, security.txt, and a valid certificate.',
    inputTypes: [...HOSTS_AND_IPS, 'Website'],
    plugins: [
      ...NMAP,
      ...WEB,
      ...CERTS,
      bit('website-discovery'),
      bit('check-csp-header', false),
      bit('check-hsts-header', false),
      bit('https-redirect', false),
      bit('https-availability', false),
    ],
  },
  ipv6: {
    name: 'IPv6 report',
    description: 'Whether each hostname is reachable over IPv6 (has an AAAA record or an IPv6 address).',
    inputTypes: ['Hostname'],
    plugins: [...DNS, bit('ipv6-webservers', false), bit('ipv6-on-nameservers', false)],
  },
  systems: {
    name: 'Systems report',
    description: 'The addresses in scope classified as Web, Mail, DNS, DICOM or other systems by their open ports.',
    inputTypes: HOSTS_AND_IPS,
    plugins: [...DNS, ...NMAP],
  },
  findings: {
    name: 'Findings report',
    description: 'Findings per severity, and each finding type with its occurrences and recommendation.',
    inputTypes: [...HOSTS_AND_IPS, 'HostnameHTTPURL', 'IPAddressHTTPURL', 'Website'],
    plugins: [],
  },
  vulnerabilities: {
    name: 'Vulnerabilities report',
    description: 'Known vulnerabilities (CVEs) per system, with their CVSS score.',
    inputTypes: HOSTS_AND_IPS,
    plugins: [...DNS, ...NMAP, ...WEB, bit('check_cve_2021_41773', false)],
  },
};

/** The sub-reports an aggregate report combines, in this order. */
export const AGGREGATE_PARTS = ['systems', 'open-ports', 'dns', 'mail', 'ipv6', 'web-system', 'tls', 'vulnerabilities', 'findings'] as const satisfies readonly Exclude<
  ReportType,
  'aggregate'
>[];

function aggregatePlugins(): ReportPluginNeed[] {
  const byId = new Map<string, ReportPluginNeed>();
  for (const part of AGGREGATE_PARTS) {
    for (const p of INFOS[part].plugins) {
      const had = byId.get(p.id);
      byId.set(p.id, had ? { ...had, required: had.required || p.required } : p);
    }
  }
  return [...byId.values()].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

let all: ReportTypeInfo[] | undefined;

/** Every report type, in REPORT_TYPES order. */
export function reportTypes(): ReportTypeInfo[] {
  all ??= [
    ...Object.entries(INFOS).map(([type, info]) => ({ type: type as ReportType, ...info })),
    {
      type: 'aggregate',
      name: 'Aggregate report',
      description:
        'All of the above in one report for management: a summary, the scope and what ran when, recommendations, the systems, ports, mail, IPv6, web, TLS and vulnerabilities, and an appendix of objects and raw files.',
      inputTypes: [...HOSTS_AND_IPS],
      plugins: aggregatePlugins(),
    },
  ];
  return all;
}

export function reportTypeInfo(type: ReportType): ReportTypeInfo {
  const info = reportTypes().find((t) => t.type === type);
  if (!info) throw new Error(`unknown report type ${type}`);
  return info;
}
