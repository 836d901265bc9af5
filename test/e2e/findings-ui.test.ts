import { describeNeeding } from '../helpers/ci';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import type { Page } from 'playwright-core';
import { createKat, type Kat } from '../../src-main/core/kat';
import type { Input, MethodName, Result } from '../../src-main/api/contract';
import { normalizeObject, objectFromPk } from '../../src-main/graph/model';
import { insertTasks } from '../../src-main/tasks/repository';
import { F, HOST, IP, RESOURCE, seedFindings } from '../integration/findings/fixture';
import { assertRendererBuilt, chromiumMissing, openUi, snap, type UiSession } from './browser';

/**
 * The Findings screens end to end against the headless host, on a graph seeded through the API:
 * findings of every severity on a hostname, its IP, port, website, resource, header and
 * certificate; the grouped and flat lists, keyboard selection and the bulk mute dialog; a
 * finding's detail; the hostname's page with the findings of related objects; the proof tree of an
 * inferred object down to an observation with its raw file; the empty state of a new organisation.
 */
const missing = chromiumMissing();
const ORG = 'acme';
const A_RECORD = 'DNSARecord|internet|example.org|192.0.2.10';
const RESOLVED = 'ResolvedHostname|internet|example.org|internet|192.0.2.10';
const RAW = Buffer.from('example.org. 300 IN A 192.0.2.10\n');

