import { describeNeeding } from '../helpers/ci';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { createKat } from '../../src-main/core/kat';
import type { KatApi } from '../../src-main/core/kat-api';
import type { Input, MethodName, Result } from '../../src-main/api/contract';
import { ApiError } from '../../src-renderer/api/errors';
import { assertRendererBuilt, chromiumMissing, snap, openUi, type UiSession } from './browser';

/**
 * The Schedules screens end to end against the headless host: the default schedules, the editor
 * with live validation (the error under its field, a caret at the column) and the preview, save,
 * enable/disable, run now, delete; the plugin interval; the queue indicator and notifications in
 * the status bar; task filters by plugin and object. No container engine: tasks stay queued.
 */
const missing = chromiumMissing();

const ORG = 'acme';
const HOSTNAMES = ['Hostname|internet|www.acme.example', 'Hostname|internet|mail.acme.example'];
const BAD_PLUGINS = "consumes has 'Hostname' and scan_level <=";
const GOOD_PLUGINS = "consumes has 'Hostname'";

describeNeeding('schedules UI (e2e)', missing, () => {
  let kat: KatApi;
  let ui: UiSession;
  let context: BrowserContext;
  let page: Page;
  let pageErrors: string[];
  const call = <M extends MethodName>(method: M, params: Input<M>) => kat.call(method, params) as Promise<Result<M>>;

  beforeAll(async () => {
    assertRendererBuilt();
    kat = await createKat({ data: 'memory://', host: 'headless', engine: { socket: '/nonexistent/kat.sock' } });
    await call('orgs.create', { code: ORG, name: 'Acme Corporation' });
    await call('orgs.clearance.acknowledge', { org: ORG, maxLevel: 2, acknowledgedBy: 'Alex Auditor' });
    for (const pk of HOSTNAMES) await call('objects.declare', { org: ORG, pk });
    await call('levels.declare', { org: ORG, pks: HOSTNAMES, level: 1 });
    await call('plugins.enable', { org: ORG, id: 'dns-records', enabled: true });
    ui = await openUi(kat);
    ({ context, page, pageErrors } = ui);
    await context.grantPermissions(['notifications']);
    // record desktop notifications instead of showing them
    await page.addInitScript(() => {
      const shown: { title: string; body: string }[] = [];
      (window as unknown as { __notes: typeof shown }).__notes = shown;
      class FakeNotification {
        static permission = 'granted';
        static requestPermission = async () => 'granted';
        onclick: (() => void) | null = null;
        constructor(title: string, opts?: { body?: string }) {
          shown.push({ title, body: opts?.body ?? '' });
        }
        close() {}
      }
      Object.defineProperty(window, 'Notification', { value: FakeNotification, configurable: true });
    });
  });

  afterAll(async () => {
    await ui?.close();
    await kat?.close();
  });

  const table = () => page.getByRole('table', { name: 'Schedules' });
  const editor = () => page.getByRole('complementary', { name: 'Schedule editor' });
  const notes = () => page.evaluate(() => (window as unknown as { __notes: { title: string; body: string }[] }).__notes);

  it('lists the six default schedules (g s)', async () => {
    await page.goto(ui.url);
    await page.getByRole('status', { name: 'Connection: Connected' }).waitFor();
    await page.locator('body').click({ position: { x: 700, y: 600 } });
    await page.keyboard.press('g');
    await page.keyboard.press('s');
    await page.getByRole('heading', { name: 'Schedules', level: 1 }).waitFor();
    const stored = await call('schedules.list', { org: ORG });
    expect(stored.filter((s) => s.isDefault)).toHaveLength(6);
    for (const s of stored) {
      const row = table().getByRole('row', { name: s.name, exact: true });
      await row.getByText('default', { exact: true }).waitFor();
      if (s.recurrenceText) await row.getByText(s.recurrenceText, { exact: false }).first().waitFor();
      if (s.runOn) await row.getByText(`on ${s.runOn}`, { exact: false }).waitFor();
    }
    expect(await table().locator('tbody tr').count()).toBe(6);
    await snap(page, 'sched-01-defaults');
  });

  it('creates a schedule: an invalid filter is shown under its field at the column, the fix shows the preview', async () => {
    await page.getByRole('button', { name: 'New schedule' }).first().click();
    await editor().getByRole('heading', { name: 'New schedule' }).waitFor();
    await editor().getByLabel('Name').fill('Hostnames hourly');
    await editor().getByRole('button', { name: 'Hourly', exact: true }).click();
    await editor().getByLabel('Plugins filter').fill(BAD_PLUGINS);

    // the server says where: the UI must point at the same column
    const draft = { name: 'x', enabled: true, recurrence: 'hourly', plugins: BAD_PLUGINS, input: '', runOn: null, operations: [] };
    const refusal = await call('schedules.preview', { org: ORG, draft }).then(
      () => null,
      (e: unknown) => ApiError.from(e),
    );
    expect(refusal?.details?.field).toBe('plugins');
    const column = refusal!.details!.column as number;
    const field = editor().locator('.query-field').filter({ has: page.getByLabel('Plugins filter') });
    const caret = field.getByLabel(`Error at line 1, column ${column}`);
    await caret.waitFor();
    expect(await field.getByRole('alert').textContent()).toContain(refusal!.message.replace(/^plugins: /, ''));
    expect(await caret.locator('.query-caret-mark').textContent()).toBe(`${' '.repeat(column - 1)}^`);
    expect(await editor().getByLabel('Plugins filter').getAttribute('aria-invalid')).toBe('true');
    // nothing else is marked
    expect(await editor().getByLabel('Input filter').getAttribute('aria-invalid')).toBeNull();
    await snap(page, 'sched-02-invalid-filter');

    await editor().getByLabel('Plugins filter').fill(GOOD_PLUGINS);
    await editor().getByLabel('Input filter').fill('Hostname: scan_level >= 1');
    const plan = await call('schedules.preview', {
      org: ORG,
      draft: { ...draft, plugins: GOOD_PLUGINS, input: 'Hostname: scan_level >= 1' },
    });
    const summary = editor().getByLabel('Preview summary');
    await summary.getByText(plan.text, { exact: true }).waitFor();
    expect(await field.getByRole('alert').count()).toBe(0);
    await snap(page, 'sched-03-preview');
    await page.emulateMedia({ colorScheme: 'light' });
    await snap(page, 'sched-03-preview-light');
    await page.emulateMedia({ colorScheme: 'dark' });

    await editor().getByRole('button', { name: 'Create schedule' }).click();
    await editor().getByRole('heading', { name: 'Hostnames hourly' }).waitFor();
    const created = (await call('schedules.list', { org: ORG })).find((s) => s.name === 'Hostnames hourly')!;
    expect(created).toMatchObject({ plugins: GOOD_PLUGINS, input: 'Hostname: scan_level >= 1', enabled: true, isDefault: false });
    await editor().getByTestId('recurrence-text').getByText(created.recurrenceText!).waitFor();
    await table().getByRole('row', { name: 'Hostnames hourly', exact: true }).waitFor();
    await snap(page, 'sched-04-saved');
  });

  it('refuses a bad recurrence on its field', async () => {
    const rec = editor().getByLabel('Recurrence', { exact: true });
    await rec.fill('FREQ=DAILY;BYHOUR=25');
    const field = editor().locator('.query-field').filter({ has: page.getByLabel('Recurrence', { exact: true }) });
    await field.getByRole('alert').getByText('BYHOUR takes whole numbers from 0 to 23', { exact: false }).waitFor();
    await field.getByLabel('Error at line 1, column 12').waitFor();
    expect(await rec.getAttribute('aria-invalid')).toBe('true');
    await snap(page, 'sched-05-bad-recurrence');
    await editor().getByRole('button', { name: 'Revert' }).click();
    await field.getByRole('alert').waitFor({ state: 'detached' });
  });

  it('disables and enables a schedule from the list', async () => {
    const row = table().getByRole('row', { name: 'Hostnames hourly', exact: true });
    const toggle = row.getByRole('switch');
    expect(await toggle.isChecked()).toBe(true);
    await toggle.click({ force: true });
    await expect.poll(async () => (await call('schedules.list', { org: ORG })).find((s) => s.name === 'Hostnames hourly')?.enabled).toBe(false);
    await expect.poll(() => toggle.isChecked()).toBe(false);
    await toggle.click({ force: true });
    await expect.poll(async () => (await call('schedules.list', { org: ORG })).find((s) => s.name === 'Hostnames hourly')?.enabled).toBe(true);
  });

  it('runs a schedule now and shows what it queued; the status bar counts the queue', async () => {
    await editor().getByRole('button', { name: 'Run now' }).click();
    const result = editor().getByRole('region', { name: 'Run now result' });
    await result.waitFor();
    const ran = (await call('schedules.list', { org: ORG })).find((s) => s.name === 'Hostnames hourly')!;
    expect(ran.lastRunAt).not.toBeNull();
    await result.getByText(ran.lastResult!.text, { exact: true }).waitFor();
    // the list shows the last run too
    await table().getByRole('row', { name: 'Hostnames hourly', exact: true }).getByText(ran.lastResult!.text).waitFor();
    const queued = await call('tasks.list', { org: ORG, statuses: ['queued'] });
    expect(queued.total).toBeGreaterThan(0);
    await expect.poll(() => page.getByTestId('queue-queued').textContent()).toBe(String(queued.counts.queued));
    await snap(page, 'sched-06-run-now');
  });

  it('deletes a schedule after confirmation', async () => {
    await editor().getByRole('button', { name: 'Delete schedule' }).click();
    const dialog = page.getByRole('dialog', { name: 'Delete schedule' });
    await dialog.getByText('Hostnames hourly').waitFor();
    await page.waitForTimeout(200); // the backdrop fades in
    await snap(page, 'sched-07-delete-confirm');
    await dialog.getByRole('button', { name: 'Delete schedule' }).click();
    await dialog.waitFor({ state: 'detached' });
    await table().getByRole('row', { name: 'Hostnames hourly', exact: true }).waitFor({ state: 'detached' });
    expect((await call('schedules.list', { org: ORG })).map((s) => s.name)).not.toContain('Hostnames hourly');
  });

  it('creates a schedule on raw files: a mime type instead of the input filter, its error on its field', async () => {
    await page.getByRole('button', { name: 'New schedule' }).first().click();
    await editor().getByRole('heading', { name: 'New schedule' }).waitFor();
    await editor().getByLabel('Name').fill('Re-read nmap weekly');
    await editor().getByRole('button', { name: 'Weekly', exact: true }).click();
    await editor().getByLabel('Run on').selectOption('file');
    const mime = editor().getByLabel('Mime type');
    expect(await mime.inputValue()).toBe('*/*');
    expect(await editor().getByLabel('Input filter').count()).toBe(0);
    await mime.fill('nmap');
    const field = editor().locator('.form-field').filter({ has: page.getByLabel('Mime type') });
    await field.getByRole('alert').getByText('is not a mime type', { exact: false }).waitFor();
    expect(await mime.getAttribute('aria-invalid')).toBe('true');
    await snap(page, 'sched-07b-file-bad-mime');
    await mime.fill('boefje/nmap');
    await field.getByRole('alert').waitFor({ state: 'detached' });
    const plan = await call('schedules.preview', {
      org: ORG,
      draft: { name: 'x', enabled: true, recurrence: 'weekly', plugins: '', input: '', runOn: 'file', mimeType: 'boefje/nmap', operations: ['created'] },
    });
    await editor().getByLabel('Preview summary').getByText(plan.text, { exact: true }).waitFor();
    await editor().getByRole('button', { name: 'Create schedule' }).click();
    await editor().getByRole('heading', { name: 'Re-read nmap weekly' }).waitFor();
    const created = (await call('schedules.list', { org: ORG })).find((s) => s.name === 'Re-read nmap weekly')!;
    expect(created).toMatchObject({ runOn: 'file', mimeType: 'boefje/nmap', operations: ['created'], input: '' });
    const row = table().getByRole('row', { name: 'Re-read nmap weekly', exact: true });
    await row.getByText('on file boefje/nmap created', { exact: false }).waitFor();
    expect(await row.textContent()).toContain('every enabled normalizer');
    await snap(page, 'sched-07c-file-saved');
  });

  it('sets a boefje interval on the plugin page', async () => {
    await page.locator('body').click({ position: { x: 700, y: 600 } });
    await page.keyboard.press('g');
    await page.keyboard.press('p');
    await page.getByRole('grid', { name: 'Plugin catalogue' }).getByRole('row', { name: /DNS records/i }).first().click();
    const panel = page.getByRole('complementary', { name: 'Plugin detail' });
    const interval = panel.getByLabel('Run at most every');
    await interval.fill('abc');
    await panel.getByText(/A whole number of minutes/).waitFor();
    expect(await panel.getByRole('button', { name: 'Save interval' }).isDisabled()).toBe(true);
    await interval.fill('10080');
    await panel.getByRole('button', { name: 'Save interval' }).click();
    await panel.getByText('Now: every 7 days', { exact: false }).waitFor();
    await snap(page, 'sched-08-plugin-interval');
    await interval.fill('');
    await panel.getByRole('button', { name: 'Save interval' }).click();
    await panel.getByText('Now: the default, 24 hours', { exact: false }).waitFor();
  });

  it('filters tasks by plugin and object; the indicator opens Tasks; notifies when the queue drains', async () => {
    const indicator = page.getByRole('button', { name: /^Queue: / });
    await indicator.click();
    await page.getByRole('heading', { name: 'Tasks', level: 1 }).waitFor();
    const tasks = page.getByRole('table', { name: 'Tasks' });
    await page.getByLabel('Filter by plugin').selectOption('dns-records');
    await tasks.locator('tbody tr').first().waitFor();
    const obj = page.getByLabel('Filter by object');
    await obj.fill(HOSTNAMES[0]!);
    await obj.press('Enter');
    await expect.poll(() => tasks.locator('tbody tr').count()).toBe(1);
    await snap(page, 'sched-09-task-filters');
    await page.getByRole('button', { name: 'Clear object filter' }).click();
    await expect.poll(() => tasks.locator('tbody tr').count()).toBeGreaterThan(1);

    // notifications: the bell asks (permission granted by the browser context), then the queue drains
    await page.getByRole('button', { name: /Turn on desktop notifications/ }).click();
    await page.getByRole('button', { name: /Notifications on/ }).waitFor();
    expect(await page.evaluate(() => localStorage.getItem('kat.notifications'))).toBe('on');
    const queued = await call('tasks.list', { org: ORG, statuses: ['queued'] });
    expect(queued.items.length).toBeGreaterThanOrEqual(2);
    for (const t of queued.items) await call('tasks.cancel', { org: ORG, id: t.id });
    await expect.poll(() => page.getByTestId('queue-queued').textContent()).toBe('0');
    await expect.poll(async () => (await notes()).map((n) => n.title)).toContain('Queue empty');
    const note = (await notes()).find((n) => n.title === 'Queue empty')!;
    expect(note.body).toContain(`${queued.items.length} tasks ended`);
    await snap(page, 'sched-10-queue-drained');
  });

  it('raised no page errors (CSP, crashes) and no 5xx answers', () => {
    // refusals the test provokes on purpose (invalid filters) answer 4xx, which Chromium logs
    const expected = /^console: Failed to load resource: the server responded with a status of 4\d\d/;
    expect(pageErrors.filter((e) => !expected.test(e))).toEqual([]);
  });
});
