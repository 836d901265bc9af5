import { describeNeeding } from '../helpers/ci';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { createKat, type Kat } from '../../src-main/core/kat';
import type { Input, MethodName, Result } from '../../src-main/api/contract';
import { F, HOST, OTHER_HOST, RESOURCE, seedFindings } from '../integration/findings/fixture';
import { assertRendererBuilt, chromiumMissing, openUi, SCREENSHOT_DIR, snap, type UiSession } from './browser';

/**
 * The Reports screens end to end against the headless host, on the seeded findings graph (inference
 * off, so the reports show exactly the seeded findings): an earlier aggregate report made through
 * the API, then a finding fixed and a new one found; in the UI the wizard makes an aggregate
 * report on the two hostnames (type cards, the object chooser, the plugin check), the report view
 * shows its figures and charts, the changes since the earlier report (new, fixed, still open),
 * regenerating says the data is identical; the PDF (Chromium printing) and JSON exports are
 * downloaded and read back; the list follows pushed events, deletes with confirmation by
 * keyboard; a recipe is made with a preset and a checked RRULE, disabled and deleted.
 */
const missing = chromiumMissing();
const ORG = 'acme';
const ORG_NAME = 'Acme Corporation';
const INPUTS = [HOST, OTHER_HOST];
const NEW_FINDING = `Finding|${HOST}|KAT-NO-CSP`;
const DOWNLOADS = join(SCREENSHOT_DIR, 'downloads');