describeNeeding('findings UI (e2e)', missing, () => {
  let kat: Kat;
  let ui: UiSession;
  let page: Page;
  let pageErrors: string[];
  const api = <M extends MethodName>(method: M, params: Input<M>) => kat.call(method, params) as Promise<Result<M>>;

  beforeAll(async () => {
    assertRendererBuilt();
    // inference off: the page is checked against exactly the seeded findings (findings-flow covers real bits)
    kat = await createKat({ data: 'memory://', host: 'headless', engine: { socket: '/nonexistent/kat.sock' }, scheduler: { start: false, defaults: false }, bits: false });
    await api('orgs.create', { code: ORG, name: 'Acme Corporation', schedules: 'none' });
    await api('orgs.create', { code: 'fresh', name: 'Fresh Start', schedules: 'none' });
    await seedFindings({ api }, ORG);
    // a proof tree: the A record observed from a boefje's raw file, the resolution inferred from it
    const at = new Date();
    const task = (id: string, kind: 'boefje' | 'normalizer', pluginId: string, raw: string | null) => ({
      org: ORG, id, kind, pluginId, pluginVersion: '1', inputPk: HOST, rawId: raw, priority: 1, reason: 'e2e', dedupKey: id, inputLevel: 1, createdAt: at,
    });
    await insertTasks(kat.db, [task('e2e-boefje-task', 'boefje', 'dns-records', null)]);
    const file = await kat.raw.save({ org: ORG, bytes: RAW, mimeTypes: ['text/x-kat-e2e'], source: 'boefje', taskId: 'e2e-boefje-task', inputPk: HOST, pluginId: 'dns-records' });
    await insertTasks(kat.db, [task('e2e-normalizer-task', 'normalizer', 'kat_dns_normalizer', file.id)]);
    await kat.db.query(`UPDATE tasks SET status = 'completed', started_at = $1, ended_at = $1 WHERE org = $2`, [at.toISOString(), ORG]);
    await kat.graph.saveOrigins(ORG, [
      { kind: 'observation', method: 'kat_dns_normalizer', sourceMethod: 'dns-records', source: HOST, taskId: 'e2e-normalizer-task', results: [normalizeObject('DNSARecord', { hostname: HOST, address: IP, value: '192.0.2.10' })] },
    ]);
    await kat.graph.saveOrigins(ORG, [{ kind: 'inference', method: 'dns-resolving', source: HOST, parameters: [A_RECORD], results: [objectFromPk(RESOLVED)] }]);
    // the HSTS finding inferred by a bit from the resource
    await kat.graph.saveOrigins(ORG, [{ kind: 'inference', method: 'missing-headers', source: RESOURCE, results: [objectFromPk(F.hsts)] }]);
    ui = await openUi(kat);
    ({ page, pageErrors } = ui);
  });

  afterAll(async () => {
    await ui?.close();
    await kat?.close();
  });

  const table = () => page.getByRole('table', { name: 'Findings' });
  const chip = (label: string) => page.getByRole('group', { name: 'Filter by severity' }).getByRole('button', { name: new RegExp(`^${label}`) });

  it('opens the Findings page with g f: counts by severity, grouped by finding type', async () => {
    await page.goto(ui.url);
    await page.getByRole('status', { name: 'Connection: Connected' }).waitFor();
    await page.getByRole('button', { name: /Organisation Acme Corporation/ }).click();
    await page.locator('body').click({ position: { x: 700, y: 600 } });
    await page.keyboard.press('g');
    await page.keyboard.press('f');
    await page.getByRole('heading', { name: 'Findings', level: 1 }).waitFor();
    await chip('Critical').getByText('2', { exact: true }).waitFor();
    await chip('Pending').getByText('2', { exact: true }).waitFor();
    await page.getByTestId('finding-count').getByText('1–8 of 8 finding types').waitFor();
    const spf = table().getByRole('row').filter({ hasText: 'KAT-NO-SPF' });
    await spf.getByText('2', { exact: true }).waitFor();
    await spf.click();
    await table().getByRole('row').filter({ hasText: 'other.org' }).waitFor();
    await snap(page, 'findings-01-grouped');
  });

  it('filters by severity with a chip, then lists flat', async () => {
    await chip('Critical').click();
    await page.getByTestId('finding-count').getByText('1–2 of 2 finding types').waitFor();
    await chip('Critical').click();
    await page.getByRole('group', { name: 'Layout' }).getByRole('button', { name: 'Flat' }).click();
    await page.getByTestId('finding-count').getByText('1–9 of 9 findings').waitFor();
    const rows = table().locator('tbody tr');
    await expect.poll(() => rows.count()).toBe(9);
    await snap(page, 'findings-02-flat');
  });

  it('selects with x, mutes with m: the dialog previews what it hides and needs a reason', async () => {
    const rows = table().locator('tbody tr');
    await rows.nth(4).focus(); // KAT-OPEN-SYSADMIN-PORT (low)
    await page.keyboard.press('x');
    await page.keyboard.press('j');
    await page.keyboard.press('x'); // KAT-NO-SECURITY-TXT (recommendation)
    await page.getByRole('group', { name: 'Selected findings' }).getByText('2 selected').waitFor();
    await page.keyboard.press('m');
    const dialog = page.getByRole('dialog', { name: 'Mute 2 findings' });
    await dialog.getByRole('list', { name: 'Findings that will be hidden' }).getByRole('listitem').nth(1).waitFor();
    await dialog.getByRole('button', { name: 'Mute', exact: true }).click();
    await dialog.getByText('Say why these findings are muted').waitFor();
    await dialog.getByLabel(/Reason/).fill('Accepted risk: internal test server');
    const nextYear = `${new Date().getFullYear() + 1}-06-30`;
    await dialog.getByLabel(/Lift on/).fill(nextYear);
    await snap(page, 'findings-03-mute-dialog');
    await dialog.getByRole('button', { name: 'Mute', exact: true }).click();
    await dialog.waitFor({ state: 'detached' });
    await page.getByTestId('finding-count').getByText('1–7 of 7 findings').waitFor();
    await chip('Low').getByText('0', { exact: true }).waitFor();
    const stored = await api('findings.list', { org: ORG, muted: 'only' });
    expect(stored.items.map((i) => i.pk).sort()).toEqual([F.port, F.securityTxt].sort());
    expect(stored.items[0]!.muted).toMatchObject({ reason: 'Accepted risk: internal test server', expiresAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/) });

    // muted only, then unmute one with u
    await page.getByLabel('Muted findings').selectOption('only');
    await page.getByTestId('finding-count').getByText('1–2 of 2 findings').waitFor();
    await table().getByRole('row').filter({ hasText: 'KAT-NO-SECURITY-TXT' }).focus();
    await page.keyboard.press('u');
    await page.getByTestId('finding-count').getByText('1–1 of 1 finding').waitFor();
    await page.getByLabel('Muted findings').selectOption('hide');
    await page.getByTestId('finding-count').getByText('1–8 of 8 findings').waitFor();
  });

  it("opens a finding with Enter: severity, description, impact, recommendation, source, the object's neighbourhood, its proof", async () => {
    await table().getByRole('row').filter({ hasText: 'KAT-NO-HSTS' }).focus();
    await page.keyboard.press('Enter');
    const detail = page.getByRole('complementary', { name: 'Finding detail' });
    await detail.getByRole('heading', { name: 'KAT-NO-HSTS' }).waitFor();
    await detail.getByText('impact of KAT-NO-HSTS').waitFor();
    await detail.getByText('fix KAT-NO-HSTS').waitFor();
    await detail.getByRole('link', { name: 'https://example.test/KAT-NO-HSTS' }).waitFor();
    await detail.getByRole('list', { name: 'Neighbourhood' }).getByText('website', { exact: true }).waitFor();
    await detail.getByRole('region', { name: 'Mute' }).getByText('Not muted: shown in the findings list.').waitFor();
    await detail.getByText('missing-headers', { exact: true }).waitFor();
    await snap(page, 'findings-04-detail');
    await page.keyboard.press('Escape');
    await detail.waitFor({ state: 'detached' });
  });

  it("shows a hostname's findings with those of its related objects, and an inferred object's proof tree down to the raw file", async () => {
    await table().getByRole('row').filter({ hasText: 'KAT-NO-SPF' }).filter({ hasText: 'example.org' }).click();
    const fd = page.getByRole('complementary', { name: 'Finding detail' });
    await fd.getByRole('button', { name: `Open object ${HOST}` }).click();
    const detail = page.getByRole('complementary', { name: 'Object detail' });
    await detail.getByRole('heading', { name: 'internet|example.org' }).waitFor();
    const findings = detail.getByRole('list', { name: 'Findings on this object and related objects' });
    await expect.poll(() => findings.getByRole('listitem').count()).toBe(8);
    await findings.getByText('KAT-CERTIFICATE-EXPIRED').waitFor();
    await findings.getByText('KAT-NO-SECURITY-TXT').waitFor(); // muted ones are listed, marked
    await snap(page, 'findings-05a-object-findings');
    await detail.getByRole('region', { name: 'Referenced by' }).getByRole('button', { name: `Open ${RESOLVED}` }).click();
    await detail.getByRole('heading', { name: 'internet|example.org|internet|192.0.2.10' }).waitFor();
    const proof = detail.getByTestId('proof-tree');
    await proof.getByText('dns-resolving', { exact: true }).waitFor();
    await proof.getByText('kat_dns_normalizer', { exact: true }).waitFor();
    await proof.getByTestId('raw-sha256').getByText(createHash('sha256').update(RAW).digest('hex')).waitFor();
    await proof.getByRole('button', { name: 'Open task e2e-boefje-task' }).waitFor();
    await proof.getByText('dns-resolving', { exact: true }).scrollIntoViewIfNeeded();
    await snap(page, 'findings-05-object-proof-tree');

    // the delete preview lists what would go with it
    await detail.getByRole('button', { name: 'Delete object' }).click();
    const del = page.getByRole('dialog', { name: 'Delete object' });
    await del.getByRole('list', { name: 'Objects that will be removed' }).getByRole('listitem').first().waitFor();
    await del.getByRole('button', { name: 'Cancel' }).click();
  });

  it('shows the empty state in an organisation without findings', async () => {
    await page.getByRole('button', { name: /Organisation Fresh Start/ }).click();
    await page.locator('body').click({ position: { x: 700, y: 700 } });
    await page.keyboard.press('g');
    await page.keyboard.press('f');
    await page.getByRole('heading', { name: 'No findings yet' }).waitFor();
    await page.getByText(/Findings appear when bits infer them from scan results/).waitFor();
    await snap(page, 'findings-06-empty');
  });

  it('ran without page errors or 5xx answers', () => {
    expect(pageErrors).toEqual([]);
  });
});
