/** webpage-analysis against local HTTP and HTTPS servers: real image, real run, normalizer, graph. */
import type Docker from 'dockerode';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { normalizeObject, type OOI } from '../../../src-main/graph/model';
import { normalizerFor } from '../../../src-main/normalizers/registry';
import type { RunResult } from '../../../src-main/runner/container';
import { buildBoefje, observe, runBoefje } from '../../helpers/boefje';
import { writeFixture } from '../../helpers/fixtures';
import { testKat } from '../../helpers/kat';
import { BASE_IMAGE_TIMEOUT_MS, describeWithEngine, ensureBaseImage, findTestEngine } from '../../helpers/podman';
import { makeTestPki, type TestPki } from '../../helpers/tls';
import { startHttpServer, startHttpsServer, testSite, TEST_SITE_SECRET, type LocalServer } from '../../helpers/web-servers';

const { engine, missing } = await findTestEngine();
const BOEFJE = 'webpage-analysis';
const NORMALIZER = 'kat_webpage_analysis_normalizer';
const NET = 'Network|internet';

function hostUrl(scheme: 'http' | 'https', port: number, path: string): OOI {
  return normalizeObject('HostnameHTTPURL', { network: NET, scheme, netloc: 'Hostname|internet|localhost', port, path });
}

interface Doc {
  request: Record<string, unknown>;
  hops: { url: string; http_code: number; remote_ip: string; headers: Record<string, string[]>; redirect_url: string | null }[];
}

function outputOf(r: RunResult): { raw: Buffer; doc: Doc } {
  expect(r.error, r.stderr).toBeUndefined();
  expect(r.exitCode, r.stderr).toBe(0);
  expect(r.files.map((f) => [f.name, f.mimeTypes])).toEqual([['webpage-analysis.json', ['boefje/webpage-analysis']]]);
  const raw = r.files[0]!.content;
  return { raw, doc: JSON.parse(raw.toString()) as Doc };
}

const normalize = (raw: Buffer, input: OOI) => normalizerFor(NORMALIZER)!({ raw, mimeTypes: ['boefje/webpage-analysis'], input }).objects;