describeNeeding('reports UI (e2e)', missing, () => {
  let kat: Kat;
  let ui: UiSession;
  let page: Page;
  let pageErrors: string[];
  let earlierId: string;
  const api = <M extends MethodName>(method: M, params: Input<M>) => kat.call(method, params) as Promise<Result<M>>;

  beforeAll(async () => {
    assertRendererBuilt();
    kat = await createKat({ data: 'memory://', host: 'headless', engine: { socket: '/nonexistent/kat.sock' }, scheduler: { start: false, defaults: false }, bits: false });
    await api('orgs.create', { code: ORG, name: ORG_NAME, schedules: 'none' });
    await seedFindings({ api }, ORG);
    // the earlier report; then other.org's SPF finding is fixed and example.org gets a new one
    earlierId = (await api('reports.create', { org: ORG, type: 'aggregate', inputs: { objects: INPUTS }, name: 'Acme baseline' })).id;
    await api('objects.delete', { org: ORG, pk: F.otherSpf });
    await api('objects.declare', { org: ORG, object: { type: 'Finding', data: { ooi: HOST, finding_type: 'KATFindingType|KAT-NO-CSP', description: 'no CSP on the apex either' } } });
    ui = await openUi(kat, { acceptDownloads: true, viewport: { width: 1440, height: 900 } });
    ({ page, pageErrors } = ui);
    mkdirSync(DOWNLOADS, { recursive: true });
  });

  afterAll(async () => {
    await ui?.close();
    await kat?.close();
  });

  const reportsTable = () => page.getByRole('table', { name: 'Reports' });

  it('opens Reports with g r: the earlier report is listed with its severity counts', async () => {
    await page.goto(ui.url);
    await page.getByRole('status', { name: 'Connection: Connected' }).waitFor();
    await page.getByRole('button', { name: /Organisation Acme Corporation/ }).click();
    await page.locator('body').click({ position: { x: 700, y: 600 } });
    await page.keyboard.press('g');
    await page.keyboard.press('r');
    await page.getByRole('heading', { name: 'Reports', level: 1 }).waitFor();
    const row = reportsTable().getByRole('row', { name: 'Acme baseline' });
    await row.getByText('Aggregate', { exact: true }).waitFor();
    await row.getByLabel(/^Findings: .*critical/).waitFor();
    await snap(page, 'reports-01-list');
  });

  it('makes an aggregate report in the wizard: type, chosen objects, the plugin check, progress', async () => {
    await page.getByRole('button', { name: 'New report' }).click();
    await page.getByRole('heading', { name: 'New report', level: 1 }).waitFor();
    const types = page.getByRole('radiogroup', { name: 'Report type' });
    await types.getByRole('radio', { name: /^DNS report/ }).waitFor();
    await types.getByRole('radio', { name: /^Aggregate report/ }).click();
    await expect.poll(() => types.getByRole('radio', { name: /^Aggregate report/ }).getAttribute('aria-checked')).toBe('true');

    // the Create button says what is missing before anything is sent
    await page.getByRole('button', { name: 'Create report' }).click();
    await page.getByText('Choose at least one object, or use a live filter.').waitFor();

    await page.getByLabel('Object type').selectOption('Hostname');
    const list = page.getByRole('listbox', { name: 'Objects to choose from' });
    await list.getByRole('option', { name: HOST, exact: true }).waitFor();
    await list.getByRole('option', { name: OTHER_HOST, exact: true }).waitFor();
    await expect.poll(() => list.getByRole('option').count()).toBe(2);
    await page.getByLabel('Choose all shown').check();
    await expect.poll(() => page.getByRole('group', { name: 'Chosen objects' }).locator('.chosen-head').textContent()).toMatch(/^2\s*chosen/);

    const check = page.getByTestId('report-check');
    await check.getByText('Covers 2 objects.').waitFor();
    // no plugin is enabled in this organisation: the check says so before anything is made
    const warnings = check.getByRole('list', { name: 'Plugin warnings' });
    await warnings.getByRole('button', { name: 'Open plugin dns-records' }).waitFor();
    await warnings.getByText('Disabled').first().waitFor();

    await page.getByRole('textbox', { name: 'Name', exact: true }).fill('Acme quarterly');
    await check.scrollIntoViewIfNeeded();
    await snap(page, 'reports-02-wizard');
    await page.getByRole('button', { name: 'Create report' }).click();
    await page.getByRole('heading', { name: 'Acme quarterly', level: 1 }).waitFor({ timeout: 60_000 });
    const stored = await api('reports.list', { org: ORG });
    expect(stored.reports.map((r) => r.name).sort()).toEqual(['Acme baseline', 'Acme quarterly']);
    const made = stored.reports.find((r) => r.name === 'Acme quarterly')!;
    expect(made).toMatchObject({ type: 'aggregate', inputs: { objects: INPUTS }, previousId: earlierId });
  });

  it('shows the report: key figures, charts, management summary, recommendations, scope, sub-reports, links into objects', async () => {
    const content = page.getByRole('article', { name: 'Report content' });
    const figures = content.locator('dl[aria-label="Key figures"]').first();
    await figures.waitFor();
    expect(await figures.locator('.summary-card').count()).toBeGreaterThan(0);
    const report = await api('reports.list', { org: ORG }).then((l) => l.reports.find((r) => r.name === 'Acme quarterly')!);
    const full = await api('reports.get', { org: ORG, id: report.id });
    // every key figure of the stored data is on screen
    for (const f of full.data.summary) {
      const card = figures.locator('.summary-card').filter({ has: page.getByText(f.label, { exact: true }) });
      await card.getByText(typeof f.value === 'number' ? f.value.toLocaleString('en-US') : String(f.value), { exact: true }).waitFor();
    }
    await content.getByRole('heading', { name: 'Management summary' }).waitFor();
    await content.getByRole('heading', { name: 'Recommendations' }).waitFor();
    await content.getByRole('heading', { name: 'Scope' }).waitFor();
    await content.getByRole('heading', { name: 'Appendix' }).waitFor();
    // charts are drawn (SVG), at least one of them about severities
    expect(await content.locator('svg.chart').count()).toBeGreaterThan(0);
    await content.locator('svg.chart[aria-label*="critical" i]').first().waitFor();
    await snap(page, 'reports-03-view');
    await content.getByRole('heading', { name: 'Scope' }).scrollIntoViewIfNeeded();
    await snap(page, 'reports-03b-view-scope');
    // the findings sub-report opens; its rows link into the objects
    const sub = content.getByTestId('sub-report-findings');
    await sub.locator('summary').click();
    await sub.locator('svg.chart').first().waitFor();
    await sub.locator('summary').evaluate((el) => el.scrollIntoView({ block: 'start' }));
    await snap(page, 'reports-03c-sub-report');
    await content.getByRole('table', { name: 'Declared objects' }).getByRole('button', { name: `Open object ${OTHER_HOST}` }).click();
    await page.getByRole('complementary', { name: 'Object detail' }).getByRole('heading', { name: 'internet|other.org' }).waitFor();
    await page.keyboard.press('g');
    await page.keyboard.press('r');
    await page.getByRole('heading', { name: 'Acme quarterly', level: 1 }).waitFor();
  });

  it('lists the changes since the earlier report: new, fixed, still open', async () => {
    const panel = page.getByRole('region', { name: 'Changes since previous report' });
    await panel.getByRole('button', { name: 'Open the previous report' }).waitFor();
    const changes = await api('reports.changes', { org: ORG, id: (await api('reports.list', { org: ORG })).reports.find((r) => r.name === 'Acme quarterly')!.id });
    expect(changes.new.map((f) => f.pk)).toContain(NEW_FINDING);
    expect(changes.fixed.map((f) => f.pk)).toEqual([F.otherSpf]);
    await panel.getByTestId('changes-new').getByText(String(changes.new.length), { exact: true }).waitFor();
    await panel.getByTestId('changes-fixed').getByText('1', { exact: true }).waitFor();
    await panel.getByTestId('changes-open').getByText(String(changes.stillOpen.length), { exact: true }).waitFor();
    await panel.getByRole('group', { name: 'New findings' }).getByRole('button', { name: `Open finding ${NEW_FINDING}` }).waitFor();
    await panel.getByRole('group', { name: 'Fixed findings' }).getByText('other.org').waitFor();
    await panel.getByRole('group', { name: 'Still open findings' }).getByText('KAT-CERTIFICATE-EXPIRED').waitFor();
    // two reports on the same inputs: the trend is drawn
    await page.getByTestId('chart-trend').locator('svg.chart').waitFor();
    await panel.scrollIntoViewIfNeeded();
    await snap(page, 'reports-04-changes');
  });

  it('regenerates the report: the data is identical', async () => {
    await page.getByRole('button', { name: 'Regenerate' }).click();
    await page.getByTestId('regenerate-result').getByText(/the data is identical/).waitFor();
  });

  it('exports the PDF (Chromium printing): a PDF with the organisation and the sections', async () => {
    const download = page.waitForEvent('download', { timeout: 90_000 });
    await page.getByRole('button', { name: 'Export PDF' }).click();
    const file = await download;
    expect(file.suggestedFilename()).toMatch(/^acme-.*\d{4}-\d\d-\d\d\.pdf$/);
    const path = join(DOWNLOADS, file.suggestedFilename());
    await file.saveAs(path);
    const bytes = readFileSync(path);
    expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const text = execFileSync('pdftotext', ['-layout', path, '-'], { encoding: 'utf8' });
    expect(text).toContain(ORG_NAME);
    expect(text).toMatch(/Management summary/i);
    expect(text).toContain('Acme quarterly');
    execFileSync('pdftoppm', ['-png', '-r', '50', '-f', '1', '-l', '2', path, join(SCREENSHOT_DIR, 'reports-05-pdf-page')]);
  });

  it('exports the data as JSON and CSV', async () => {
    const json = page.waitForEvent('download');
    await page.getByRole('button', { name: 'JSON', exact: true }).click();
    const jf = await json;
    expect(jf.suggestedFilename()).toMatch(/\.json$/);
    const jpath = join(DOWNLOADS, jf.suggestedFilename());
    await jf.saveAs(jpath);
    const parsed = JSON.parse(readFileSync(jpath, 'utf8')) as { name: string; type: string; data: { type: string; summary: unknown[] } };
    expect(parsed).toMatchObject({ name: 'Acme quarterly', type: 'aggregate', data: { type: 'aggregate' } });
    expect(parsed.data.summary.length).toBeGreaterThan(0);

    const csv = page.waitForEvent('download');
    await page.getByRole('button', { name: 'CSV', exact: true }).click();
    const cf = await csv;
    expect(cf.suggestedFilename()).toMatch(/\.csv$/);
    const cpath = join(DOWNLOADS, cf.suggestedFilename());
    await cf.saveAs(cpath);
    expect(readFileSync(cpath, 'utf8')).toMatch(/^# Acme quarterly/);
  });

  it('follows pushed events: a report made elsewhere appears in the list', async () => {
    await page.keyboard.press('Escape');
    await reportsTable().getByRole('row', { name: 'Acme quarterly' }).waitFor();
    await api('reports.create', { org: ORG, type: 'findings', inputs: { filter: { types: ['Hostname'] } }, name: 'Made by a script' });
    await reportsTable().getByRole('row', { name: 'Made by a script' }).waitFor();
    await page.getByTestId('report-count').getByText('3 reports').waitFor();
  });

  it('moves with the keyboard, opens with Enter and deletes with Del after confirming', async () => {
    const rows = reportsTable().locator('tbody tr');
    await rows.first().focus();
    await page.keyboard.press('j');
    await page.keyboard.press('k');
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe('Made by a script');
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'Made by a script', level: 1 }).waitFor();
    await page.getByTestId('changes-none').waitFor();
    await page.getByTestId('trend-empty').waitFor();
    await page.keyboard.press('Escape');
    await reportsTable().getByRole('row', { name: 'Made by a script' }).focus();
    await page.keyboard.press('Delete');
    const dialog = page.getByRole('dialog', { name: 'Delete report' });
    await dialog.getByText('Made by a script').waitFor();
    await snap(page, 'reports-06-delete');
    await dialog.getByRole('button', { name: 'Delete report' }).click();
    await dialog.waitFor({ state: 'detached' });
    await reportsTable().getByRole('row', { name: 'Made by a script' }).waitFor({ state: 'detached' });
    expect((await api('reports.list', { org: ORG })).total).toBe(2);
  });

  it('makes a recipe: a preset, a checked RRULE with the next runs, then disables and deletes it', async () => {
    await page.getByRole('tablist', { name: 'Reports or recipes' }).getByRole('tab', { name: 'Recipes' }).click();
    await page.getByRole('heading', { name: 'No recipes' }).waitFor();
    await page.getByRole('button', { name: 'New recipe' }).first().click();
    await page.getByRole('heading', { name: 'New recipe', level: 1 }).waitFor();
    await page.getByRole('radiogroup', { name: 'Report type' }).getByRole('radio', { name: /^Findings report/ }).click();
    await page.getByRole('radiogroup', { name: 'Inputs' }).getByRole('radio', { name: 'Live filter' }).click();
    await page.getByRole('checkbox', { name: 'Hostname', exact: true }).check();
    await page.getByTestId('report-check').getByText(/Covers 2 objects/).waitFor();
    await page.getByRole('textbox', { name: /^Name/ }).fill('Weekly findings');
    const rrule = page.getByRole('textbox', { name: 'Recurrence' });
    await rrule.fill('FREQ=WEEKLY;BYHOUR=25');
    await page.getByRole('alert').filter({ hasText: /BYHOUR/ }).waitFor();
    await page.getByRole('button', { name: 'Monthly, first day 08:00' }).click();
    await page.getByTestId('rrule-preview').getByText(/month/).waitFor();
    await page.getByRole('button', { name: 'Weekly, Monday 08:00' }).click();
    await page.getByTestId('rrule-preview').getByText(/Monday/).waitFor();
    await snap(page, 'reports-07-recipe');
    await page.getByRole('button', { name: 'Create recipe' }).click();
    const table = page.getByRole('table', { name: 'Recipes' });
    const row = table.getByRole('row', { name: 'Weekly findings' });
    await row.waitFor();
    const [stored] = (await api('reports.recipes.list', { org: ORG })).recipes;
    expect(stored).toMatchObject({ name: 'Weekly findings', type: 'findings', inputs: { filter: { types: ['Hostname'] } }, enabled: true });
    expect(stored!.rrule).toMatch(/FREQ=WEEKLY/);
    expect(stored!.rrule).toMatch(/BYDAY=MO/);
    expect(stored!.rrule).toMatch(/BYHOUR=8\b/);
    expect(new Date(stored!.nextRunAt!).getUTCDay()).toBe(1);
    expect(stored!.nextRunAt).toMatch(/T08:00:00(\.000)?Z$/); // on the hour, as the preview said
    await expect.poll(async () => (await row.getByTestId('recipe-next-run').textContent())?.trim()).not.toBe('—');
    await snap(page, 'reports-08-recipes');

    await row.getByRole('switch', { name: 'Enable Weekly findings' }).click({ force: true });
    await expect.poll(async () => (await api('reports.recipes.list', { org: ORG })).recipes[0]!.enabled).toBe(false);
    await row.focus();
    await page.keyboard.press('Delete');
    const dialog = page.getByRole('dialog', { name: 'Delete recipe' });
    await dialog.getByRole('button', { name: 'Delete recipe' }).click();
    await page.getByRole('heading', { name: 'No recipes' }).waitFor();
    expect((await api('reports.recipes.list', { org: ORG })).recipes).toEqual([]);
  });

  it('ran without page errors or 5xx answers', () => {
    expect(pageErrors).toEqual([]);
  });
});
