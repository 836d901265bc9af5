/**
 * The repository's real bits and finding-type catalogue on a fixture graph that grows and shrinks
 * the way scans make it: observations as the normalizers would save them, inference in between.
 * Findings appear and disappear exactly as expected.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testKat, type TestKat } from '../../helpers/kat';

const NET = 'Network|internet';
const HOST = 'Hostname|internet|shop.example.org';
const IP = 'IPAddressV4|internet|192.0.2.20';
const port = (n: number) => `IPPort|internet|192.0.2.20|tcp|${n}`;
const svc = (n: number, s: string) => `IPService|internet|192.0.2.20|tcp|${n}|${s}`;
const WEB443 = `Website|internet|192.0.2.20|tcp|443|https|internet|shop.example.org`;
const URL443 = 'HostnameHTTPURL|https|internet|shop.example.org|443|/';
const RES443 = `HTTPResource|internet|192.0.2.20|tcp|443|https|internet|shop.example.org|https|internet|shop.example.org|443|/`;

let kat: TestKat;
beforeAll(async () => {
  kat = await testKat({ bits: {} });
  kat.clock.set('2026-06-01T10:00:00Z');
  await kat.api('orgs.clearance.acknowledge', { org: 'acme', maxLevel: 2, acknowledgedBy: 'Tess Tester' });
  await kat.api('objects.declare', { org: 'acme', pk: HOST });
  await kat.api('levels.declare', { org: 'acme', pks: [HOST], level: 2 });
});
afterAll(async () => {
  await kat.close();
});

const observe = (source: string, method: string, results: { type: string; data: Record<string, unknown> }[]) =>
  kat.api('origins.save', { org: 'acme', kind: 'observation', method, sourceMethod: 'fixture-boefje', source, results });

async function findings(): Promise<string[]> {
  const r = await kat.db.query<{ pk: string }>(`SELECT pk FROM objects WHERE org = 'acme' AND type = 'Finding' ORDER BY pk`);
  return r.rows.map((x) => x.pk.replace(/^Finding\|/, ''));
}
async function exists(pk: string): Promise<boolean> {
  return (await kat.db.query(`SELECT 1 FROM objects WHERE org = 'acme' AND pk = $1`, [pk])).rows.length > 0;
}

const dns = [
  { type: 'DNSARecord', data: { hostname: HOST, value: '192.0.2.20', address: IP } },
  { type: 'DNSSOARecord', data: { hostname: HOST, value: 'ns1.example.org. hostmaster.example.org. 1 7200 3600 1209600 3600', soa_hostname: 'Hostname|internet|ns1.example.org' } },
  { type: 'DNSTXTRecord', data: { hostname: HOST, value: 'v=spf1 ip4:192.0.2.0/24 ptr -all' } },
];
const nmap = (ports: [number, string][]) =>
  ports.flatMap(([n, s]) => [
    { type: 'IPPort', data: { address: IP, protocol: 'tcp', port: n, state: 'open' } },
    { type: 'Service', data: { name: s } },
    { type: 'IPService', data: { ip_port: port(n), service: `Service|${s}` } },
  ]);
const page = (headers: Record<string, string>) => [
  { type: 'HTTPResource', data: { website: WEB443, web_url: URL443 } },
  ...Object.entries(headers).map(([key, value]) => ({ type: 'HTTPHeader', data: { resource: RES443, key, value } })),
];

describe('real bits on a growing and shrinking graph', () => {
  it('DNS: the hostname resolves, its address inherits the level, SPF is laid out with its deprecated mechanism', async () => {
    await observe(HOST, 'kat_dns_normalizer', dns);
    expect(await exists(`ResolvedHostname|internet|shop.example.org|internet|192.0.2.20`)).toBe(true);
    const lvl = await kat.api('levels.get', { org: 'acme', pk: IP });
    expect(lvl.level).toBe(2);
    expect(await findings()).toEqual([
      'Hostname|internet|shop.example.org|KAT-DEPRECATED-SPF-MECHANISM',
      'Hostname|internet|shop.example.org|KAT-NO-CAA',
      'Hostname|internet|shop.example.org|KAT-NO-DMARC',
    ]);
  });

  it('ports: websites, URLs and web URLs are discovered; sysadmin and database ports are findings with catalogue severities', async () => {
    await observe(IP, 'kat_nmap_normalizer', nmap([[22, 'ssh'], [443, 'https'], [3306, 'mysql']]));
    expect(await exists(WEB443)).toBe(true);
    expect(await exists('URL|internet|https://shop.example.org/')).toBe(true);
    expect(await exists(URL443)).toBe(true);
    expect(await exists(RES443)).toBe(true);
    const f = await findings();
    expect(f).toContain('IPPort|internet|192.0.2.20|tcp|22|KAT-OPEN-SYSADMIN-PORT');
    expect(f).toContain('IPPort|internet|192.0.2.20|tcp|3306|KAT-OPEN-DATABASE-PORT');
    const ft = await kat.api('objects.get', { org: 'acme', pk: 'KATFindingType|KAT-OPEN-DATABASE-PORT' });
    expect(ft.object.data).toMatchObject({ risk_severity: 'high' });
    expect(typeof ft.object.data.name).toBe('string');
  });

  it('headers: a page without security headers gets the missing-header findings; adding HSTS removes exactly that one', async () => {
    await observe(URL443, 'kat_webpage_analysis_normalizer', page({ 'content-type': 'text/html; charset=utf-8', server: 'Apache/2.4.49 (Unix)' }));
    const onRes = (await findings()).filter((x) => x.startsWith('HTTPResource|')).map((x) => x.split('|').pop());
    expect(onRes).toEqual(
      expect.arrayContaining(['KAT-NO-HSTS', 'KAT-NO-CSP', 'KAT-NO-X-FRAME-OPTIONS', 'KAT-NO-X-CONTENT-TYPE-OPTIONS', 'CVE-2021-41773']),
    );
    const cve = await kat.api('objects.get', { org: 'acme', pk: 'CVEFindingType|CVE-2021-41773' });
    expect(cve.object.data).toMatchObject({ risk_severity: 'high', risk_score: 7.5 });

    await observe(URL443, 'kat_webpage_analysis_normalizer', page({ 'content-type': 'text/html; charset=utf-8', server: 'Apache/2.4.49 (Unix)', 'strict-transport-security': 'max-age=63072000; includeSubDomains' }));
    const after = (await findings()).filter((x) => x.startsWith('HTTPResource|')).map((x) => x.split('|').pop());
    expect(after).not.toContain('KAT-NO-HSTS');
    expect(after.length).toBe(onRes.length - 1);
  });

  it('certificates: an expired certificate on the website is a finding; time passing turns expiring-soon into expired', async () => {
    const cert = 'X509Certificate|Test CA|0A1B';
    await observe(WEB443, 'kat_ssl_certificates_normalizer', [
      { type: 'X509Certificate', data: { issuer: 'Test CA', serial_number: '0A1B', subject: 'CN=shop.example.org', valid_from: '2025-06-10T00:00:00.000Z', valid_until: '2026-06-10T00:00:00.000Z' } },
      { type: 'SubjectAlternativeNameHostname', data: { certificate: cert, hostname: HOST } },
      { type: 'Website', data: { ip_service: svc(443, 'https'), hostname: HOST, certificate: cert } },
    ]);
    let f = await findings();
    expect(f).toContain('X509Certificate|Test CA|0A1B|KAT-CERTIFICATE-EXPIRING-SOON');
    expect(f).not.toContain('X509Certificate|Test CA|0A1B|KAT-CERTIFICATE-EXPIRED');
    kat.clock.set('2026-06-11T10:00:00Z');
    expect(await kat.bits.tick()).toEqual(['acme']);
    await kat.outbox.dispatch();
    f = await findings();
    expect(f).toContain('X509Certificate|Test CA|0A1B|KAT-CERTIFICATE-EXPIRED');
    expect(f).not.toContain('X509Certificate|Test CA|0A1B|KAT-CERTIFICATE-EXPIRING-SOON');
    // not due again within 24 hours
    expect(await kat.bits.tick()).toEqual([]);
  });

  it('shrinking: a closed port takes its finding along; the port list per network comes from a Config', async () => {
    await observe(IP, 'kat_nmap_normalizer', nmap([[443, 'https'], [3306, 'mysql']]));
    let f = await findings();
    expect(f).not.toContain('IPPort|internet|192.0.2.20|tcp|22|KAT-OPEN-SYSADMIN-PORT');
    expect(f).toContain('IPPort|internet|192.0.2.20|tcp|3306|KAT-OPEN-DATABASE-PORT');
    // this network treats 3306 as expected: no database-port finding
    await kat.api('objects.declare', {
      org: 'acme',
      object: { type: 'Config', data: { ooi: NET, bit_id: 'port-classification-ip', config: { database_ports: [1433], common_tcp_ports: [443, 3306] } } },
    });
    f = await findings();
    expect(f.filter((x) => x.startsWith('IPPort|'))).toEqual([]);
  });

  it('deleting the hostname takes every inference that stood on it; a full re-run afterwards changes nothing', async () => {
    await kat.api('objects.delete', { org: 'acme', pk: HOST });
    const left = await findings();
    expect(left.filter((x) => x.includes('shop.example.org'))).toEqual([]);
    const stats = await kat.api('bits.run', { org: 'acme' });
    expect(stats.changed).toBe(0);
    expect(stats.failed).toBe(0);
  });
});
