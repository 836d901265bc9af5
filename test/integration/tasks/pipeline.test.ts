/**
 * The scan pipeline end to end in the core, with real containers: scan now -> boefje task -> the
 * container against services this test starts on 127.0.0.1 -> raw file -> normalizer task -> one
 * observation in the graph. A rescan that sees less replaces the observation (stale objects go).
 * Also: an uploaded nmap XML is normalized like a boefje's output; hostile uploads fail their
 * normalizer task with a coded error and write nothing.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { startDnsServer, type TestDnsServer } from '../../helpers/dns-server';
import { closedPort, listenTcp, type TestListener } from '../../helpers/tcp-server';
import { pluginDir } from '../../helpers/boefje';
import { tableCounts, testKat, type TestKat } from '../../helpers/kat';
import { BASE_IMAGE_TIMEOUT_MS, describeWithEngine, ensureBaseImage, findTestEngine } from '../../helpers/podman';

const { engine, missing } = await findTestEngine();
const HOST = 'Hostname|internet|example.test';
const IP = 'IPAddressV4|internet|127.0.0.1';

describeWithEngine('scan pipeline through the task runner (real engine)', missing, () => {
  let kat: TestKat;
  let dns: TestDnsServer;
  let open: TestListener;
  let closed: number;

  beforeAll(async () => {
    await ensureBaseImage(engine!.docker);
    dns = await startDnsServer();
    open = await listenTcp('127.0.0.1');
    closed = await closedPort('127.0.0.1');
    kat = await testKat({ engine: { socket: engine!.socket } });
    await kat.api('orgs.clearance.acknowledge', { org: 'acme', maxLevel: 2, acknowledgedBy: 'test' });
    for (const id of ['dns-records', 'nmap']) await kat.api('plugins.enable', { org: 'acme', id, enabled: true });
    await kat.api('plugins.settings.set', { org: 'acme', id: 'dns-records', settings: { nameserver: '127.0.0.1', nameserver_port: dns.port, timeout_seconds: 2 } });
    await kat.api('plugins.settings.set', { org: 'acme', id: 'nmap', settings: { ports: `${open.port},${closed}` } });
  }, BASE_IMAGE_TIMEOUT_MS);

  afterAll(async () => {
    await kat?.close();
    await dns?.close();
    await open?.close();
  });

  it('dns-records on a hostname at L2: its records appear as one observation of the task', async () => {
    await kat.api('objects.declare', { org: 'acme', pk: HOST });
    await kat.api('levels.declare', { org: 'acme', pks: [HOST], level: 2 });
    const { queued, skipped } = await kat.api('scans.now', { org: 'acme', pks: [HOST] });
    expect(skipped).toEqual([]);
    expect(queued.map((t) => t.pluginId)).toEqual(['dns-records']);
    await kat.runner.idle();
    const boefje = await kat.api('tasks.get', { org: 'acme', id: queued[0]!.id });
    expect(boefje, boefje.stderr).toMatchObject({ status: 'completed', exitCode: 0, outputCount: 1 });
    const [norm] = (await kat.api('tasks.list', { org: 'acme', kind: 'normalizer', rawId: boefje.rawFiles[0]!.id })).items;
    const detail = await kat.api('tasks.get', { org: 'acme', id: norm!.id });
    expect(detail, JSON.stringify(detail.error)).toMatchObject({ status: 'completed', pluginId: 'kat_dns_normalizer' });
    expect(detail.produced!.objects).toEqual(expect.arrayContaining(['DNSARecord|internet|example.test|127.0.0.1', 'DNSMXRecord|internet|example.test|10 mail.example.test', 'DNSZone|internet|example.test']));
    const mx = await kat.api('objects.get', { org: 'acme', pk: 'DNSMXRecord|internet|example.test|10 mail.example.test' });
    expect(mx.origins.map((o) => [o.kind, o.method, o.sourceMethod, o.source, o.taskId])).toEqual([['observation', 'kat_dns_normalizer', 'dns-records', HOST, norm!.id]]);
  });

  it('nmap on an IP at L2: open ports become IPPorts; a rescan that finds the port closed removes it', async () => {
    await kat.api('objects.declare', { org: 'acme', pk: IP });
    await kat.api('levels.declare', { org: 'acme', pks: [IP], level: 2 });
    const port = `IPPort|internet|127.0.0.1|tcp|${open.port}`;
    await kat.api('scans.now', { org: 'acme', pks: [IP], pluginIds: ['nmap'] });
    await kat.runner.idle();
    expect((await kat.api('objects.list', { org: 'acme', types: ['IPPort'] })).items.map((o) => o.pk)).toEqual([port]);

    await open.close();
    await kat.api('scans.now', { org: 'acme', pks: [IP], pluginIds: ['nmap'] });
    await kat.runner.idle();
    expect((await kat.api('objects.list', { org: 'acme', types: ['IPPort'] })).items).toEqual([]);
    const nmapTasks = await kat.api('tasks.list', { org: 'acme', pluginId: 'nmap' });
    expect(nmapTasks.counts).toMatchObject({ completed: 2, failed: 0 });
  });

  it('an uploaded nmap XML is normalized like boefje output; hostile uploads fail and write nothing', async () => {
    const xml = readFileSync(join(pluginDir('normalizers', 'kat_nmap_normalizer'), 'fixtures', 'ipv4-open-closed.xml'));
    const ok = await kat.api('raw.upload', { org: 'acme', inputPk: IP, mimeTypes: ['boefje/nmap'], contentBase64: xml.toString('base64'), fileName: 'nmap.xml' });
    await kat.runner.idle();
    const [t] = (await kat.api('tasks.list', { org: 'acme', rawId: ok.id })).items;
    expect(t).toMatchObject({ status: 'completed', pluginId: 'kat_nmap_normalizer' });
    expect(t!.outputCount).toBeGreaterThan(0);

    const before = await tableCounts(kat);
    const garbage = Buffer.alloc(5 * 1024 * 1024);
    for (let i = 0; i < garbage.length; i++) garbage[i] = (i * 2654435761) >>> 24;
    const hostile = [garbage, xml.subarray(0, Math.floor(xml.length / 2)), Buffer.from('\ufeff<nmaprun>', 'utf16le')];
    for (const [i, bytes] of hostile.entries()) {
      const f = await kat.api('raw.upload', { org: 'acme', inputPk: IP, mimeTypes: ['boefje/nmap'], contentBase64: bytes.toString('base64'), fileName: `bad${i}.xml` });
      await kat.runner.idle();
      const [bad] = (await kat.api('tasks.list', { org: 'acme', rawId: f.id })).items;
      expect(bad, `upload ${i}`).toMatchObject({ status: 'failed', error: { code: 'RAW_MALFORMED' } });
    }
    const after = await tableCounts(kat);
    // only the outbox grew (task and raw events); not a single object, version, reference or origin
    expect({ ...after, outbox: 0 }).toEqual({ ...before, outbox: 0 });
  });
});
