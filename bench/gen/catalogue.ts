/** Fixed vocabularies of the synthetic graph: names, ports, headers, finding types. */

export const TLDS = ['nl', 'com', 'eu', 'org', 'net', 'io', 'be', 'de'] as const;
export const DOMAIN_SUFFIXES = ['', '-group', 'online', '-services', 'bank', '-cloud', 'direct', '-labs', 'hub', '-ict'] as const;

export const LABELS = [
  'www', 'mail', 'api', 'portal', 'login', 'vpn', 'intranet', 'cdn', 'static', 'shop', 'blog', 'dev',
  'test', 'staging', 'acc', 'app', 'docs', 'support', 'status', 'git', 'ci', 'monitor', 'grafana',
  'admin', 'webmail', 'remote', 'owa', 'autodiscover', 'sso', 'files', 'backup', 'm', 'img', 'assets',
  'news', 'careers', 'pay', 'auth', 'id', 'crm', 'erp', 'jira', 'wiki', 'chat', 'meet', 'sftp', 'lb',
] as const;
export const ENVIRONMENTS = ['prod', 'acc', 'test', 'dev', 'int', 'dmz', 'eu-west', 'eu-central', 'office'] as const;

/** Shared infrastructure of many organisations: mail, name servers, CDNs. */
export const MAIL_PROVIDERS = ['mailshield.net', 'mx-relay.eu', 'postbox-hosting.com'] as const;
export const DNS_PROVIDERS = ['dnsplatform.net', 'nameservice.eu', 'hostingdns.com'] as const;
export const CDN_PROVIDERS = ['edge-cdn.net', 'cloudcache.io', 'fastedge.net'] as const;

/** First octets of public-looking IPv4 ranges (only ever strings: nothing is contacted). */
export const IPV4_FIRST_OCTETS = [31, 37, 45, 62, 77, 80, 85, 91, 94, 109, 145, 185, 193, 195, 212, 213, 217] as const;

export interface PortSpec {
  port: number;
  service: string;
  /** probability that a new address has this port open */
  p: number;
  web?: 'http' | 'https';
  finding?: string;
}

export const COMMON_PORTS: PortSpec[] = [
  { port: 80, service: 'http', p: 0.7, web: 'http' },
  { port: 443, service: 'https', p: 0.8, web: 'https' },
  { port: 22, service: 'ssh', p: 0.3, finding: 'KAT-OPEN-SYSADMIN-PORT' },
];

/** Odd ports: at most one per address, on ~12 % of addresses. */
export const ODD_PORTS: PortSpec[] = [
  { port: 21, service: 'ftp', p: 1, finding: 'KAT-UNCOMMON-OPEN-PORT' },
  { port: 25, service: 'smtp', p: 1 },
  { port: 3306, service: 'mysql', p: 1, finding: 'KAT-OPEN-DATABASE-PORT' },
  { port: 3389, service: 'ms-wbt-server', p: 1, finding: 'KAT-OPEN-SYSADMIN-PORT' },
  { port: 5432, service: 'postgresql', p: 1, finding: 'KAT-OPEN-DATABASE-PORT' },
  { port: 6379, service: 'redis', p: 1, finding: 'KAT-OPEN-DATABASE-PORT' },
  { port: 8080, service: 'http-proxy', p: 1, web: 'http' },
  { port: 8443, service: 'https-alt', p: 1, web: 'https' },
  { port: 9200, service: 'wap-wsp', p: 1, finding: 'KAT-UNCOMMON-OPEN-PORT' },
];
export const ODD_PORT_CHANCE = 0.12;

export const SERVER_HEADERS = ['nginx', 'nginx/1.22.1', 'Apache/2.4.57 (Debian)', 'Microsoft-IIS/10.0', 'cloudflare', 'envoy', 'openresty'] as const;

/** Security headers a site may send, with the finding raised when it does not. */
export const SECURITY_HEADERS: { key: string; value: string; p: number; finding: string; httpsOnly?: boolean }[] = [
  { key: 'strict-transport-security', value: 'max-age=31536000; includeSubDomains', p: 0.6, finding: 'KAT-NO-HSTS', httpsOnly: true },
  { key: 'content-security-policy', value: "default-src 'self'; frame-ancestors 'none'", p: 0.3, finding: 'KAT-NO-CSP' },
  { key: 'x-frame-options', value: 'DENY', p: 0.5, finding: 'KAT-NO-X-FRAME-OPTIONS' },
  { key: 'x-content-type-options', value: 'nosniff', p: 0.55, finding: 'KAT-NO-X-CONTENT-TYPE-OPTIONS' },
  { key: 'referrer-policy', value: 'strict-origin-when-cross-origin', p: 0.35, finding: 'KAT-NO-REFERRER-POLICY' },
];