describeWithEngine('webpage-analysis boefje (real engine)', missing, () => {
  let docker: Docker;
  let pki: TestPki;
  let https: LocalServer;
  let http: LocalServer;

  beforeAll(async () => {
    docker = engine!.docker;
    await ensureBaseImage(docker);
    await buildBoefje(docker, BOEFJE);
    pki = makeTestPki();
    https = await startHttpsServer({ keyPem: pki.leafKeyPem, certChainPem: pki.chainPem }, testSite);
    http = await startHttpServer(testSite);
  }, BASE_IMAGE_TIMEOUT_MS);

  afterAll(async () => {
    await https?.close();
    await http?.close();
    pki?.cleanup();
  });

  it('follows a redirect hop by hop; the resources, headers and Location link go into the graph', async () => {
    const input = hostUrl('https', https.port, '/redirect');
    const { raw, doc } = outputOf(await runBoefje(docker, BOEFJE, input));
    writeFixture(NORMALIZER, 'redirect-https.json', raw, input);
    expect(doc.hops.map((h) => [h.url, h.http_code, h.remote_ip])).toEqual([
      [`https://localhost:${https.port}/redirect`, 301, '127.0.0.1'],
      [`https://localhost:${https.port}/final`, 200, '127.0.0.1'],
    ]);
    expect(doc.hops[0]!.headers.location).toEqual(['/final']);

    const objects = normalize(raw, input);
    const site = `Website|internet|127.0.0.1|tcp|${https.port}|https|internet|localhost`;
    const final = `HostnameHTTPURL|https|internet|localhost|${https.port}|/final`;
    const first = `HTTPResource|${site.slice(8)}|https|internet|localhost|${https.port}|/redirect`;
    const byPk = new Map(objects.map((o) => [o.pk, o]));
    expect(byPk.get(first)?.data.redirects_to).toBe(final);
    expect(byPk.get(`HTTPHeader|${first.slice(13)}|location`)?.data.value).toBe('/final');
    expect(byPk.get(`URL|internet|https://localhost:${https.port}/final`)?.data.web_url).toBe(final);
    expect(byPk.has(`HTTPResource|${site.slice(8)}|https|internet|localhost|${https.port}|/final`)).toBe(true);

    const kat = await testKat();
    try {
      const pks = [...(await observe(kat, 'acme', input, NORMALIZER, BOEFJE, objects))];
      expect(pks).toEqual(expect.arrayContaining([...byPk.keys()]));
      const resource = await kat.api('objects.get', { org: 'acme', pk: first });
      expect(resource.refsIn.filter((r) => r.attr === 'resource')).toHaveLength(Object.keys(doc.hops[0]!.headers).length);
    } finally {
      await kat.close();
    }
  });

  it('records every header of a plain HTTP page, repeated Set-Cookie kept together', async () => {
    const input = hostUrl('http', http.port, '/');
    const { raw, doc } = outputOf(await runBoefje(docker, BOEFJE, input));
    writeFixture(NORMALIZER, 'root-http.json', raw, input);
    expect(doc.hops).toHaveLength(1);
    const resource = `HTTPResource|internet|127.0.0.1|tcp|${http.port}|http|internet|localhost|http|internet|localhost|${http.port}|/`;
    const cookie = normalize(raw, input).find((o) => o.pk === `HTTPHeader|${resource.slice(13)}|set-cookie`);
    expect(cookie?.data.value).toBe('session=abc; HttpOnly\ntheme=dark');
  });

  it('a redirect to an address URL: the second hop is an IP service without a website', async () => {
    const input = hostUrl('https', https.port, `/to-ip/${http.port}`);
    const { raw, doc } = outputOf(await runBoefje(docker, BOEFJE, input));
    writeFixture(NORMALIZER, 'to-ip.json', raw, input);
    expect(doc.hops.map((h) => h.url)).toEqual([`https://localhost:${https.port}/to-ip/${http.port}`, `http://127.0.0.1:${http.port}/final`]);
    const pks = normalize(raw, input).map((o) => o.pk);
    expect(pks).toContain(`IPService|internet|127.0.0.1|tcp|${http.port}|http`);
    expect(pks).toContain(`IPAddressHTTPURL|http|internet|127.0.0.1|${http.port}|/final`);
    expect(pks.filter((p) => p.startsWith('HTTPResource|'))).toHaveLength(1);
  });

  it('sends the Authorization secret to the input origin only and never writes it anywhere', async () => {
    const input = hostUrl('http', http.port, '/private');
    const r = await runBoefje(docker, BOEFJE, input, { authorization: TEST_SITE_SECRET });
    const { raw, doc } = outputOf(r);
    writeFixture(NORMALIZER, 'private-authorized.json', raw, input);
    expect(doc.hops[0]!.http_code).toBe(200);
    expect(doc.request.authorization_sent).toBe(true);
    const secret = TEST_SITE_SECRET.split(' ')[1]!;
    for (const text of [r.stdout, r.stderr, raw.toString()]) expect(text).not.toContain(secret);
    expect(http.requests.at(-1)?.headers.authorization).toBe(TEST_SITE_SECRET);

    const without = outputOf(await runBoefje(docker, BOEFJE, input));
    expect(without.doc.hops[0]!.http_code).toBe(401);

    // a redirect to another origin does not carry it along
    http.requests.length = 0;
    outputOf(await runBoefje(docker, BOEFJE, hostUrl('https', https.port, `/to-ip/${http.port}`), { authorization: TEST_SITE_SECRET }));
    expect(http.requests.map((q) => [q.url, q.headers.authorization])).toEqual([['/final', undefined]]);
  });

  it('does not follow a javascript: Location and links no URL for it', async () => {
    const input = hostUrl('http', http.port, '/js');
    const { raw, doc } = outputOf(await runBoefje(docker, BOEFJE, input));
    writeFixture(NORMALIZER, 'js-location.json', raw, input);
    expect(doc.hops).toHaveLength(1);
    const objects = normalize(raw, input);
    expect(objects.find((o) => o.type === 'HTTPHeader' && o.data.key === 'location')?.data.value).toBe('javascript:alert(1)');
    expect(objects.filter((o) => ['URL', 'HTTPHeaderURL', 'HTTPHeaderHostname'].includes(o.type))).toEqual([]);
  });

  it('stops at the first hop when follow_redirects is off', async () => {
    const { doc } = outputOf(await runBoefje(docker, BOEFJE, hostUrl('https', https.port, '/redirect'), { follow_redirects: false }));
    expect(doc.hops.map((h) => h.http_code)).toEqual([301]);
  });

  it('with verify_tls on, a certificate from an unknown CA fails the fetch', async () => {
    const r = await runBoefje(docker, BOEFJE, hostUrl('https', https.port, '/'), { verify_tls: true });
    expect(r.exitCode).toBe(1);
    expect(r.files).toEqual([]);
    expect(r.stderr).toMatch(/could not be fetched \(curl exit 60\)/);
  });

  it('fetches an address URL: an IP service, no website', async () => {
    const input = normalizeObject('IPAddressHTTPURL', { network: NET, scheme: 'http', netloc: 'IPAddressV4|internet|127.0.0.1', port: http.port, path: '/' });
    const { raw } = outputOf(await runBoefje(docker, BOEFJE, input));
    const types = new Set(normalize(raw, input).map((o) => o.type));
    expect(types).toEqual(new Set(['IPAddressV4', 'IPPort', 'Service', 'IPService']));
  });

  it('fails with the reason when nothing answers', async () => {
    const closed = await startHttpServer(testSite);
    const port = closed.port;
    await closed.close();
    const r = await runBoefje(docker, BOEFJE, hostUrl('http', port, '/'), { timeout_seconds: 5 });
    expect(r.exitCode).toBe(1);
    expect(r.files).toEqual([]);
    expect(r.stderr).toMatch(/could not be fetched/);
  });
});
