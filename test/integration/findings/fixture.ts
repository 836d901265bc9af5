import type { TestKat } from '../../helpers/kat';

/** anything with a typed api(): a TestKat, or a wrapper around a core the e2e tests start */
export type WithApi = Pick<TestKat, 'api'>;

export const HOST = 'Hostname|internet|example.org';
export const OTHER_HOST = 'Hostname|internet|other.org';
export const IP = 'IPAddressV4|internet|192.0.2.10';
export const RESOLVED = 'ResolvedHostname|internet|example.org|internet|192.0.2.10';
export const PORT = 'IPPort|internet|192.0.2.10|tcp|443';
export const SERVICE = 'IPService|internet|192.0.2.10|tcp|443|https';
export const WEBSITE = 'Website|internet|192.0.2.10|tcp|443|https|internet|example.org';
export const URL = 'HostnameHTTPURL|https|internet|example.org|443|/';
export const RESOURCE = 'HTTPResource|internet|192.0.2.10|tcp|443|https|internet|example.org|https|internet|example.org|443|/';
export const HEADER = `HTTPHeader|${RESOURCE.slice('HTTPResource|'.length)}|server`;
export const CERT = 'X509Certificate|Example CA|0A1B';

/** finding types with their severities and scores (KAT-NO-SPF has none: pending) */
export const TYPES = [
  { type: 'KATFindingType', id: 'KAT-CERTIFICATE-EXPIRED', name: 'Certificate expired', risk_severity: 'critical', risk_score: 10 },
  { type: 'CVEFindingType', id: 'CVE-2021-41773', name: 'Apache path traversal', risk_severity: 'critical', risk_score: 9.8 },
  { type: 'KATFindingType', id: 'KAT-NO-HSTS', name: 'No HSTS header', risk_severity: 'high', risk_score: 8.9 },
  { type: 'KATFindingType', id: 'KAT-NO-CSP', name: 'No Content-Security-Policy', risk_severity: 'medium', risk_score: 6.9 },
  { type: 'KATFindingType', id: 'KAT-OPEN-SYSADMIN-PORT', name: 'Open sysadmin port', risk_severity: 'low', risk_score: 3.9 },
  { type: 'KATFindingType', id: 'KAT-NO-SECURITY-TXT', name: 'No security.txt', risk_severity: 'recommendation', risk_score: 0 },
  { type: 'CVEFindingType', id: 'CVE-2099-0001', name: 'Unscored CVE', risk_severity: 'unknown' },
] as const;

export const F = {
  certExpired: `Finding|${CERT}|KAT-CERTIFICATE-EXPIRED`,
  cve: `Finding|${HEADER}|CVE-2021-41773`,
  hsts: `Finding|${RESOURCE}|KAT-NO-HSTS`,
  csp: `Finding|${RESOURCE}|KAT-NO-CSP`,
  port: `Finding|${PORT}|KAT-OPEN-SYSADMIN-PORT`,
  securityTxt: `Finding|${WEBSITE}|KAT-NO-SECURITY-TXT`,
  unscored: `Finding|${IP}|CVE-2099-0001`,
  spf: `Finding|${HOST}|KAT-NO-SPF`,
  otherSpf: `Finding|${OTHER_HOST}|KAT-NO-SPF`,
} as const;

/**
 * A hostname resolving to an IP with an HTTPS service, website, certificate, resource and header,
 * an unrelated second hostname, and findings of every severity on them, all declared.
 */
export async function seedFindings(kat: WithApi, org = 'acme'): Promise<void> {
  const declare = (type: string, data: Record<string, unknown>) => kat.api('objects.declare', { org, object: { type, data } });
  for (const t of TYPES) {
    const { type, ...data } = t;
    await declare(type, { ...data, description: `${t.name}: what it means`, impact: `impact of ${t.id}`, recommendation: `fix ${t.id}`, source: `https://example.test/${t.id}` });
  }
  await declare('X509Certificate', { issuer: 'Example CA', serial_number: '0A1B', subject: 'example.org' });
  await declare('ResolvedHostname', { hostname: HOST, address: IP });
  await declare('Website', { ip_service: SERVICE, hostname: HOST, certificate: CERT });
  await declare('HostnameHTTPURL', { network: 'Network|internet', scheme: 'https', netloc: HOST, port: 443, path: '/' });
  await declare('HTTPHeader', { resource: RESOURCE, key: 'server', value: 'Apache/2.4.49' });
  await kat.api('objects.declare', { org, pk: OTHER_HOST });
  const finding = (ooi: string, ft: string, description: string) => declare('Finding', { ooi, finding_type: ft, description });
  await finding(CERT, 'KATFindingType|KAT-CERTIFICATE-EXPIRED', 'expired on 2025-01-01');
  await finding(HEADER, 'CVEFindingType|CVE-2021-41773', 'Apache 2.4.49');
  await finding(RESOURCE, 'KATFindingType|KAT-NO-HSTS', 'no Strict-Transport-Security');
  await finding(RESOURCE, 'KATFindingType|KAT-NO-CSP', 'no Content-Security-Policy');
  await finding(PORT, 'KATFindingType|KAT-OPEN-SYSADMIN-PORT', 'port 443 is not sysadmin, but for the test');
  await finding(WEBSITE, 'KATFindingType|KAT-NO-SECURITY-TXT', 'no /.well-known/security.txt');
  await finding(IP, 'CVEFindingType|CVE-2099-0001', 'not scored yet');
  await finding(HOST, 'KATFindingType|KAT-NO-SPF', 'no SPF record');
  await finding(OTHER_HOST, 'KATFindingType|KAT-NO-SPF', 'no SPF record either');
}
