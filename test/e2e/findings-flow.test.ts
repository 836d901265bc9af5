import { describeNeeding } from '../helpers/ci';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { createKat, type Kat } from '../../src-main/core/kat';
import type { Input, MethodName, Result } from '../../src-main/api/contract';
import { makeExpiredSelfSigned } from '../helpers/tls';
import { startHttpsServer, type LocalServer } from '../helpers/web-servers';
import { ensureBaseImage, findTestEngine } from '../helpers/podman';
import { assertRendererBuilt, chromiumMissing, openUi, snap, type UiSession } from './browser';

/**
 * Findings from real scans, end to end: a web server this test starts on 127.0.0.1 that sends no
 * security headers and presents a self-signed certificate that expired in 2024. A consultant
 * declares the hostname at L2 and the site's URL; bits turn the URL into a web URL; the
 * webpage-analysis and ssl-certificates boefjes run in real containers; bits infer KAT-NO-HSTS,
 * KAT-NO-CSP, KAT-CERTIFICATE-EXPIRED and more; the Findings page shows them with the proof tree
 * down to the raw file the boefje wrote. Needs Chromium AND a container engine (CI: both, no skip).
 */
const browserMissing = chromiumMissing();
const { engine, missing: engineMissing } = await findTestEngine();
const missing = browserMissing ?? engineMissing;
const ORG = 'acme';
const HOST = 'Hostname|internet|localhost';

