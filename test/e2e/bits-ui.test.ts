import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { createKat, type Kat } from '../../src-main/core/kat';
import { normalizeObject } from '../../src-main/graph/model';
import type { Input, MethodName, Result } from '../../src-main/api/contract';
import { describeNeeding } from '../helpers/ci';
import { assertRendererBuilt, chromiumMissing, openUi, snap, type UiSession } from './browser';

/**
 * Bits on the Plugins page end to end, with the real bit engine (inference on) behind the headless
 * host: the bit filter, a bit's detail (what it concludes, failures, enable, Re-run), its settings
 * per network generated from the manifest's schema, the finding they produce on the Findings page,
 * an invalid value refused on its field, a failing run listed with its coded error and source,
 * and the "Bit settings" link on a Network's page.
 */
const missing = chromiumMissing();
const ORG = 'acme';
const BIT = 'port-classification-ip';
const NET = 'Network|internet';
const IP = 'IPAddressV4|internet|192.0.2.80';
const P8080 = 'IPPort|internet|192.0.2.80|tcp|8080';
const DB8080 = `Finding|${P8080}|KAT-OPEN-DATABASE-PORT`;
const UNCOMMON8080 = `Finding|${P8080}|KAT-UNCOMMON-OPEN-PORT`;

describeNeeding('bits UI (e2e)', missing, () => {
  let kat: Kat;
  let ui: UiSession;
  let page: Page;
  let pageErrors: string[];
  const api = <M extends MethodName>(method: M, params: Input<M>) => kat.call(method, params) as Promise<Result<M>>;
  const exists = async (pk: string) => (await kat.db.query(`SELECT 1 FROM objects WHERE org = $1 AND pk = $2`, [ORG, pk])).rows.length > 0;

  beforeAll(async () => {
    assertRendererBuilt();
    kat = await createKat({ data: 'memory://', host: 'headless', engine: { socket: '/nonexistent/kat.sock' }, scheduler: { start: false, defaults: false }, bits: {} });
    await api('orgs.create', { code: ORG, name: 'Acme Corporation', schedules: 'none' });
    await api('orgs.clearance.acknowledge', { org: ORG, maxLevel: 2, acknowledgedBy: 'Alex Auditor' });
    await api('objects.declare', { org: ORG, pk: IP });
    await api('levels.declare', { org: ORG, pks: [IP], level: 2 });
    await api('origins.save', {
      org: ORG,
      kind: 'observation',
      method: 'kat_nmap_normalizer',
      sourceMethod: 'nmap',
      source: IP,
      results: [
        { type: 'IPPort', data: { address: IP, protocol: 'tcp', port: 8080, state: 'open' } },
        { type: 'IPPort', data: { address: IP, protocol: 'tcp', port: 5432, state: 'open' } },
      ],
    });
    ui = await openUi(kat);
    ({ page, pageErrors } = ui);
  });

  afterAll(async () => {
    await ui?.close();
    await kat?.close();
  });

  const panel = () => page.getByRole('complementary', { name: 'Plugin detail' });
  const form = () => panel().getByRole('form', { name: `Settings of Port classification for ${NET}` });

  it('lists the bits with the kind filter and opens port-classification-ip: description, consumes, level, what it concludes', async () => {
    expect([await exists(UNCOMMON8080), await exists(DB8080)]).toEqual([true, false]);
    await page.goto(ui.url);
    await page.getByRole('status', { name: 'Connection: Connected' }).waitFor();
    await page.getByRole('button', { name: /Organisation Acme Corporation/ }).click();
    await page.locator('body').click({ position: { x: 700, y: 600 } });
    await page.keyboard.press('g');
    await page.keyboard.press('p');
    await page.getByRole('heading', { name: 'Plugins', level: 1 }).waitFor();
    await page.getByLabel('Filter by kind').selectOption('bit');
    const grid = page.getByRole('grid', { name: 'Plugin catalogue' });
    const row = grid.getByRole('row', { name: 'Port classification (bit)' });
    await row.waitFor();
    // the filter applies after the catalogue reloads: wait for the boefjes to leave the grid
    await expect.poll(() => grid.getByRole('row', { name: /Nmap TCP ports/ }).count(), { timeout: 15_000 }).toBe(0);
    await snap(page, 'bits-01-catalogue');
    // keyboard: focus the row, Enter opens it
    await row.focus();
    await page.keyboard.press('Enter');
    await panel().getByRole('heading', { name: 'Port classification' }).waitFor();
    await panel().getByText(/Sorts the open ports of an IP address/).waitFor();
    await panel().getByText('L1', { exact: true }).waitFor();
    await panel().getByText('IPAddress', { exact: true }).first().waitFor();
    await expect.poll(() => panel().getByTestId('bit-active-sources').textContent(), { timeout: 15_000 }).toMatch(/^1 /);
    await panel().getByText('No failed runs: every source was evaluated.').waitFor();
    await form().getByLabel('Database ports').waitFor();
    expect(await panel().getByLabel('Network', { exact: true }).inputValue()).toBe(NET);
    await panel().getByTestId('bit-config-state').getByText('Using the defaults.').waitFor();
    expect(await form().getByLabel('Database ports').inputValue()).toBe('1433, 1434, 3050, 3306, 5432');
    await snap(page, 'bits-02-detail');
  });

  it('an invalid port is refused on its field and nothing is saved', async () => {
    await form().getByLabel('Database ports').fill('5432, 99999');
    await form().getByRole('button', { name: 'Save', exact: true }).click();
    await form().getByText('99999 is out of range (0 to 65535).').waitFor();
    expect(await form().getByLabel('Database ports').getAttribute('aria-invalid')).toBe('true');
    await form().getByLabel('Database ports').fill('5432, eighty');
    await form().getByRole('button', { name: 'Save', exact: true }).click();
    await form().getByText(/"eighty" is not a whole number/).waitFor();
    await snap(page, 'bits-03-invalid');
    expect((await api('bits.config.get', { org: ORG, bitId: BIT, ooi: NET })).saved).toBeNull();
  });

  it('marks 8080 as a database port for Network|internet: saved, the bit re-runs, the finding appears on the Findings page', async () => {
    await form().getByLabel('Database ports').fill('5432, 8080');
    await form().getByRole('button', { name: 'Save', exact: true }).click();
    await panel().getByTestId('bit-config-state').getByText(/^Custom: database_ports/).waitFor();
    expect((await api('bits.config.get', { org: ORG, bitId: BIT, ooi: NET })).saved).toEqual({ database_ports: [5432, 8080] });
    expect([await exists(DB8080), await exists(UNCOMMON8080)]).toEqual([true, false]);
    // the picker marks the network once the saved list is reloaded
    await expect.poll(() => panel().getByLabel('Network', { exact: true }).locator('option:checked').textContent(), { timeout: 15_000 }).toBe('internet (custom)');
    await snap(page, 'bits-04-saved');

    await page.getByRole('button', { name: 'Findings', exact: true }).click();
    await page.getByRole('heading', { name: 'Findings', level: 1 }).waitFor();
    const table = page.getByRole('table', { name: 'Findings' });
    const group = table.getByRole('row').filter({ hasText: 'KAT-OPEN-DATABASE-PORT' });
    await group.getByText('2', { exact: true }).waitFor();
    await group.click();
    await table.getByRole('row').filter({ hasText: '8080' }).first().waitFor();
    expect(await table.getByRole('row').filter({ hasText: 'KAT-UNCOMMON-OPEN-PORT' }).count()).toBe(0);
    await snap(page, 'bits-05-findings');
  });

  it('re-runs the bit with a busy state and shows the counts', async () => {
    await page.getByRole('button', { name: 'Plugins', exact: true }).click();
    await panel().getByRole('heading', { name: 'Port classification' }).waitFor();
    await panel().getByRole('button', { name: 'Re-run' }).click();
    await panel().getByTestId('bit-run-result').getByText(/^Ran on 1 source: 0 changed, 0 failed/).waitFor();
    const runs = (await api('bits.status', { org: ORG })).lastFullRun;
    expect(runs).toMatchObject({ bits: [BIT], sources: 1, changed: 0 });
    await snap(page, 'bits-06-rerun');
  });

  it('lists a failing run with its coded error and source; the source link leads to the Network page and back to the bit settings; reset clears it', async () => {
    // a Config written past every check (straight into the graph: objects.declare refuses it) that the bit cannot use
    const bad = normalizeObject('Config', { ooi: NET, bit_id: BIT, config: { database_ports: 'all' } });
    await kat.graph.saveOrigins(ORG, [{ kind: 'declaration', method: 'test', source: bad.pk, results: [bad] }]);
    const failures = panel().getByRole('list', { name: 'Failed runs' });
    await failures.getByText('BIT_FAILED', { exact: true }).waitFor();
    await failures.getByText(/database_ports must be a list of port numbers/).waitFor();
    await snap(page, 'bits-07-failure');
    await failures.getByRole('button', { name: `Open ${IP}` }).click();
    const objectPanel = page.getByRole('complementary', { name: 'Object detail' });
    await objectPanel.getByRole('button', { name: `Open ${NET}` }).first().click();
    await objectPanel.getByRole('heading', { name: 'internet' }).waitFor();
    const link = objectPanel.getByRole('button', { name: 'Bit settings: Port classification' });
    await link.waitFor();
    await snap(page, 'bits-08-network-page');
    await link.click();
    await page.getByRole('heading', { name: 'Plugins', level: 1 }).waitFor();
    await panel().getByRole('heading', { name: 'Port classification' }).waitFor();
    expect(await panel().getByLabel('Network', { exact: true }).inputValue()).toBe(NET);

    await panel().getByRole('button', { name: 'Reset to defaults' }).click();
    await panel().getByTestId('bit-config-state').getByText('Using the defaults.').waitFor();
    await panel().getByText('No failed runs: every source was evaluated.').waitFor();
    expect([await exists(DB8080), await exists(UNCOMMON8080)]).toEqual([false, true]);
    expect(await form().getByLabel('Database ports').inputValue()).toBe('1433, 1434, 3050, 3306, 5432');
  });

  it('disabling the bit in its panel clears what it concluded; enabling brings it back', async () => {
    const toggle = panel().getByRole('switch', { name: 'Enable Port classification' });
    await toggle.focus();
    await page.keyboard.press('Space');
    await expect.poll(() => exists(UNCOMMON8080)).toBe(false);
    await expect.poll(() => panel().getByTestId('bit-active-sources').textContent()).toMatch(/^0 disabled/);
    await toggle.focus();
    await page.keyboard.press('Space');
    await expect.poll(() => exists(UNCOMMON8080)).toBe(true);
    await snap(page, 'bits-09-enabled');
  });

  it('had no page errors, console errors or 5xx answers', () => {
    expect(pageErrors).toEqual([]);
  });
});
