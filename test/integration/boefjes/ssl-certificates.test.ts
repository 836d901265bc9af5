/** ssl-certificates against a local TLS server with a test PKI: real image, real run, normalizer, graph. */
import type Docker from 'dockerode';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { normalizeObject, type OOI } from '../../../src-main/graph/model';
import { normalizerFor } from '../../../src-main/normalizers/registry';
import { buildBoefje, observe, runBoefje } from '../../helpers/boefje';
import { writeFixture } from '../../helpers/fixtures';
import { testKat } from '../../helpers/kat';
import { BASE_IMAGE_TIMEOUT_MS, describeWithEngine, ensureBaseImage, findTestEngine } from '../../helpers/podman';
import { makeTestPki, type TestPki } from '../../helpers/tls';
import { startHttpsServer, testSite, type LocalServer } from '../../helpers/web-servers';

const { engine, missing } = await findTestEngine();
const BOEFJE = 'ssl-certificates';
const NORMALIZER = 'kat_ssl_certificates_normalizer';

function website(port: number, service = 'https', host = 'localhost'): OOI {
  return normalizeObject('Website', { ip_service: `IPService|internet|127.0.0.1|tcp|${port}|${service}`, hostname: `Hostname|internet|${host}` });
}

describeWithEngine('ssl-certificates boefje (real engine)', missing, () => {
  let docker: Docker;
  let pki: TestPki;
  let server: LocalServer;

  beforeAll(async () => {
    docker = engine!.docker;
    await ensureBaseImage(docker);
    await buildBoefje(docker, BOEFJE);
    pki = makeTestPki();
    server = await startHttpsServer({ keyPem: pki.leafKeyPem, certChainPem: pki.chainPem }, testSite);
  }, BASE_IMAGE_TIMEOUT_MS);

  afterAll(async () => {
    await server?.close();
    pki?.cleanup();
  });

  it('fetches the presented chain, which normalizes into certificates linked to the website and saves into the graph', async () => {
    const input = website(server.port);
    const r = await runBoefje(docker, BOEFJE, input);
    expect(r.error, r.stderr).toBeUndefined();
    expect(r.exitCode, r.stderr).toBe(0);
    expect(r.files.map((f) => [f.name, f.mimeTypes])).toEqual([['certificates.pem', ['boefje/ssl-certificates']]]);
    const pem = r.files[0]!.content;
    expect(pem.toString()).toBe(pki.chainPem);
    writeFixture(NORMALIZER, 'chain-localhost.pem', pem, input);

    const { objects } = normalizerFor(NORMALIZER)!({ raw: pem, mimeTypes: r.files[0]!.mimeTypes, input });
    const leaf = `X509Certificate|${pki.names.intermediate}|${pki.serials.leaf}`;
    const intermediate = `X509Certificate|${pki.names.root}|${pki.serials.intermediate}`;
    const byPk = new Map(objects.map((o) => [o.pk, o]));
    expect(byPk.get(leaf)?.data).toMatchObject({ subject: pki.names.leaf, issuer: pki.names.intermediate, signed_by: intermediate, pk_algorithm: 'rsa', pk_size: 2048 });
    expect(byPk.get(intermediate)?.data).toMatchObject({ subject: pki.names.intermediate, issuer: pki.names.root, pk_algorithm: 'ec', pk_size: 256 });
    expect(byPk.get(intermediate)?.data.signed_by).toBeUndefined(); // the root is not in the chain
    expect(byPk.get(input.pk)?.data.certificate).toBe(leaf);
    expect([...byPk.keys()]).toEqual(
      expect.arrayContaining([
        `SubjectAlternativeNameHostname|${leaf.slice('X509Certificate|'.length)}|internet|localhost`,
        `SubjectAlternativeNameIP|${leaf.slice('X509Certificate|'.length)}|internet|127.0.0.1`,
        `SubjectAlternativeNameQualifier|${leaf.slice('X509Certificate|'.length)}|DNS:*.kattegat.test`,
      ]),
    );

    const kat = await testKat();
    try {
      const pks = [...(await observe(kat, 'acme', input, NORMALIZER, BOEFJE, objects))];
      expect(pks).toEqual(expect.arrayContaining(objects.map((o) => o.pk)));
      const site = await kat.api('objects.get', { org: 'acme', pk: input.pk });
      expect(site.object.data.certificate).toBe(leaf);
      const cert = await kat.api('objects.get', { org: 'acme', pk: leaf });
      expect(cert.origins.map((o) => o.method)).toContain(NORMALIZER);
    } finally {
      await kat.close();
    }
  });

  it('skips a website whose service is not https, writing nothing', async () => {
    const r = await runBoefje(docker, BOEFJE, website(server.port, 'http'));
    expect(r.exitCode).toBe(0);
    expect(r.files).toEqual([]);
    expect(r.stdout).toMatch(/not https/);
  });

  it('fails with the reason when nothing answers', async () => {
    const closed = await startHttpsServer({ keyPem: pki.leafKeyPem, certChainPem: pki.chainPem }, testSite);
    const port = closed.port;
    await closed.close();
    const r = await runBoefje(docker, BOEFJE, website(port), { timeout_seconds: 5 });
    expect(r.exitCode).toBe(1);
    expect(r.files).toEqual([]);
    expect(r.stderr).toMatch(/presented no certificate|no TLS handshake/);
  });
});
