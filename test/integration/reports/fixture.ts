/**
 * A small but complete graph for reports, declared through the API (so it has real history):
 * example.org (A, AAAA, MX, SPF TXT, DMARC, DKIM, CAA) on 192.0.2.10 and 2001:db8::10 with ssh,
 * http and https, two websites (http redirecting to https; https with HSTS, no CSP, an expired
 * certificate, TLS ciphers), other.org on 192.0.2.20 (smtp, dns) with no mail records, and
 * unrelated.org outside the scope. Findings of every severity, one muted.
 */
import { normalizeObject } from '../../../src-main/graph/model';
import type { OOI } from '../../../src-main/graph/model';
import type { TestKat } from '../../helpers/kat';
import { loadGraph } from '../../helpers/load-graph';

const NET = 'Network|internet';
export const HOST = 'Hostname|internet|example.org';
export const OTHER = 'Hostname|internet|other.org';
export const UNRELATED = 'Hostname|internet|unrelated.org';
export const IP = 'IPAddressV4|internet|192.0.2.10';
export const IP6 = 'IPAddressV6|internet|2001:db8::10';
export const IP_OTHER = 'IPAddressV4|internet|192.0.2.20';
export const IP_UNRELATED = 'IPAddressV4|internet|198.51.100.1';
export const P443 = `IPPort|internet|192.0.2.10|tcp|443`;
export const P80 = `IPPort|internet|192.0.2.10|tcp|80`;
export const P22 = `IPPort|internet|192.0.2.10|tcp|22`;
export const S443 = `IPService|internet|192.0.2.10|tcp|443|https`;
export const S80 = `IPService|internet|192.0.2.10|tcp|80|http`;
export const WEB443 = `Website|internet|192.0.2.10|tcp|443|https|internet|example.org`;
export const WEB80 = `Website|internet|192.0.2.10|tcp|80|http|internet|example.org`;
export const CERT = 'X509Certificate|Example CA|0A1B';
export const URL_HTTPS = 'HostnameHTTPURL|https|internet|example.org|443|/';
export const URL_HTTP = 'HostnameHTTPURL|http|internet|example.org|80|/';
export const RES443 = `HTTPResource|internet|192.0.2.10|tcp|443|https|internet|example.org|https|internet|example.org|443|/`;
export const RES80 = `HTTPResource|internet|192.0.2.10|tcp|80|http|internet|example.org|http|internet|example.org|80|/`;
export const HSTS_HEADER = `HTTPHeader|${RES443.slice('HTTPResource|'.length)}|strict-transport-security`;
export const SERVER_HEADER = `HTTPHeader|${RES443.slice('HTTPResource|'.length)}|server`;

export const FINDING_TYPES = [
  { type: 'KATFindingType', id: 'KAT-CERTIFICATE-EXPIRED', name: 'Certificate expired', risk_severity: 'high', risk_score: 8 },
  { type: 'CVEFindingType', id: 'CVE-2021-41773', name: 'Apache path traversal', risk_severity: 'high', risk_score: 7.5 },
  { type: 'CVEFindingType', id: 'CVE-2021-42013', name: 'Apache path traversal 2', risk_severity: 'critical', risk_score: 9.8 },
  { type: 'KATFindingType', id: 'KAT-NO-CSP', name: 'No CSP', risk_severity: 'medium', risk_score: 6 },
  { type: 'KATFindingType', id: 'KAT-OPEN-SYSADMIN-PORT', name: 'Sysadmin port', risk_severity: 'medium', risk_score: 5 },
  { type: 'KATFindingType', id: 'KAT-NO-SPF', name: 'No SPF', risk_severity: 'medium', risk_score: 5 },
  { type: 'KATFindingType', id: 'KAT-NO-DMARC', name: 'No DMARC', risk_severity: 'medium', risk_score: 5 },
  { type: 'KATFindingType', id: 'KAT-WEBSERVER-NO-IPV6', name: 'No IPv6', risk_severity: 'recommendation', risk_score: 0 },
] as const;

export const F = {
  cert: `Finding|${CERT}|KAT-CERTIFICATE-EXPIRED`,
  cve: `Finding|${SERVER_HEADER}|CVE-2021-41773`,
  cve2: `Finding|${SERVER_HEADER}|CVE-2021-42013`,
  csp: `Finding|${RES443}|KAT-NO-CSP`,
  ssh: `Finding|${P22}|KAT-OPEN-SYSADMIN-PORT`,
  spf: `Finding|${OTHER}|KAT-NO-SPF`,
  dmarc: `Finding|${OTHER}|KAT-NO-DMARC`,
  unrelated: `Finding|${UNRELATED}|KAT-NO-SPF`,
} as const;

/** the valid time everything is declared at */
export const T0 = '2026-03-01T09:00:00.000Z';

