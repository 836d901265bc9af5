/** One valid object per concrete type, with its exact primary key. Shared by the model tests. */
import { createHash } from 'node:crypto';

export interface Example {
  type: string;
  data: Record<string, unknown>;
  pk: string;
  /** expected (partial) tokenized key */
  tokenized?: Record<string, unknown>;
}

const sha1 = (s: string) => createHash('sha1').update(s).digest('hex');

export const NET = 'Network|internet';
export const IP4 = 'IPAddressV4|internet|1.1.1.1';
export const IP6 = 'IPAddressV6|internet|2001:db8::1';
export const HOST = 'Hostname|internet|example.org';
export const PORT = 'IPPort|internet|1.1.1.1|tcp|443';
export const SVC = 'IPService|internet|1.1.1.1|tcp|443|https';
export const SITE = 'Website|internet|1.1.1.1|tcp|443|https|internet|example.org';
export const URL_H = 'HostnameHTTPURL|https|internet|example.org|443|/';
export const URL_IP = 'IPAddressHTTPURL|http|internet|1.1.1.1|80|/index.html';
export const RES = `HTTPResource|${SITE.slice(8)}|https|internet|example.org|443|/`;
export const HDR = `HTTPHeader|${RES.slice(13)}|location`;
export const TXT_VALUE = 'v=spf1 ip4:1.1.1.1 include:_spf.example.org -all';
export const TXT = `DNSTXTRecord|internet|example.org|${sha1(TXT_VALUE)}`;
export const SPF = `DNSSPFRecord|internet|example.org|${sha1(TXT_VALUE)}|${sha1(TXT_VALUE)}`;
export const CERT = 'X509Certificate|R3|04AB';
export const RECIPE_ID = '8a4c1b2e-1f0d-4c3b-9a6e-0123456789ab';
export const RECIPE = `ReportRecipe|${RECIPE_ID}`;
const NB4 = 'IPV4NetBlock|internet|internet|10.0.0.0|24';
const SEL = 'DKIMSelector|google|internet|example.org';
const API = `RESTAPI|${URL_H.slice(16)}`;
const REPORT_BASE = {
  name: 'DNS report',
  date_generated: '2025-01-02T03:04:05Z',
  reference_date: '2025-01-01T00:00:00+01:00',
  organization_code: 'acme',
  organization_name: 'ACME',
  organization_tags: ['gov'],
  data_raw_id: 'raw-1',
  observed_at: '2025-01-01T00:00:00Z',
  report_recipe: RECIPE,
  report_type: 'dns-report',
};

