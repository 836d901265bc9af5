import { describeNeeding } from '../helpers/ci';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { createKat } from '../../src-main/core/kat';
import type { KatApi } from '../../src-main/core/kat-api';
import { assertRendererBuilt, chromiumMissing, snap, openUi, type UiSession } from './browser';

/**
 * The first UI end to end: the real core (in-memory PGlite) behind the real headless host, the
 * built renderer in Debian's Chromium. Screenshots of every step land in test-results/e2e/.
 */
const missing = chromiumMissing();

describeNeeding('first UI (e2e)', missing, () => {
  let kat: KatApi;
  let ui: UiSession;
  let context: BrowserContext;
  let page: Page;
  let pageErrors: string[];

  beforeAll(async () => {
    assertRendererBuilt();
    kat = await createKat({ data: 'memory://', host: 'headless' });
    ui = await openUi(kat, { viewport: { width: 1360, height: 820 } });
    ({ context, page, pageErrors } = ui);
  });

  afterAll(async () => {
    await ui?.close();
    await kat?.close();
  });

  it('opens on a welcoming empty state and strips the token from the address bar', async () => {
    await page.goto(ui.url);
    await page.getByRole('heading', { name: 'Welcome to Kattegat' }).waitFor();
    expect(page.url()).not.toContain('token=');
    await page.getByRole('status', { name: 'Connection: Connected' }).waitFor();
    await snap(page, '01-welcome');
  });

  it('creates an organisation, with validation errors inline', async () => {
    await page.getByRole('button', { name: 'Create organisation' }).click();
    const dialog = page.getByRole('dialog', { name: 'Create organisation' });
    await dialog.getByLabel('Name').fill('Acme Corporation');
    await dialog.getByLabel('Code').fill('Not A Code!');
    await dialog.getByRole('button', { name: 'Create organisation' }).click();
    await dialog.getByText('Lowercase letters, digits').waitFor();
    await snap(page, '02-create-org-invalid');

    await dialog.getByLabel('Code').fill('acme');
    await dialog.getByLabel('Code').press('Enter');
    await dialog.waitFor({ state: 'detached' });
    await page.getByRole('button', { name: 'Organisation Acme Corporation (acme)' }).waitFor();
    await page.getByRole('heading', { name: 'No objects yet' }).waitFor();
    await snap(page, '03-org-created');
  });

  it('declares Hostname|internet|example.org through the generated form', async () => {
    await page.getByRole('button', { name: 'Add object' }).first().click();
    const dialog = page.getByRole('dialog', { name: 'Add object' });
    await dialog.getByLabel('Type').selectOption('Hostname');
    await dialog.getByLabel('Network').fill('Network|internet');
    await dialog.getByLabel('Name').fill('example.org');
    await snap(page, '04-add-object-form');
    await dialog.getByRole('button', { name: 'Declare object' }).click();
    await dialog.waitFor({ state: 'detached' });

    const detail = page.getByRole('complementary', { name: 'Object detail' });
    await detail.getByRole('heading', { name: 'example.org' }).waitFor();
    // the list follows by itself (objects.changed event): the hostname and its derived network
    await page.getByTestId('object-count').getByText('2 objects').waitFor();
    await snap(page, '05-declared');
  });

  it('finds the object by search and opens it from the table', async () => {
    await page.getByRole('button', { name: 'Close detail' }).click();
    await page.locator('body').press('/');
    const search = page.getByRole('searchbox', { name: 'Search objects' });
    expect(await search.evaluate((el) => el === document.activeElement)).toBe(true);
    await search.fill('example');
    await page.getByTestId('object-count').getByText('1 object', { exact: true }).waitFor();
    const row = page.getByRole('row').filter({ hasText: 'example.org' });
    await row.waitFor();
    await snap(page, '06-search');

    // keyboard: into the grid, Enter opens the row under the cursor
    await search.press('ArrowDown');
    await page.keyboard.press('Enter');
    const detail = page.getByRole('complementary', { name: 'Object detail' });
    await detail.getByRole('heading', { name: 'example.org' }).waitFor();
    await detail.getByRole('button', { name: 'Open Network|internet' }).waitFor();
    const origins = detail.getByRole('region', { name: /Why this exists/ });
    await origins.getByText('declaration', { exact: true }).waitFor();
    await origins.getByText('manual', { exact: true }).waitFor();
    await snap(page, '07-detail-origin');
  });

  it('imports a CSV with one bad row and reports it per row', async () => {
    await page.getByRole('searchbox', { name: 'Search objects' }).fill('');
    await page.getByTestId('object-count').getByText('2 objects').waitFor();
    await page.getByRole('button', { name: 'Close detail' }).click();

    await page.getByRole('button', { name: 'Import CSV' }).first().click();
    const dialog = page.getByRole('dialog', { name: 'Import CSV' });
    await dialog.getByLabel('CSV').fill('example.com\nnot a host!!\n10.0.0.1');
    await dialog.getByRole('button', { name: 'Import', exact: true }).click();

    const report = dialog.getByRole('table', { name: 'Import report' });
    await report.waitFor();
    const bad = report.getByRole('row').filter({ hasText: 'not a host!!' });
    await bad.waitFor();
    expect(await bad.textContent()).toMatch(/2\s*not a host!!/);
    expect(await dialog.getByRole('status').textContent()).toContain('2 imported, 1 failed');
    await snap(page, '08-import-report');

    await dialog.getByRole('button', { name: 'Done' }).click();
    // the table picked up the imported objects from the change event, without a reload
    await page.getByRole('row').filter({ hasText: 'example.com' }).waitFor();
    await snap(page, '09-after-import');
  });

  it('raised no page errors (CSP, crashes)', () => {
    expect(pageErrors).toEqual([]);
  });
});