describeNeeding('findings from real scans (e2e, real containers)', missing, () => {
  let kat: Kat;
  let ui: UiSession;
  let page: Page;
  let pageErrors: string[];
  let site: LocalServer;
  let cert: ReturnType<typeof makeExpiredSelfSigned>;
  const api = <M extends MethodName>(method: M, params: Input<M>) => kat.call(method, params) as Promise<Result<M>>;
  let webUrl: string;
  let certPk: string;

  beforeAll(async () => {
    assertRendererBuilt();
    await ensureBaseImage(engine!.docker);
    cert = makeExpiredSelfSigned('localhost');
    site = await startHttpsServer({ keyPem: cert.keyPem, certChainPem: cert.certPem }, (_req, res) => {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', server: 'Apache/2.4.49 (Unix)' });
      res.end('<!doctype html><title>Legacy portal</title><h1>Welcome</h1>');
    });
    webUrl = `HostnameHTTPURL|https|internet|localhost|${site.port}|/`;
    kat = await createKat({ data: 'memory://', host: 'headless', engine: { socket: engine!.socket }, scheduler: { start: false, defaults: false } });
    await api('orgs.create', { code: ORG, name: 'Acme Corporation', schedules: 'none' });
    await api('orgs.clearance.acknowledge', { org: ORG, maxLevel: 2, acknowledgedBy: 'Alex Auditor' });
    for (const id of ['webpage-analysis', 'ssl-certificates']) await api('plugins.enable', { org: ORG, id, enabled: true });
    ui = await openUi(kat, { timeoutMs: 20_000 });
    ({ page, pageErrors } = ui);
  }, 15 * 60 * 1000);

  afterAll(async () => {
    await ui?.close();
    await kat?.close();
    await site?.close();
    cert?.cleanup();
  });

  it('a declared URL becomes a web URL by inference, at the hostname level', async () => {
    await api('objects.declare', { org: ORG, pk: HOST });
    await api('levels.declare', { org: ORG, pks: [HOST], level: 2 });
    await api('objects.declare', { org: ORG, object: { type: 'URL', data: { network: 'Network|internet', raw: `https://localhost:${site.port}/` } } });
    const u = await api('objects.get', { org: ORG, pk: webUrl });
    expect(u.origins.map((o) => [o.kind, o.method])).toEqual([['inference', 'url-classification']]);
    expect((await api('levels.get', { org: ORG, pk: webUrl })).level).toBe(2);
  });

  it('the webpage and certificate boefjes run in containers; the bits infer the findings', async () => {
    const first = await api('scans.now', { org: ORG, pks: [webUrl], pluginIds: ['webpage-analysis'] });
    expect(first.skipped).toEqual([]);
    await kat.runner.idle();
    const boefje = await api('tasks.get', { org: ORG, id: first.queued[0]!.id });
    expect(boefje, boefje.stderr).toMatchObject({ status: 'completed', exitCode: 0 });
    const websites = await api('objects.list', { org: ORG, types: ['Website'] });
    expect(websites.items.length).toBeGreaterThan(0);
    const second = await api('scans.now', { org: ORG, pks: websites.items.map((w) => w.pk), pluginIds: ['ssl-certificates'] });
    expect(second.queued.length).toBe(websites.items.length);
    await kat.runner.idle();
    for (const t of second.queued) {
      const d = await api('tasks.get', { org: ORG, id: t.id });
      expect(d, d.stderr).toMatchObject({ status: 'completed' });
    }
    const certs = await api('objects.list', { org: ORG, types: ['X509Certificate'] });
    expect(certs.items.map((c) => c.pk)).toEqual([expect.stringMatching(/^X509Certificate\|CN=localhost\|0?A1B$/i)]);
    certPk = certs.items[0]!.pk;

    const list = await api('findings.list', { org: ORG, limit: 100 });
    const ids = list.items.map((f) => f.findingType.id);
    expect(ids).toEqual(expect.arrayContaining(['KAT-NO-HSTS', 'KAT-NO-CSP', 'KAT-CERTIFICATE-EXPIRED', 'KAT-NO-X-FRAME-OPTIONS', 'CVE-2021-41773']));
    const expired = list.items.find((f) => f.findingType.id === 'KAT-CERTIFICATE-EXPIRED')!;
    expect(expired.ooi.pk).toBe(certPk);
    expect(expired.findingType.severity).toBe('high');
  });

  it('the Findings page lists them by severity; the expired certificate has its proof down to the raw file', async () => {
    await page.goto(ui.url);
    await page.getByRole('status', { name: 'Connection: Connected' }).waitFor();
    await page.locator('body').click({ position: { x: 700, y: 600 } });
    await page.keyboard.press('g');
    await page.keyboard.press('f');
    await page.getByRole('heading', { name: 'Findings', level: 1 }).waitFor();
    const table = page.getByRole('table', { name: 'Findings' });
    for (const id of ['KAT-NO-HSTS', 'KAT-NO-CSP', 'KAT-CERTIFICATE-EXPIRED']) await table.getByRole('row').filter({ hasText: id }).first().waitFor();
    await snap(page, 'findings-flow-01-page');

    await table.getByRole('row').filter({ hasText: 'KAT-CERTIFICATE-EXPIRED' }).first().click();
    await table.getByRole('row').filter({ hasText: 'CN=localhost' }).first().click();
    const detail = page.getByRole('complementary', { name: 'Finding detail' });
    await detail.getByRole('heading', { name: 'KAT-CERTIFICATE-EXPIRED' }).waitFor();
    const proof = detail.getByTestId('proof-tree');
    await proof.getByText('expiring-certificate', { exact: true }).first().waitFor();
    await proof.getByText('kat_ssl_certificates_normalizer', { exact: true }).first().waitFor();
    // the raw file the ssl-certificates boefje wrote, by its hash
    const hashes = await kat.db.query<{ sha256: string }>(`SELECT sha256 FROM raw_files WHERE org = $1 AND plugin_id = 'ssl-certificates'`, [ORG]);
    expect(hashes.rows.length).toBeGreaterThan(0);
    await proof.getByTestId('raw-sha256').filter({ hasText: hashes.rows[0]!.sha256 }).first().waitFor();
    await snap(page, 'findings-flow-02-certificate-proof');
  });

  it('ran without page errors', () => {
    expect(pageErrors).toEqual([]);
  });
});