export const EXAMPLES: Example[] = [
  { type: 'Network', data: { name: 'internet' }, pk: NET, tokenized: { name: 'internet' } },
  {
    type: 'IPAddressV4',
    data: { network: NET, address: '1.1.1.1', netblock: NB4 },
    pk: IP4,
    tokenized: { network: { name: 'internet' }, address: '1.1.1.1' },
  },
  {
    type: 'IPAddressV6',
    data: { network: NET, address: '2001:DB8:0:0:0:0:0:1' },
    pk: IP6,
    tokenized: { address: '2001:db8::1' },
  },
  { type: 'AutonomousSystem', data: { number: 'AS1234', name: 'Example' }, pk: 'AutonomousSystem|AS1234' },
  {
    type: 'IPV4NetBlock',
    data: { network: NET, start_ip: 'IPAddressV4|internet|10.0.0.0', mask: 24, announced_by: 'AutonomousSystem|AS1234' },
    pk: NB4,
    tokenized: { network: { name: 'internet' }, start_ip: { network: { name: 'internet' }, address: '10.0.0.0' }, mask: '24' },
  },
  {
    type: 'IPV6NetBlock',
    data: { network: NET, start_ip: 'IPAddressV6|internet|2001:db8::', mask: 32, name: 'doc' },
    pk: 'IPV6NetBlock|internet|internet|2001:db8::|32',
  },
  {
    type: 'IPPort',
    data: { address: IP4, protocol: 'tcp', port: 443, state: 'open|filtered' },
    pk: PORT,
    tokenized: { address: { address: '1.1.1.1', network: { name: 'internet' } }, protocol: 'tcp', port: '443' },
  },
  { type: 'Service', data: { name: 'https' }, pk: 'Service|https' },
  {
    type: 'IPService',
    data: { ip_port: PORT, service: 'Service|https' },
    pk: SVC,
    tokenized: { ip_port: { port: '443' }, service: { name: 'https' } },
  },
  {
    type: 'TLSCipher',
    data: { ip_service: SVC, suites: { 'TLSv1.3': ['TLS_AES_128_GCM_SHA256'] } },
    pk: `TLSCipher|${SVC.slice(10)}`,
  },
  {
    type: 'Hostname',
    data: { network: NET, name: 'Example.ORG.', dns_zone: 'DNSZone|internet|example.org', registered_domain: HOST },
    pk: HOST,
    tokenized: { network: { name: 'internet' }, name: 'example.org' },
  },
  {
    type: 'DNSZone',
    data: { hostname: HOST, parent: 'DNSZone|internet|org' },
    pk: 'DNSZone|internet|example.org',
  },
  {
    type: 'ResolvedHostname',
    data: { hostname: HOST, address: IP6 },
    pk: 'ResolvedHostname|internet|example.org|internet|2001:db8::1',
    tokenized: { address: { address: '2001:db8::1' } },
  },
  {
    type: 'DNSARecord',
    data: { hostname: HOST, value: '1.1.1.1', address: IP4, ttl: 300 },
    pk: 'DNSARecord|internet|example.org|1.1.1.1',
    tokenized: { hostname: { name: 'example.org' }, value: '1.1.1.1' },
  },
  {
    type: 'DNSAAAARecord',
    data: { hostname: HOST, value: '2001:db8::1', address: IP6 },
    pk: 'DNSAAAARecord|internet|example.org|2001:db8::1',
  },
  {
    type: 'DNSMXRecord',
    data: { hostname: HOST, value: '10 mail.example.org.', mail_hostname: 'Hostname|internet|mail.example.org', preference: 10 },
    pk: 'DNSMXRecord|internet|example.org|10 mail.example.org.',
  },
  {
    type: 'DNSNSRecord',
    data: { hostname: HOST, value: 'ns1.example.net.', name_server_hostname: 'Hostname|internet|ns1.example.net' },
    pk: 'DNSNSRecord|internet|example.org|ns1.example.net.',
  },
  {
    type: 'DNSCNAMERecord',
    data: { hostname: 'Hostname|internet|www.example.org', value: 'example.org.', target_hostname: HOST },
    pk: 'DNSCNAMERecord|internet|www.example.org|example.org.',
  },
  {
    type: 'DNSTXTRecord',
    data: { hostname: HOST, value: TXT_VALUE },
    pk: TXT,
    tokenized: { value: sha1(TXT_VALUE) },
  },
  {
    type: 'DNSSOARecord',
    data: { hostname: HOST, value: 'ns1.example.net. admin.example.org. 1 2 3 4 5', soa_hostname: 'Hostname|internet|ns1.example.net', serial: 1 },
    pk: 'DNSSOARecord|internet|example.org|internet|ns1.example.net',
    tokenized: { soa_hostname: { name: 'ns1.example.net' } },
  },
  {
    type: 'DNSPTRRecord',
    data: { hostname: HOST, value: 'example.org.', address: IP4 },
    pk: 'DNSPTRRecord|internet|example.org|internet|1.1.1.1',
  },
  {
    type: 'DNSCAARecord',
    data: { hostname: HOST, flags: 0, tag: 'issue', value: 'letsencrypt.org' },
    pk: 'DNSCAARecord|internet|example.org|0|issue|letsencrypt.org',
    tokenized: { flags: '0', tag: 'issue', value: 'letsencrypt.org' },
  },
  { type: 'NXDOMAIN', data: { hostname: 'Hostname|internet|nope.example.org' }, pk: 'NXDOMAIN|internet|nope.example.org' },
  {
    type: 'DNSSPFRecord',
    data: { value: TXT_VALUE, dns_txt_record: TXT, all: '-' },
    pk: SPF,
    tokenized: { dns_txt_record: { hostname: { name: 'example.org' }, value: sha1(TXT_VALUE) }, value: sha1(TXT_VALUE) },
  },
  {
    type: 'DNSSPFMechanismIP',
    data: { spf_record: SPF, mechanism: 'ip4', ip: IP4, qualifier: '+' },
    pk: `DNSSPFMechanismIP|${SPF.slice(13)}|ip4|internet|1.1.1.1|+`,
  },
  {
    type: 'DNSSPFMechanismHostname',
    data: { spf_record: SPF, mechanism: 'include', hostname: 'Hostname|internet|_spf.example.org' },
    pk: `DNSSPFMechanismHostname|${SPF.slice(13)}|include|internet|_spf.example.org|+`,
  },
  {
    type: 'DNSSPFMechanismNetBlock',
    data: { spf_record: SPF, mechanism: 'ip6', netblock: 'IPV6NetBlock|internet|internet|2001:db8::|32', qualifier: '~' },
    pk: `DNSSPFMechanismNetBlock|${SPF.slice(13)}|ip6|internet|internet|2001:db8::|32|~`,
  },
  {
    type: 'DMARCTXTRecord',
    data: { value: 'v=DMARC1; p=reject', hostname: 'Hostname|internet|_dmarc.example.org' },
    pk: 'DMARCTXTRecord|v=DMARC1; p=reject|internet|_dmarc.example.org',
  },
  { type: 'DKIMExists', data: { hostname: HOST }, pk: 'DKIMExists|internet|example.org' },
  { type: 'DKIMSelector', data: { selector: 'google', hostname: HOST }, pk: SEL },
  {
    type: 'DKIMKey',
    data: { key: 'MIIBIjANBgkqh+/=', dkim_selector: SEL },
    pk: 'DKIMKey|MIIBIjANBgkqh+/=|google|internet|example.org',
    tokenized: { dkim_selector: { selector: 'google' } },
  },
  {
    type: 'Website',
    data: { ip_service: SVC, hostname: HOST, certificate: CERT },
    pk: SITE,
    tokenized: { ip_service: { ip_port: { address: { address: '1.1.1.1' } } }, hostname: { name: 'example.org' } },
  },
  {
    type: 'HostnameHTTPURL',
    data: { network: NET, scheme: 'https', netloc: HOST, port: 443, path: '/' },
    pk: URL_H,
    tokenized: { scheme: 'https', netloc: { network: { name: 'internet' }, name: 'example.org' }, port: '443', path: '/' },
  },
  {
    type: 'IPAddressHTTPURL',
    data: { network: NET, scheme: 'http', netloc: IP4, port: 80, path: '/index.html' },
    pk: URL_IP,
    tokenized: { netloc: { address: '1.1.1.1' } },
  },
  {
    type: 'URL',
    data: { network: NET, raw: 'https://example.org/', web_url: URL_H },
    pk: 'URL|internet|https://example.org/',
  },
  { type: 'HTTPResource', data: { website: SITE, web_url: URL_H, redirects_to: URL_IP }, pk: RES },
  { type: 'HTTPHeader', data: { resource: RES, key: 'location', value: 'https://example.org/a' }, pk: HDR },
  {
    type: 'HTTPHeaderURL',
    data: { header: HDR, url: 'URL|internet|https://example.org/a' },
    pk: `HTTPHeaderURL|${HDR.slice(11)}|internet|https://example.org/a`,
  },
  {
    type: 'HTTPHeaderHostname',
    data: { header: HDR, hostname: 'Hostname|internet|cdn.example.net' },
    pk: `HTTPHeaderHostname|${HDR.slice(11)}|internet|cdn.example.net`,
  },
  { type: 'ImageMetadata', data: { resource: RES, image_info: { width: 10 } }, pk: `ImageMetadata|${RES.slice(13)}` },
  {
    type: 'SecurityTXT',
    data: { website: SITE, url: 'URL|internet|https://example.org/.well-known/security.txt', security_txt: 'Contact: x' },
    pk: `SecurityTXT|${SITE.slice(8)}|internet|https://example.org/.well-known/security.txt`,
  },
  { type: 'RESTAPI', data: { api_url: URL_H }, pk: API },
  { type: 'APIDesignRule', data: { name: 'API-09' }, pk: 'APIDesignRule|API-09' },
  {
    type: 'APIDesignRuleResult',
    data: { rest_api: API, rule: 'APIDesignRule|API-09', passed: false, message: 'no version in URL' },
    pk: `APIDesignRuleResult|${API.slice(8)}|API-09`,
  },
  {
    type: 'X509Certificate',
    data: { issuer: 'R3', serial_number: '04AB', subject: 'example.org', signed_by: 'X509Certificate|ISRG Root X1|01' },
    pk: CERT,
    tokenized: { issuer: 'R3', serial_number: '04AB' },
  },
  {
    type: 'SubjectAlternativeNameHostname',
    data: { certificate: CERT, hostname: HOST },
    pk: 'SubjectAlternativeNameHostname|R3|04AB|internet|example.org',
  },
  {
    type: 'SubjectAlternativeNameIP',
    data: { certificate: CERT, address: IP4 },
    pk: 'SubjectAlternativeNameIP|R3|04AB|internet|1.1.1.1',
  },
  {
    type: 'SubjectAlternativeNameQualifier',
    data: { certificate: CERT, name: 'email:admin@example.org' },
    pk: 'SubjectAlternativeNameQualifier|R3|04AB|email:admin@example.org',
  },
  { type: 'Software', data: { name: 'nginx', version: '1.25' }, pk: 'Software|nginx|1.25|', tokenized: { cpe: '' } },
  {
    type: 'SoftwareInstance',
    data: { ooi: PORT, software: 'Software|nginx|1.25|' },
    pk: 'SoftwareInstance|IPPort|internet|1.1.1.1|tcp|443|Software|nginx|1.25|',
    tokenized: { ooi: { address: { address: '1.1.1.1' }, port: '443' }, software: { name: 'nginx', version: '1.25', cpe: '' } },
  },
  {
    type: 'Question',
    data: { schema_id: '/bit/port-classification-ip', ooi: NET, json_schema: '{}' },
    pk: 'Question|/bit/port-classification-ip|internet',
  },
  {
    type: 'Config',
    data: { ooi: NET, bit_id: 'port-classification-ip', config: { common_tcp_ports: '80,443' } },
    pk: 'Config|internet|port-classification-ip',
    tokenized: { ooi: { name: 'internet' }, bit_id: 'port-classification-ip' },
  },
  {
    type: 'GeographicPoint',
    data: { ooi: IP4, longitude: 4.9, latitude: 52.37 },
    pk: 'GeographicPoint|IPAddressV4|internet|1.1.1.1|4.9|52.37',
  },
  { type: 'Application', data: { name: 'webshop' }, pk: 'Application|webshop' },
  {
    type: 'Incident',
    data: {
      application: 'Application|webshop',
      event_id: 'e-1',
      event_type: 'alert',
      event_title: 'down',
      severity: 'high',
      meta_data: {},
    },
    pk: 'Incident|webshop|e-1',
  },
  { type: 'ExternalScan', data: { name: 'pentest-2025' }, pk: 'ExternalScan|pentest-2025' },
  {
    type: 'ReportData',
    data: { organization_code: 'acme', organization_name: 'ACME', organization_tags: [], data: { x: 1 } },
    pk: 'ReportData|acme',
  },
  {
    type: 'ReportRecipe',
    data: {
      recipe_id: RECIPE_ID,
      report_name_format: '${report_type} for ${ooi}',
      input_recipe: { input_oois: [HOST] },
      report_type: 'concatenated-report',
      asset_report_types: ['dns-report'],
      cron_expression: '0 * * * *',
    },
    pk: RECIPE,
  },
  {
    type: 'Report',
    data: { ...REPORT_BASE, input_oois: [HOST] },
    pk: `Report|${RECIPE_ID}`,
    tokenized: { report_recipe: { recipe_id: RECIPE_ID } },
  },
  {
    type: 'AssetReport',
    data: { ...REPORT_BASE, input_ooi: HOST },
    pk: 'AssetReport|Hostname|internet|example.org|dns-report',
  },
  { type: 'KATFindingType', data: { id: 'KAT-NO-HSTS', risk_severity: 'medium' }, pk: 'KATFindingType|KAT-NO-HSTS' },
  { type: 'CVEFindingType', data: { id: 'cve-2021-41773', risk_score: 7.5 }, pk: 'CVEFindingType|CVE-2021-41773' },
  { type: 'CWEFindingType', data: { id: 'cwe-79' }, pk: 'CWEFindingType|CWE-79' },
  { type: 'CAPECFindingType', data: { id: 'capec-100' }, pk: 'CAPECFindingType|CAPEC-100' },
  { type: 'RetireJSFindingType', data: { id: 'RetireJS-jquery-8b8c3c5d' }, pk: 'RetireJSFindingType|RetireJS-jquery-8b8c3c5d' },
  { type: 'SnykFindingType', data: { id: 'snyk-js-lodash-567746' }, pk: 'SnykFindingType|SNYK-JS-LODASH-567746' },
  { type: 'ADRFindingType', data: { id: 'API-09' }, pk: 'ADRFindingType|API-09' },
  {
    type: 'Finding',
    data: { ooi: HOST, finding_type: 'KATFindingType|KAT-NO-SPF', proof: 'no record' },
    pk: 'Finding|Hostname|internet|example.org|KAT-NO-SPF',
    tokenized: { ooi: { network: { name: 'internet' }, name: 'example.org' }, finding_type: { id: 'KAT-NO-SPF' } },
  },
  {
    type: 'MutedFinding',
    data: { finding: 'Finding|Hostname|internet|example.org|KAT-NO-SPF', reason: 'accepted risk' },
    pk: 'MutedFinding|Hostname|internet|example.org|KAT-NO-SPF',
  },
];
