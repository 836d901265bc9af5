/** The dns-records boefje in its real image against test/helpers/dns-server.ts, through kat_dns_normalizer into a real graph. */
import { createSocket } from 'node:dgram';
import type Docker from 'dockerode';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { normalizeObject, type OOI } from '../../../src-main/graph/model';
import { normalizeDns } from '../../../plugins/normalizers/kat_dns_normalizer/normalize';
import { buildBoefje, normalizeOutput, observe, runBoefje } from '../../helpers/boefje';
import { startDnsServer, type TestDnsServer } from '../../helpers/dns-server';
import { testKat } from '../../helpers/kat';
import { fixture } from '../../helpers/normalizer';
import { BASE_IMAGE_TIMEOUT_MS, describeWithEngine, ensureBaseImage, findTestEngine } from '../../helpers/podman';

const { engine, missing } = await findTestEngine();
const MIME = 'boefje/dns-records';
const host = (name: string) => normalizeObject('Hostname', { network: 'Network|internet', name });
const pks = (objects: OOI[]) => objects.map((o) => o.pk).sort();

describeWithEngine('dns-records boefje (real image, local DNS server)', missing, () => {
  let docker: Docker;
  let dns: TestDnsServer;
  const settings = () => ({ nameserver: '127.0.0.1', nameserver_port: dns.port, timeout_seconds: 2 });

  beforeAll(async () => {
    docker = engine!.docker;
    await ensureBaseImage(docker);
    await buildBoefje(docker, 'dns-records');
    dns = await startDnsServer();
  }, BASE_IMAGE_TIMEOUT_MS);
  afterAll(async () => {
    await dns?.close();
  });

  it('looks up every record type and _dmarc; the normalizer gives what the fixture gives; the graph holds it', async () => {
    dns.queries.length = 0;
    const input = host('example.test');
    const run = await runBoefje(docker, 'dns-records', input, settings());
    expect(run.error).toBeUndefined();
    expect(run.exitCode, run.stderr).toBe(0);
    expect(run.files.map((f) => [f.name, f.mimeTypes])).toEqual([['dns-records.json', [MIME]]]);
    expect([...dns.queries].sort()).toEqual(
      ['A', 'AAAA', 'CAA', 'CNAME', 'MX', 'NS', 'SOA', 'TXT'].map((t) => `example.test ${t}`).concat('_dmarc.example.test TXT').sort(),
    );

    const objects = normalizeOutput(run, MIME, 'kat_dns_normalizer', input);
    const fromFixture = normalizeDns({ raw: fixture('kat_dns_normalizer', 'example.test.json'), mimeTypes: [MIME], input }).objects;
    expect(pks(objects)).toEqual(pks(fromFixture));
    expect(pks(objects)).toEqual(
      expect.arrayContaining([
        'DNSARecord|internet|example.test|127.0.0.1',
        'DNSAAAARecord|internet|example.test|::1',
        'DNSMXRecord|internet|example.test|10 mail.example.test',
        'DNSNSRecord|internet|example.test|ns2.example.test',
        'DNSSOARecord|internet|example.test|internet|ns1.example.test',
        'DNSCAARecord|internet|example.test|0|issue|letsencrypt.org',
        'DMARCTXTRecord|v=DMARC1; p=reject; rua=mailto:dmarc@example.test|internet|example.test',
        'DNSZone|internet|example.test',
      ]),
    );

    const kat = await testKat();
    try {
      const graph = await observe(kat, 'acme', input, 'kat_dns_normalizer', 'dns-records', objects);
      for (const pk of pks(objects)) expect(graph.has(pk), pk).toBe(true);
      const detail = await kat.api('objects.get', { org: 'acme', pk: 'DNSMXRecord|internet|example.test|10 mail.example.test' });
      expect(detail.origins.map((o) => [o.kind, o.method, o.sourceMethod, o.source])).toEqual([['observation', 'kat_dns_normalizer', 'dns-records', input.pk]]);
      const apex = await kat.api('objects.get', { org: 'acme', pk: input.pk });
      expect(apex.object.data.dns_zone).toBe('DNSZone|internet|example.test');
    } finally {
      await kat.close();
    }
  });

  it('a CNAME: the alias and the records of its target', async () => {
    const input = host('www.example.test');
    const objects = normalizeOutput(await runBoefje(docker, 'dns-records', input, settings()), MIME, 'kat_dns_normalizer', input);
    expect(pks(objects)).toContain('DNSCNAMERecord|internet|www.example.test|example.test');
    expect(pks(objects)).toContain('DNSARecord|internet|example.test|127.0.0.2');
  });

  it('a name that does not exist: NXDOMAIN, saved in the graph', async () => {
    const input = host('nope.example.test');
    const objects = normalizeOutput(await runBoefje(docker, 'dns-records', input, settings()), MIME, 'kat_dns_normalizer', input);
    expect(pks(objects)).toEqual(['Hostname|internet|nope.example.test', 'NXDOMAIN|internet|nope.example.test']);
    const kat = await testKat();
    try {
      expect((await observe(kat, 'acme', input, 'kat_dns_normalizer', 'dns-records', objects)).has('NXDOMAIN|internet|nope.example.test')).toBe(true);
    } finally {
      await kat.close();
    }
  });

  it('asks only for the record types in its settings, and no _dmarc when turned off', async () => {
    dns.queries.length = 0;
    const input = host('example.test');
    const run = await runBoefje(docker, 'dns-records', input, { ...settings(), record_types: ['A', 'MX'], dmarc: false });
    expect(run.exitCode, run.stderr).toBe(0);
    expect([...dns.queries].sort()).toEqual(['example.test A', 'example.test MX']);
    expect(pks(normalizeOutput(run, MIME, 'kat_dns_normalizer', input)).filter((p) => !p.startsWith('Hostname') && !p.startsWith('IPAddress'))).toEqual([
      'DNSARecord|internet|example.test|127.0.0.1',
      'DNSARecord|internet|example.test|127.0.0.2',
      'DNSMXRecord|internet|example.test|10 mail.example.test',
      'DNSMXRecord|internet|example.test|20 mx2.example.test',
    ]);
  });

  it('a nameserver that does not answer: exit 3 with the reason, and the file is refused as incomplete', async () => {
    const sock = createSocket('udp4');
    await new Promise<void>((r) => sock.bind(0, '127.0.0.1', () => r()));
    const port = sock.address().port;
    await new Promise<void>((r) => sock.close(() => r()));
    const input = host('example.test');
    const run = await runBoefje(docker, 'dns-records', input, { ...settings(), nameserver_port: port, record_types: ['A'] });
    expect(run.exitCode).toBe(3);
    expect(run.stderr).toContain('no answer');
    expect(() => normalizeOutput(run, MIME, 'kat_dns_normalizer', input)).toThrowError(expect.objectContaining({ code: 'RAW_MALFORMED', details: expect.objectContaining({ reason: 'incomplete' }) }));
  });
});
