import { describeNeeding } from '../helpers/ci';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { createKat } from '../../src-main/core/kat';
import type { Kat } from '../../src-main/core/kat';
import { startDnsServer, type TestDnsServer } from '../helpers/dns-server';
import { ensureBaseImage, findTestEngine } from '../helpers/podman';
import { assertRendererBuilt, chromiumMissing, snap, openUi, type UiSession } from './browser';

/**
 * A first scan, end to end, as a user does it: the real core behind the headless host in Debian's
 * Chromium, real containers through the engine, a DNS server this test starts on 127.0.0.1.
 * Declare a hostname at L2, enable the DNS boefje and point it at the server, Scan now, watch the
 * Tasks page follow the boefje and normalizer tasks live, open the raw file, see the new objects.
 * Needs Chromium AND a container engine; in CI a missing one fails.
 */
const browserMissing = chromiumMissing();
const { engine, missing: engineMissing } = await findTestEngine();
const missing = browserMissing ?? engineMissing;

const ORG = 'acme';
const HOST = 'Hostname|internet|example.test';

describeNeeding('scan flow (e2e, real containers)', missing, () => {
  let kat: Kat;
  let dns: TestDnsServer;
  let ui: UiSession;
  let context: BrowserContext;
  let page: Page;
  let pageErrors: string[];

  beforeAll(async () => {
    assertRendererBuilt();
    await ensureBaseImage(engine!.docker);
    dns = await startDnsServer();
    kat = await createKat({ data: 'memory://', host: 'headless', engine: { socket: engine!.socket } });
    await kat.call('orgs.create', { code: ORG, name: 'Acme Corporation', schedules: 'none' }); // this test scans by hand
    await kat.call('orgs.clearance.acknowledge', { org: ORG, maxLevel: 2, acknowledgedBy: 'Alex Auditor' });
    await kat.call('objects.declare', { org: ORG, pk: HOST });
    ui = await openUi(kat, { timeoutMs: 20_000 });
    ({ context, page, pageErrors } = ui);
  }, 15 * 60 * 1000);

  afterAll(async () => {
    await ui?.close();
    await kat?.close();
    await dns?.close();
  });

  const detail = () => page.getByRole('complementary', { name: 'Object detail' });
  const view = async (key: string, heading: string) => {
    await page.locator('body').click({ position: { x: 700, y: 780 } });
    await page.keyboard.press('g');
    await page.keyboard.press(key);
    await page.getByRole('heading', { name: heading, level: 1 }).waitFor();
  };

  it('declares the hostname at L2', async () => {
    await page.goto(ui.url);
    await page.getByRole('status', { name: 'Connection: Connected' }).waitFor();
    await page.getByRole('row').filter({ hasText: 'example.test' }).click();
    const clearance = detail().getByRole('region', { name: 'Clearance' });
    await clearance.getByRole('button', { name: 'L2', exact: true }).click();
    await clearance.getByLabel(/L2 declared by a user/).waitFor();
  });

  it('enables the DNS boefje and points it at the DNS server', async () => {
    await view('p', 'Plugins');
    const grid = page.getByRole('grid', { name: 'Plugin catalogue' });
    const row = grid.getByRole('row', { name: 'DNS records (boefje)' });
    await row.getByRole('switch').focus();
    await page.keyboard.press('Space');
    await expect.poll(() => row.getByRole('switch').isChecked()).toBe(true);
    await row.click();
    const form = page.getByRole('complementary', { name: 'Plugin detail' }).getByRole('form', { name: 'Settings' });
    await form.getByLabel('Nameserver', { exact: true }).fill('127.0.0.1');
    await form.getByLabel('Nameserver port').fill(String(dns.port));
    await form.getByRole('button', { name: 'Save settings' }).click();
    await expect.poll(async () => (await kat.call('plugins.get', { org: ORG, id: 'dns-records' }) as { settings: { nameserver_port?: number } }).settings.nameserver_port).toBe(dns.port);
    await snap(page, 'flow-01-boefje-enabled');
  });

  it('scans now and follows the tasks live until they complete', async () => {
    await view('o', 'Acme Corporation');
    await page.getByRole('row').filter({ hasText: 'example.test' }).click();
    await detail().getByText('can run now').waitFor();
    await detail().getByRole('button', { name: 'Scan now' }).click();
    await detail().getByRole('status', { name: 'Scan report' }).getByText('1 queued').waitFor();
    await snap(page, 'flow-02-scan-queued');

    await view('t', 'Tasks');
    const table = page.getByRole('table', { name: 'Tasks' });
    // no reload: the rows change as tasks.changed events arrive
    await table.getByRole('row').filter({ hasText: 'dns-records' }).filter({ hasText: /completed/i }).waitFor({ timeout: 120_000 });
    await table.getByRole('row').filter({ hasText: 'kat_dns_normalizer' }).filter({ hasText: /completed/i }).waitFor({ timeout: 60_000 });
    await page.getByRole('group', { name: 'Filter by status' }).getByRole('button', { name: /Completed\s*2/ }).waitFor();
    await snap(page, 'flow-03-tasks-completed');
  });

  it('opens the raw file of the boefje task', async () => {
    // (the middle of a row is its input object, a link to the object: click the plugin cell)
    await page.getByRole('table', { name: 'Tasks' }).getByRole('cell', { name: 'dns-records', exact: true }).click();
    const panel = page.getByRole('complementary', { name: 'Task detail' });
    await panel.getByRole('button', { name: 'View raw file dns-records.json' }).click();
    const viewer = page.getByRole('dialog', { name: 'dns-records.json' });
    const content = viewer.getByLabel('File content');
    await content.waitFor();
    expect(await content.textContent()).toContain('"hostname": "example.test"');
    await snap(page, 'flow-04-raw-file');
    await page.keyboard.press('Escape');
  });

  it('shows what the normalizer produced, and the new objects in the graph with their origin', async () => {
    await page.getByRole('table', { name: 'Tasks' }).getByRole('cell', { name: 'kat_dns_normalizer', exact: true }).click();
    const produced = page.getByRole('complementary', { name: 'Task detail' }).getByRole('region', { name: 'Produced objects' });
    const mx = 'DNSMXRecord|internet|example.test|10 mail.example.test';
    await produced.getByRole('button', { name: `Open ${mx}` }).waitFor();
    await snap(page, 'flow-05-produced');
    await produced.getByRole('button', { name: `Open ${mx}` }).click();
    await detail().getByText('kat_dns_normalizer').first().waitFor();
    await detail().getByText('observation').first().waitFor();
    await snap(page, 'flow-06-new-object');

    await page.getByRole('button', { name: 'Close detail' }).click();
    await page.getByRole('searchbox').first().fill('example.test');
    await page.getByRole('row').filter({ hasText: 'DNSARecord' }).first().waitFor();
    await snap(page, 'flow-07-objects');
  });

  it('raised no page errors and no 5xx answers', () => {
    expect(pageErrors).toEqual([]);
  });
});
