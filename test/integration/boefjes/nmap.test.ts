/** The nmap boefje in its real image against TCP listeners on loopback, through kat_nmap_normalizer into a real graph. */
import type Docker from 'dockerode';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { normalizeObject, type OOI } from '../../../src-main/graph/model';
import { buildBoefje, normalizeOutput, observe, runBoefje, runBoefjeBatch } from '../../helpers/boefje';
import { testKat } from '../../helpers/kat';
import { BASE_IMAGE_TIMEOUT_MS, describeWithEngine, ensureBaseImage, findTestEngine } from '../../helpers/podman';
import { closedPort, listenOnNamedPort, listenTcp, type TestListener } from '../../helpers/tcp-server';

const { engine, missing } = await findTestEngine();
const MIME = 'boefje/nmap';
const ip = (address: string) => normalizeObject(address.includes(':') ? 'IPAddressV6' : 'IPAddressV4', { network: 'Network|internet', address });
const pks = (objects: OOI[]) => objects.map((o) => o.pk).sort();

describeWithEngine('nmap boefje (real image, local TCP listeners)', missing, () => {
  let docker: Docker;
  const listeners: TestListener[] = [];
  afterAll(async () => {
    for (const l of listeners) await l.close();
  });
  beforeAll(async () => {
    docker = engine!.docker;
    await ensureBaseImage(docker);
    await buildBoefje(docker, 'nmap');
  }, BASE_IMAGE_TIMEOUT_MS);

  /** A named port, a random port and a closed one on `address`; the scan of exactly those. */
  async function scan(address: string) {
    const named = await listenOnNamedPort(address);
    const other = await listenTcp(address);
    listeners.push(named, other);
    const closed = await closedPort(address);
    const input = ip(address);
    const run = await runBoefje(docker, 'nmap', input, { ports: `${named.port},${other.port},${closed}` });
    expect(run.error).toBeUndefined();
    expect(run.exitCode, run.stderr).toBe(0);
    expect(run.files.map((f) => [f.name, f.mimeTypes])).toEqual([['nmap.xml', [MIME]]]);
    return { input, named, other, closed, run, objects: normalizeOutput(run, MIME, 'kat_nmap_normalizer', input) };
  }

  it('IPv4: the open ports and the service of the named one; nothing for the closed port; saved in the graph', async () => {
    const { input, named, other, closed, objects } = await scan('127.0.0.1');
    const ports = pks(objects).filter((p) => p.startsWith('IPPort|'));
    expect(ports).toEqual([`IPPort|internet|127.0.0.1|tcp|${named.port}`, `IPPort|internet|127.0.0.1|tcp|${other.port}`].sort());
    expect(pks(objects)).toContain(`IPService|internet|127.0.0.1|tcp|${named.port}|${named.service}`);
    expect(pks(objects)).toContain(`Service|${named.service}`);
    expect(pks(objects).some((p) => p.includes(`|${closed}`))).toBe(false);

    const kat = await testKat();
    try {
      const graph = await observe(kat, 'acme', input, 'kat_nmap_normalizer', 'nmap', objects);
      for (const pk of pks(objects)) expect(graph.has(pk), pk).toBe(true);
      const detail = await kat.api('objects.get', { org: 'acme', pk: `IPPort|internet|127.0.0.1|tcp|${named.port}` });
      expect(detail.object.data).toMatchObject({ protocol: 'tcp', port: named.port, state: 'open' });
      expect(detail.origins.map((o) => [o.kind, o.method, o.sourceMethod, o.source])).toEqual([['observation', 'kat_nmap_normalizer', 'nmap', input.pk]]);

      // a later scan that finds the port closed replaces the observation: the port and its service go
      await named.close();
      listeners.splice(listeners.indexOf(named), 1);
      const again = await runBoefje(docker, 'nmap', input, { ports: `${named.port},${other.port}` });
      const after = await observe(kat, 'acme', input, 'kat_nmap_normalizer', 'nmap', normalizeOutput(again, MIME, 'kat_nmap_normalizer', input));
      expect(after.has(`IPPort|internet|127.0.0.1|tcp|${named.port}`)).toBe(false);
      expect(after.has(`IPService|internet|127.0.0.1|tcp|${named.port}|${named.service}`)).toBe(false);
      expect(after.has(`IPPort|internet|127.0.0.1|tcp|${other.port}`)).toBe(true);
    } finally {
      await kat.close();
    }
  });

  it('IPv6 (::1)', async () => {
    const { named, other, objects } = await scan('::1');
    expect(pks(objects).filter((p) => p.startsWith('IPPort|'))).toEqual([`IPPort|internet|::1|tcp|${named.port}`, `IPPort|internet|::1|tcp|${other.port}`].sort());
    expect(pks(objects)).toContain(`IPService|internet|::1|tcp|${named.port}|${named.service}`);
  });

  it('default settings scan the most common ports', async () => {
    const named = await listenOnNamedPort('127.0.0.1');
    listeners.push(named);
    const input = ip('127.0.0.1');
    const run = await runBoefje(docker, 'nmap', input, {});
    expect(run.exitCode, run.stderr).toBe(0);
    const xml = run.files.find((f) => f.name === 'nmap.xml')!.content.toString();
    expect(xml).toContain('--top-ports 250'.replace('--', '-&#45;'));
    expect(pks(normalizeOutput(run, MIME, 'kat_nmap_normalizer', input))).toContain(`IPService|internet|127.0.0.1|tcp|${named.port}|${named.service}`);
  });

  it('multiInput: ONE nmap run over several loopback addresses and ::1, split into one XML per input for the normalizer', async () => {
    const addresses = ['127.0.0.1', '127.0.0.2', '127.0.0.3', '::1'];
    const open = new Map<string, TestListener>();
    for (const a of addresses) {
      const l = await listenTcp(a);
      listeners.push(l);
      open.set(a, l);
    }
    const ports = [...open.values()].map((l) => l.port).join(',');
    const inputs = addresses.map(ip);
    const { run, byObject, stray } = await runBoefjeBatch(docker, 'nmap', inputs, { ports });
    expect(run.exitCode, run.stderr).toBe(0);
    expect(stray).toEqual([]);
    for (const input of inputs) {
      const address = String(input.data.address);
      const files = byObject.get(input.pk)!;
      expect(files.map((f) => [f.name, f.mimeTypes])).toEqual([['nmap.xml', [MIME]]]);
      const xml = files[0]!.content.toString();
      // one nmap per address family scanned all of them: the run stats count every address of the family
      expect(xml).toMatch(address.includes(':') ? /<hosts up="1" down="0" total="1"/ : /<hosts up="3" down="0" total="3"/);
      // the normalizer gets only its own host (it refuses a file about another address)
      const objects = normalizeOutput({ ...run, files }, MIME, 'kat_nmap_normalizer', input);
      // every listener listens on its own address only, so exactly one of the scanned ports is open per address
      expect(pks(objects).filter((p) => p.startsWith('IPPort|'))).toEqual([`IPPort|internet|${address}|tcp|${open.get(address)!.port}`]);
    }
  });
});
