/**
 * The flywheel, end to end with real containers and the default schedules: a consultant declares
 * ONE hostname at L2; without further clicks the DNS boefje runs on it, the address it finds gets
 * its level through the inferred ResolvedHostname, nmap runs on the address, the website and its
 * URL inferred from the open web port get the certificate and web boefjes, bits infer findings, and
 * the graph settles with no task left queued. The exact set of objects is asserted.
 *
 * Services started here: a DNS server on 127.0.0.1 (random port) for the zone flywheel.test, and
 * an HTTPS site on 127.0.0.7:8443 (nmap names that port https-alt, so the service is a web service).
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createServer, type Server } from 'node:https';
import { startDnsServer, type TestDnsServer } from '../../helpers/dns-server';
import { makeTestPki, type TestPki } from '../../helpers/tls';
import { testKat, type TestKat } from '../../helpers/kat';
import { BASE_IMAGE_TIMEOUT_MS, describeWithEngine, ensureBaseImage, findTestEngine } from '../../helpers/podman';

const { engine, missing } = await findTestEngine();
const SITE_IP = '127.0.0.7';
const SITE_PORT = 8443;
const HOST = 'Hostname|internet|flywheel.test';

describeWithEngine('the flywheel: one declared hostname, everything else by itself (real engine)', missing, () => {
  let kat: TestKat;
  let dns: TestDnsServer;
  let pki: TestPki;
  let site: Server;

  beforeAll(async () => {
    await ensureBaseImage(engine!.docker);
    dns = await startDnsServer({
      zone: 'flywheel.test',
      records: [
        { name: 'flywheel.test', type: 'SOA', ttl: 3600, data: { mname: 'flywheel.test', rname: 'hostmaster.flywheel.test', serial: 1, refresh: 7200, retry: 3600, expire: 1209600, minimum: 300 } },
        { name: 'flywheel.test', type: 'A', data: SITE_IP },
      ],
    });
    pki = makeTestPki({ dnsNames: ['flywheel.test'], ips: [SITE_IP], days: 365, serials: { leaf: '4F1E' } });
    site = createServer({ key: pki.leafKeyPem, cert: pki.chainPem }, (_req, res) => {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'strict-transport-security': 'max-age=63072000; includeSubDomains' });
      res.end('<!doctype html><title>Flywheel</title>');
    });
    await new Promise<void>((resolve, reject) => {
      site.once('error', reject);
      site.listen(SITE_PORT, SITE_IP, () => resolve());
    });
    // the default schedules, inference on; the scheduler acts on events (its timer stays off)
    kat = await testKat({ engine: { socket: engine!.socket }, bits: {}, scheduler: { defaults: true } });
    await kat.api('orgs.clearance.acknowledge', { org: 'acme', maxLevel: 2, acknowledgedBy: 'Alex Auditor' });
    await kat.api('plugins.settings.set', { org: 'acme', id: 'dns-records', settings: { nameserver: '127.0.0.1', nameserver_port: dns.port, timeout_seconds: 2 } });
    await kat.api('plugins.settings.set', { org: 'acme', id: 'nmap', settings: { ports: String(SITE_PORT) } });
    for (const id of ['dns-records', 'nmap', 'ssl-certificates', 'webpage-analysis']) await kat.api('plugins.enable', { org: 'acme', id, enabled: true });
  }, BASE_IMAGE_TIMEOUT_MS);

  afterAll(async () => {
    await kat?.close();
    await dns?.close();
    await new Promise<void>((resolve) => (site ? site.close(() => resolve()) : resolve()));
    pki?.cleanup();
  });

  async function settle(): Promise<number> {
    for (let round = 1; round <= 20; round++) {
      await kat.runner.idle();
      await kat.outbox.dispatch();
      const open = await kat.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM tasks WHERE org = 'acme' AND status IN ('queued', 'running')`);
      if (open.rows[0]!.n === 0) return round;
    }
    throw new Error('the graph did not settle in 20 rounds');
  }

  it('declaring the hostname at L2 sets everything in motion; the graph settles with nothing queued', async () => {
    await kat.api('objects.declare', { org: 'acme', pk: HOST });
    await kat.api('levels.declare', { org: 'acme', pks: [HOST], level: 2 });
    const rounds = await settle();
    expect(rounds).toBeLessThanOrEqual(20);

    const tasks = await kat.db.query<{ plugin_id: string; input_pk: string | null; status: string; reason: string }>(
      `SELECT plugin_id, input_pk, status, reason FROM tasks WHERE org = 'acme' AND kind = 'boefje' ORDER BY plugin_id, input_pk`,
    );
    const port = `${SITE_IP}|tcp|${SITE_PORT}`;
    expect(tasks.rows.map((t) => [t.plugin_id, t.input_pk, t.status]).sort((a, b) => (a.join() < b.join() ? -1 : 1))).toEqual([
      ['dns-records', HOST, 'completed'],
      ['nmap', `IPAddressV4|internet|${SITE_IP}`, 'completed'],
      ['ssl-certificates', `Website|internet|${port}|https-alt|internet|flywheel.test`, 'completed'],
      ['ssl-certificates', `Website|internet|${port}|https|internet|flywheel.test`, 'completed'],
      ['webpage-analysis', `HostnameHTTPURL|https|internet|flywheel.test|${SITE_PORT}|/`, 'completed'],
      ['webpage-analysis', `IPAddressHTTPURL|https|internet|${SITE_IP}|${SITE_PORT}|/`, 'completed'],
    ]);
    expect(tasks.rows.every((t) => t.reason === 'schedule')).toBe(true);

    const levels = await kat.db.query<{ pk: string; level: number }>(`SELECT pk, level FROM scan_profiles WHERE org = 'acme' AND pk = $1`, [`IPAddressV4|internet|${SITE_IP}`]);
    expect(levels.rows[0]?.level).toBe(2);

    const objects = (await kat.db.query<{ pk: string }>(`SELECT pk FROM objects WHERE org = 'acme'`)).rows.map((r) => r.pk).sort();
    if (process.env.KAT_FLYWHEEL_DUMP) console.log(JSON.stringify(objects, null, 1));
    expect(objects).toEqual(EXPECTED());
  });
});

const EXPECTED = (): string[] => [
  'DNSARecord|internet|flywheel.test|127.0.0.7',
  'DNSSOARecord|internet|flywheel.test|internet|flywheel.test',
  'DNSZone|internet|flywheel.test',
  'Finding|HTTPResource|internet|127.0.0.7|tcp|8443|https|internet|flywheel.test|https|internet|flywheel.test|8443|/|KAT-NO-CSP',
  'Finding|HTTPResource|internet|127.0.0.7|tcp|8443|https|internet|flywheel.test|https|internet|flywheel.test|8443|/|KAT-NO-PERMISSIONS-POLICY',
  'Finding|HTTPResource|internet|127.0.0.7|tcp|8443|https|internet|flywheel.test|https|internet|flywheel.test|8443|/|KAT-NO-REFERRER-POLICY',
  'Finding|HTTPResource|internet|127.0.0.7|tcp|8443|https|internet|flywheel.test|https|internet|flywheel.test|8443|/|KAT-NO-X-CONTENT-TYPE-OPTIONS',
  'Finding|HTTPResource|internet|127.0.0.7|tcp|8443|https|internet|flywheel.test|https|internet|flywheel.test|8443|/|KAT-NO-X-FRAME-OPTIONS',
  'Finding|Hostname|internet|flywheel.test|KAT-NO-CAA',
  'Finding|Hostname|internet|flywheel.test|KAT-NO-DMARC',
  'Finding|Hostname|internet|flywheel.test|KAT-NO-SPF',
  'Finding|Hostname|internet|flywheel.test|KAT-WEBSERVER-NO-IPV6',
  'Finding|IPPort|internet|127.0.0.7|tcp|8443|KAT-UNCOMMON-OPEN-PORT',
  'HTTPHeader|internet|127.0.0.7|tcp|8443|https|internet|flywheel.test|https|internet|flywheel.test|8443|/|connection',
  'HTTPHeader|internet|127.0.0.7|tcp|8443|https|internet|flywheel.test|https|internet|flywheel.test|8443|/|content-type',
  'HTTPHeader|internet|127.0.0.7|tcp|8443|https|internet|flywheel.test|https|internet|flywheel.test|8443|/|date',
  'HTTPHeader|internet|127.0.0.7|tcp|8443|https|internet|flywheel.test|https|internet|flywheel.test|8443|/|keep-alive',
  'HTTPHeader|internet|127.0.0.7|tcp|8443|https|internet|flywheel.test|https|internet|flywheel.test|8443|/|strict-transport-security',
  'HTTPHeader|internet|127.0.0.7|tcp|8443|https|internet|flywheel.test|https|internet|flywheel.test|8443|/|transfer-encoding',
  'HTTPResource|internet|127.0.0.7|tcp|8443|https-alt|internet|flywheel.test|https|internet|flywheel.test|8443|/',
  'HTTPResource|internet|127.0.0.7|tcp|8443|https|internet|flywheel.test|https|internet|flywheel.test|8443|/',
  'HostnameHTTPURL|https|internet|flywheel.test|8443|/',
  'Hostname|internet|flywheel.test',
  'IPAddressHTTPURL|https|internet|127.0.0.7|8443|/',
  'IPAddressV4|internet|127.0.0.7',
  'IPPort|internet|127.0.0.7|tcp|8443',
  'IPService|internet|127.0.0.7|tcp|8443|https',
  'IPService|internet|127.0.0.7|tcp|8443|https-alt',
  'KATFindingType|KAT-NO-CAA',
  'KATFindingType|KAT-NO-CSP',
  'KATFindingType|KAT-NO-DMARC',
  'KATFindingType|KAT-NO-PERMISSIONS-POLICY',
  'KATFindingType|KAT-NO-REFERRER-POLICY',
  'KATFindingType|KAT-NO-SPF',
  'KATFindingType|KAT-NO-X-CONTENT-TYPE-OPTIONS',
  'KATFindingType|KAT-NO-X-FRAME-OPTIONS',
  'KATFindingType|KAT-UNCOMMON-OPEN-PORT',
  'KATFindingType|KAT-WEBSERVER-NO-IPV6',
  'Network|internet',
  'ResolvedHostname|internet|flywheel.test|internet|127.0.0.7',
  'Service|https',
  'Service|https-alt',
  'SubjectAlternativeNameHostname|CN=Kattegat Test Intermediate CA,O=Kattegat Test,C=NL|4F1E|internet|flywheel.test',
  'SubjectAlternativeNameIP|CN=Kattegat Test Intermediate CA,O=Kattegat Test,C=NL|4F1E|internet|127.0.0.7',
  'URL|internet|https://127.0.0.7:8443/',
  'URL|internet|https://flywheel.test:8443/',
  'Website|internet|127.0.0.7|tcp|8443|https-alt|internet|flywheel.test',
  'Website|internet|127.0.0.7|tcp|8443|https|internet|flywheel.test',
  'X509Certificate|CN=Kattegat Test Intermediate CA,O=Kattegat Test,C=NL|4F1E',
  'X509Certificate|CN=Kattegat Test Root CA,O=Kattegat Test,C=NL|2002',
];