/** The fixture's objects (referenced objects included), valid from T0. */
export function reportGraphObjects(): OOI[] {
  const out = new Map<string, OOI>();
  const add = (type: string, data: Record<string, unknown>): string => {
    const o = normalizeObject(type, data);
    out.set(o.pk, o);
    return o.pk;
  };
  add('Network', { name: 'internet' });
  for (const name of ['example.org', 'other.org', 'unrelated.org', 'mail.example.org']) add('Hostname', { network: NET, name });
  for (const a of ['192.0.2.10', '192.0.2.20', '198.51.100.1']) add('IPAddressV4', { network: NET, address: a });
  add('IPAddressV6', { network: NET, address: '2001:db8::10' });
  for (const svc of ['https', 'http', 'ssh', 'smtp', 'domain', 'mysql']) add('Service', { name: svc });
  for (const t of FINDING_TYPES) {
    const { type, ...data } = t;
    add(type, { ...data, recommendation: `Fix ${t.id}.` });
  }
  // DNS of example.org
  add('DNSARecord', { hostname: HOST, address: IP, value: '192.0.2.10', ttl: 300 });
  add('DNSAAAARecord', { hostname: HOST, address: IP6, value: '2001:db8::10', ttl: 300 });
  add('DNSMXRecord', { hostname: HOST, value: '10 mail.example.org.', mail_hostname: 'Hostname|internet|mail.example.org', preference: 10, ttl: 3600 });
  add('DNSCAARecord', { hostname: HOST, flags: 0, tag: 'issue', value: 'letsencrypt.org', ttl: 3600 });
  const txt = add('DNSTXTRecord', { hostname: HOST, value: 'v=spf1 -all', ttl: 3600 });
  add('DNSSPFRecord', { dns_txt_record: txt, value: 'v=spf1 -all', all: '-' });
  add('DMARCTXTRecord', { hostname: HOST, value: 'v=DMARC1; p=reject' });
  add('DKIMExists', { hostname: HOST });
  add('ResolvedHostname', { hostname: HOST, address: IP });
  add('ResolvedHostname', { hostname: HOST, address: IP6 });
  // other.org: no mail records
  add('DNSARecord', { hostname: OTHER, address: IP_OTHER, value: '192.0.2.20', ttl: 300 });
  add('ResolvedHostname', { hostname: OTHER, address: IP_OTHER });
  // ports and services
  for (const [ip, port, proto, svc] of [
    [IP, 443, 'tcp', 'https'],
    [IP, 80, 'tcp', 'http'],
    [IP, 22, 'tcp', 'ssh'],
    [IP_OTHER, 25, 'tcp', 'smtp'],
    [IP_OTHER, 53, 'udp', 'domain'],
    [IP_UNRELATED, 3306, 'tcp', 'mysql'],
  ] as const) {
    const p = add('IPPort', { address: ip, protocol: proto, port });
    add('IPService', { ip_port: p, service: `Service|${svc}` });
  }
  add('TLSCipher', {
    ip_service: S443,
    suites: { 'TLSv1.2': [{ name: 'ECDHE-RSA-AES128-GCM-SHA256', bits: 128 }], 'TLSv1.0': [{ name: 'DES-CBC3-SHA', bits: 112 }] },
  });
  // websites
  add('X509Certificate', { issuer: 'Example CA', serial_number: '0A1B', subject: 'example.org', valid_until: '2026-02-01T00:00:00Z' });
  add('Website', { ip_service: S443, hostname: HOST, certificate: CERT });
  add('Website', { ip_service: S80, hostname: HOST });
  add('HostnameHTTPURL', { network: NET, scheme: 'https', netloc: HOST, port: 443, path: '/' });
  add('HostnameHTTPURL', { network: NET, scheme: 'http', netloc: HOST, port: 80, path: '/' });
  add('HTTPResource', { website: WEB443, web_url: URL_HTTPS });
  add('HTTPResource', { website: WEB80, web_url: URL_HTTP, redirects_to: URL_HTTPS });
  add('HTTPHeader', { resource: RES443, key: 'strict-transport-security', value: 'max-age=31536000' });
  add('HTTPHeader', { resource: RES443, key: 'server', value: 'Apache/2.4.49' });
  // unrelated.org, outside the scope
  add('ResolvedHostname', { hostname: UNRELATED, address: IP_UNRELATED });
  // findings
  const finding = (ooi: string, ft: string) => add('Finding', { ooi, finding_type: ft });
  finding(CERT, 'KATFindingType|KAT-CERTIFICATE-EXPIRED');
  finding(SERVER_HEADER, 'CVEFindingType|CVE-2021-41773');
  finding(SERVER_HEADER, 'CVEFindingType|CVE-2021-42013');
  finding(RES443, 'KATFindingType|KAT-NO-CSP');
  finding(P22, 'KATFindingType|KAT-OPEN-SYSADMIN-PORT');
  finding(OTHER, 'KATFindingType|KAT-NO-SPF');
  finding(OTHER, 'KATFindingType|KAT-NO-DMARC');
  finding(UNRELATED, 'KATFindingType|KAT-NO-SPF');
  const muted = finding(HOST, 'KATFindingType|KAT-WEBSERVER-NO-IPV6');
  // muted: left out of reports
  add('MutedFinding', { finding: muted, reason: 'accepted risk' });
  return [...out.values()];
}

/** Loads the fixture straight into the tables (valid and known from T0), with declarations of the two hostnames at L2. */
export async function seedReportGraph(kat: TestKat, org = 'acme'): Promise<void> {
  await loadGraph(kat.db, org, reportGraphObjects(), {
    time: T0,
    origins: [HOST, OTHER].map((pk) => ({ id: `Origin|declaration|manual|${pk}`, kind: 'declaration' as const, method: 'manual', source: pk, results: [pk] })),
  });
  for (const pk of [HOST, OTHER]) {
    await kat.db.query(`INSERT INTO scan_profiles (org, pk, level, kind, updated_at) VALUES ($1, $2, 2, 'declared', $3)`, [org, pk, T0]);
  }
}

export const SCOPE = { objects: [HOST, OTHER] };
