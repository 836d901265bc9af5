import { describeNeeding } from '../helpers/ci';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { readFile } from 'node:fs/promises';
import type { Download, Page } from 'playwright-core';
import { createKat, type Kat } from '../../src-main/core/kat';
import type { Input, MethodName, Result } from '../../src-main/api/contract';
import { CERT, HOST, IP, OTHER_HOST, RESOLVED, WEBSITE, seedFindings } from '../integration/findings/fixture';
import { assertRendererBuilt, chromiumMissing, openUi, snap, type UiSession } from './browser';
import type { KatExplorerHook } from '../../src-renderer/features/explorer/test-hooks';

/**
 * The graph explorer end to end against the headless host, on a synthetic graph with history: a
 * hostname resolving to an IP (January), a port and an older certificate (February), then the
 * findings fixture (now: website, URL, resource, header, certificate, findings). Open from a search,
 * from an object's page and from a list selection; expand, collapse, filter, highlight, find a path
 * (and avoid a type), move the time slider, compare two times, export PNG and GraphML (files
 * checked), save and reopen a view, the keyboard, the empty state.
 */
const missing = chromiumMissing();
const ORG = 'acme';
const T1 = '2026-01-10T10:00:00.000Z';
const T2 = '2026-02-10T10:00:00.000Z';
const SSH = 'IPPort|internet|192.0.2.10|tcp|22';

type Win = Window & { __katExplorer: KatExplorerHook };

describeNeeding('graph explorer (e2e)', missing, () => {
  let kat: Kat;
  let ui: UiSession;
  let page: Page;
  let pageErrors: string[];
  const api = <M extends MethodName>(method: M, params: Input<M>) => kat.call(method, params) as Promise<Result<M>>;

  /** ids drawn on the canvas (visible ones only with `visible`) */
  const drawn = (visible = false) =>
    page.evaluate((visible) => {
      const cy = (window as unknown as Win).__katExplorer.cy();
      return cy ? cy.nodes().filter((n) => !visible || !n.hasClass('filtered')).map((n) => n.id()) : [];
    }, visible);
  const settled = () => page.evaluate(() => (window as unknown as Win).__katExplorer.settle());
  const idle = async () => {
    await page.getByRole('status', { name: 'Working' }).waitFor({ state: 'detached' });
    await settled();
  };
  const dblclickNode = async (id: string) => {
    const p = await page.evaluate((id) => (window as unknown as Win).__katExplorer.pagePosition(id), id);
    expect(p, `${id} is drawn`).not.toBeNull();
    await page.mouse.dblclick(p!.x, p!.y);
  };
  const clickNode = async (id: string) => {
    const p = await page.evaluate((id) => (window as unknown as Win).__katExplorer.pagePosition(id), id);
    expect(p, `${id} is drawn`).not.toBeNull();
    await page.mouse.click(p!.x, p!.y);
  };
  const side = () => page.getByRole('complementary', { name: 'Explorer panel' });
  const tab = (name: string) => side().getByRole('tab', { name });
  const saveDownload = async (d: Download) => {
    const path = await d.path();
    return readFile(path);
  };

  beforeAll(async () => {
    assertRendererBuilt();
    kat = await createKat({ data: 'memory://', host: 'headless', engine: { socket: '/nonexistent/kat.sock' }, scheduler: { start: false, defaults: false }, bits: false });
    await api('orgs.create', { code: ORG, name: 'Acme Corporation', schedules: 'none' });
    await api('orgs.create', { code: 'fresh', name: 'Fresh Start', schedules: 'none' });
    // history: January the resolution, February a port and an older certificate, now the rest
    await api('objects.declare', { org: ORG, object: { type: 'ResolvedHostname', data: { hostname: HOST, address: IP } }, validTime: T1 });
    await api('objects.declare', { org: ORG, pk: SSH, validTime: T2 });
    await api('objects.declare', { org: ORG, object: { type: 'X509Certificate', data: { issuer: 'Example CA', serial_number: '0A1B', subject: 'old.example.org' } }, validTime: T2 });
    await seedFindings({ api }, ORG);
    ui = await openUi(kat, { acceptDownloads: true, timeoutMs: 20_000 });
    ({ page, pageErrors } = ui);
  });

  afterAll(async () => {
    await ui?.close();
    await kat?.close();
  });

  it('opens with g e on an empty explorer that says how to start', async () => {
    await page.goto(ui.url);
    await page.getByRole('status', { name: 'Connection: Connected' }).waitFor();
    await page.getByRole('button', { name: /Organisation Acme Corporation/ }).click();
    await page.locator('body').click({ position: { x: 700, y: 600 } });
    await page.keyboard.press('g');
    await page.keyboard.press('e');
    await page.getByRole('heading', { name: 'Explorer', level: 1 }).waitFor();
    await page.getByRole('heading', { name: 'Explore the graph' }).waitFor();
    await snap(page, 'explorer-01-empty');
  });

  it('opens from a search: the object and its neighbours, styled, with a legend', async () => {
    await page.getByLabel('Find an object to explore').fill('example.org');
    await page.getByRole('button', { name: `Explore from ${HOST}` }).click();
    await idle();
    const ids = await drawn();
    expect(ids).toContain(HOST);
    expect(ids).toContain(RESOLVED);
    expect(ids).toContain(WEBSITE);
    expect(ids).not.toContain(IP); // two hops away
    await expect.poll(() => page.getByTestId('explorer-count').textContent()).toMatch(/^\d+ nodes · \d+ edges/);
    const legend = page.getByLabel('Legend');
    await legend.getByRole('button', { name: 'Legend' }).click();
    await legend.getByText('Hostnames').waitFor();
    await legend.getByText('Collection (double-click to open)').waitFor();
    // styles follow the data: the start object is outlined, the hostname with KAT-NO-SPF is a hostname shape
    const style = await page.evaluate((id) => {
      const n = (window as unknown as Win).__katExplorer.cy()!.getElementById(id);
      return { shape: n.style('shape'), start: n.hasClass('start'), label: n.data('display') };
    }, HOST);
    expect(style).toMatchObject({ shape: 'ellipse', start: true });
    await snap(page, 'explorer-02-open');
    await legend.getByRole('button', { name: 'Legend' }).click();
    await legend.getByText('Hostnames').waitFor({ state: 'detached' });
  });

  it('double-click expands a node without moving the drawn ones; collapse hides what it added', async () => {
    const before = await page.evaluate(() => (window as unknown as Win).__katExplorer.positions());
    await dblclickNode(RESOLVED);
    await idle();
    await expect.poll(drawn).toContain(IP);
    const after = await page.evaluate(() => (window as unknown as Win).__katExplorer.positions());
    for (const [id, p] of Object.entries(before)) {
      expect(Math.abs(after[id]!.x - p.x), `${id} stays put`).toBeLessThan(0.5);
      expect(Math.abs(after[id]!.y - p.y)).toBeLessThan(0.5);
    }
    await snap(page, 'explorer-03-expanded');
    await side().getByLabel('Selected node').getByRole('button', { name: 'Collapse' }).click();
    await expect.poll(drawn).not.toContain(IP);
    // expand again through the side panel, and the IP's port too
    await clickNode(RESOLVED);
    await side().getByRole('button', { name: 'Expand' }).click();
    await idle();
    await expect.poll(drawn).toContain(IP);
    await dblclickNode(IP);
    await idle();
    await expect.poll(drawn).toContain(SSH);
  });

  it('selects a node: details and actions in the side panel; Esc clears, Delete hides', async () => {
    await clickNode(IP);
    const panel = side().getByLabel('Selected node');
    await panel.getByRole('heading', { name: '192.0.2.10' }).waitFor();
    await panel.getByRole('button', { name: 'Scan now' }).waitFor();
    await panel.getByRole('group', { name: 'Set level' }).waitFor();
    await panel.getByRole('button', { name: 'Open page' }).waitFor();
    await panel.getByRole('button', { name: 'Draw proof graph' }).click();
    await idle();
    expect(await page.evaluate(() => (window as unknown as Win).__katExplorer.cy()!.$('.proof-origin').length)).toBeGreaterThan(0);
    await snap(page, 'explorer-04-selected-proof');
    await panel.getByRole('button', { name: 'Hide proof graph' }).click();
    expect(await page.evaluate(() => (window as unknown as Win).__katExplorer.cy()!.$('.proof-origin').length)).toBe(0);

    await page.getByTestId('explorer-canvas').focus();
    await page.keyboard.press('Escape');
    await side().getByText('Nothing selected').waitFor();
    await clickNode(SSH);
    await page.getByTestId('explorer-canvas').focus();
    await page.keyboard.press('Delete');
    await expect.poll(() => drawn(true)).not.toContain(SSH);
    await page.getByRole('button', { name: 'Show 1 hidden' }).click();
    await expect.poll(() => drawn(true)).toContain(SSH);
  });

  it('filters by type and highlights a search', async () => {
    await page.getByRole('button', { name: 'Filters' }).click();
    const filters = page.getByRole('region', { name: 'Filters' });
    await filters.getByRole('group', { name: 'Filter by type' }).getByRole('button', { name: /^Finding/ }).click();
    await expect.poll(async () => (await drawn(true)).filter((id) => id !== HOST).every((id) => id.startsWith('Finding|'))).toBe(true);
    expect((await drawn(true)).length).toBeGreaterThan(1);
    await snap(page, 'explorer-05-filtered');
    await filters.getByRole('button', { name: 'Clear filters' }).click();
    await expect.poll(async () => (await drawn(true)).length).toBe((await drawn()).length);
    await page.getByRole('button', { name: 'Filters' }).click();

    await page.getByLabel('Highlight nodes').fill('192.0.2.10');
    await expect.poll(() => page.getByTestId('explorer-matches').textContent()).toMatch(/^[1-9]\d* match/);
    const matched = await page.evaluate(() => (window as unknown as Win).__katExplorer.cy()!.$('node.match').map((n) => n.id()));
    expect(matched).toContain(IP);
    expect(matched).not.toContain(HOST);
    await page.getByLabel('Highlight nodes').fill('');
  });

  it('finds the shortest paths between two objects, and avoids a type', async () => {
    await tab('Paths').click();
    await side().getByLabel('Path from').fill(HOST);
    await side().getByLabel('Path to').fill(CERT);
    await side().getByRole('button', { name: 'Find shortest paths' }).click();
    const result = side().getByRole('region', { name: 'Paths found' });
    await result.getByText(/shortest paths? of 2 hops/).waitFor();
    const onPath = await page.evaluate(() => (window as unknown as Win).__katExplorer.cy()!.$('node.path').map((n) => n.id()));
    expect(onPath).toEqual(expect.arrayContaining([HOST, WEBSITE, CERT]));
    await snap(page, 'explorer-06-path');
    // avoiding websites the way goes round (or there is none within the hops)
    await side().getByRole('group', { name: 'Avoid types' }).getByRole('button', { name: 'Website', exact: true }).click();
    await side().getByRole('button', { name: 'Find shortest paths' }).click();
    await idle();
    const p = await page.evaluate(() => (window as unknown as Win).__katExplorer.state().explorerPaths);
    expect(p!.avoidTypes).toEqual(['Website']);
    for (const path of p!.paths) expect(path.nodes.some((n) => n.startsWith('Website|'))).toBe(false);
    await side().getByRole('button', { name: 'Clear' }).click();
  });

  it('moves the time slider: the graph as it was in January, then now again', async () => {
    const timebar = page.getByRole('group', { name: 'Time travel' });
    const slider = timebar.getByLabel('Time slider');
    await slider.waitFor();
    await slider.focus();
    await page.keyboard.press('Home');
    await expect.poll(() => page.getByTestId('explorer-asof').textContent()).not.toBe('now');
    await idle();
    await expect.poll(async () => {
      const asOf = await page.evaluate(() => (window as unknown as Win).__katExplorer.state().explorerAsOf);
      return asOf && new Date(asOf).toISOString();
    }).toBe(T1);
    await expect.poll(drawn).not.toContain(WEBSITE);
    const jan = await drawn();
    expect(jan).toContain(HOST);
    expect(jan).not.toContain(SSH); // February
    await page.getByText(/^as of /).waitFor();
    await snap(page, 'explorer-07-january');
    await slider.focus();
    await page.keyboard.press('End');
    await expect.poll(() => page.evaluate(() => (window as unknown as Win).__katExplorer.state().explorerAsOf)).toBeNull();
    await idle();
    await expect.poll(drawn).toContain(WEBSITE);
    // the expansions were kept across times
    expect(await drawn()).toContain(IP);
  });

  it('compares two times: added, removed and changed, with the attribute changes', async () => {
    // bring the certificate into the drawing so its change shows
    await dblclickNode(WEBSITE);
    await idle();
    await expect.poll(drawn).toContain(CERT);
    await tab('Compare').click();
    const toLocal = (iso: string) => {
      const d = new Date(iso);
      const pad = (n: number) => String(n).padStart(2, '0');
      return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}`;
    };
    await side().getByLabel('Compare from').fill(toLocal(T2));
    await side().getByLabel('Compare to').fill(toLocal(new Date(Date.now() + 60_000).toISOString()));
    await side().getByRole('button', { name: 'Compare', exact: true }).click();
    const diff = side().getByRole('region', { name: 'Differences' });
    await diff.waitFor();
    const cmp = await page.evaluate(() => (window as unknown as Win).__katExplorer.state().explorerCompare);
    expect(cmp!.added).toContain(WEBSITE);
    const cert = cmp!.changed.find((c) => c.pk === CERT);
    expect(cert?.changes).toEqual(expect.arrayContaining([expect.objectContaining({ field: 'subject', before: 'old.example.org', after: 'example.org' })]));
    await diff.getByRole('table').getByText('subject').first().waitFor();
    const marked = await page.evaluate(() => {
      const cy = (window as unknown as Win).__katExplorer.cy()!;
      return { added: cy.$('node.added').map((n) => n.id()), changed: cy.$('node.changed').map((n) => n.id()) };
    });
    expect(marked.added).toContain(WEBSITE);
    expect(marked.changed).toContain(CERT);
    await snap(page, 'explorer-08-compare');
    await side().getByRole('button', { name: 'Clear comparison' }).click();
    expect(await page.evaluate(() => (window as unknown as Win).__katExplorer.cy()!.$('.added, .changed, .removed').length)).toBe(0);
  });

  it('exports PNG and SVG of the view and GraphML and JSON of the data', async () => {
    const exportGroup = page.getByRole('group', { name: 'Export' });
    const [png] = await Promise.all([page.waitForEvent('download'), exportGroup.getByRole('button', { name: 'PNG' }).click()]);
    expect(png.suggestedFilename()).toMatch(/\.png$/);
    const pngBytes = await saveDownload(png);
    expect([...pngBytes.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    expect(pngBytes.length).toBeGreaterThan(2000);

    const ids = await drawn();
    const [gml] = await Promise.all([page.waitForEvent('download'), exportGroup.getByRole('button', { name: 'GraphML' }).click()]);
    const xml = (await saveDownload(gml)).toString('utf8');
    const parsed = await page.evaluate((xml) => {
      const doc = new DOMParser().parseFromString(xml, 'application/xml');
      if (doc.getElementsByTagName('parsererror').length) return null;
      return { root: doc.documentElement.localName, nodes: [...doc.getElementsByTagName('node')].map((n) => n.getAttribute('id')), edges: doc.getElementsByTagName('edge').length };
    }, xml);
    expect(parsed).not.toBeNull();
    expect(parsed!.root).toBe('graphml');
    expect(parsed!.nodes.sort()).toEqual([...ids].sort());
    expect(parsed!.edges).toBeGreaterThan(0);

    const [svg] = await Promise.all([page.waitForEvent('download'), exportGroup.getByRole('button', { name: 'SVG' }).click()]);
    const svgText = (await saveDownload(svg)).toString('utf8');
    const svgOk = await page.evaluate((t) => {
      const doc = new DOMParser().parseFromString(t, 'image/svg+xml');
      return doc.getElementsByTagName('parsererror').length === 0 ? doc.querySelectorAll('g.node').length : -1;
    }, svgText);
    expect(svgOk).toBe(ids.length);

    const [json] = await Promise.all([page.waitForEvent('download'), exportGroup.getByRole('button', { name: 'JSON' }).click()]);
    const data = JSON.parse((await saveDownload(json)).toString('utf8')) as { nodes: { id: string; position?: unknown }[] };
    expect(data.nodes.map((n) => n.id).sort()).toEqual([...ids].sort());
    expect(data.nodes.every((n) => n.position)).toBe(true);
  });

  it('saves the view and opens it again with its start, expansions and positions', async () => {
    const positions = await page.evaluate(() => (window as unknown as Win).__katExplorer.positions());
    const ids = await drawn();
    await tab('Views').click();
    await side().getByLabel('View name').fill('Example web surface');
    await side().getByRole('button', { name: 'Save view' }).click();
    await side().getByRole('list', { name: 'Saved views' }).getByRole('button', { name: 'Open view Example web surface' }).waitFor();
    const stored = await api('views.list', { org: ORG });
    expect(stored.views.map((v) => v.name)).toEqual(['Example web surface']);
    expect(stored.views[0]!.state.start).toEqual([HOST]);
    expect(stored.views[0]!.state.expanded).toEqual(expect.arrayContaining([RESOLVED, IP, WEBSITE]));

    // somewhere else, then back through the view
    await page.getByLabel('Find an object to explore').fill('other.org');
    await page.getByRole('button', { name: `Explore from ${OTHER_HOST}` }).click();
    await idle();
    await expect.poll(drawn).not.toContain(HOST);
    await side().getByRole('button', { name: 'Open view Example web surface' }).click();
    await idle();
    await expect.poll(async () => (await drawn()).sort()).toEqual([...ids].sort());
    const again = await page.evaluate(() => (window as unknown as Win).__katExplorer.positions());
    for (const id of ids) {
      expect(Math.abs(again[id]!.x - positions[id]!.x), `${id} is where it was saved`).toBeLessThan(1);
      expect(Math.abs(again[id]!.y - positions[id]!.y)).toBeLessThan(1);
    }
    await snap(page, 'explorer-09-saved-view');
  });

  it('switches layouts and shows the table, in step with the selection', async () => {
    for (const layout of ['dagre', 'concentric', 'breadthfirst', 'fcose']) {
      await page.getByLabel('Layout').selectOption(layout);
      await idle();
    }
    await page.getByRole('button', { name: 'Table', exact: true }).click();
    const table = page.getByRole('grid', { name: 'Explored objects' });
    await table.getByRole('row').filter({ hasText: '192.0.2.10|tcp|22' }).click();
    expect(await page.evaluate(() => (window as unknown as Win).__katExplorer.cy()!.$('node:selected').map((n) => n.id()))).toEqual([SSH]);
    await clickNode(WEBSITE);
    await expect.poll(() => table.locator('[aria-selected="true"]').textContent()).toContain('example.org');
    await snap(page, 'explorer-10-table');
    await page.getByRole('button', { name: 'Table', exact: true }).click();
  });

  it('opens from an object page and from a list selection', async () => {
    await page.keyboard.press('Escape');
    await page.locator('body').click({ position: { x: 700, y: 70 } });
    await page.keyboard.press('g');
    await page.keyboard.press('o');
    await page.getByRole('row').filter({ hasText: 'IPAddressV4' }).filter({ hasText: '192.0.2.10' }).filter({ hasNotText: 'Finding' }).click();
    const detail = page.getByRole('complementary', { name: 'Object detail' });
    await detail.getByRole('button', { name: 'Explore' }).click();
    await page.getByRole('heading', { name: 'Explorer', level: 1 }).waitFor();
    await idle();
    await expect.poll(() => page.evaluate(() => (window as unknown as Win).__katExplorer.state().explorerStart)).toEqual([IP]);
    expect(await drawn()).toContain(IP);

    await page.keyboard.press('g');
    await page.keyboard.press('o');
    await page.getByRole('checkbox', { name: `Select ${HOST}`, exact: true }).check();
    await page.getByRole('checkbox', { name: `Select ${OTHER_HOST}`, exact: true }).check();
    await page.getByRole('toolbar', { name: 'Bulk actions' }).getByRole('button', { name: 'Explore selection' }).click();
    await idle();
    await expect.poll(async () => (await page.evaluate(() => (window as unknown as Win).__katExplorer.state().explorerStart)).sort()).toEqual([HOST, OTHER_HOST].sort());
    const ids = await drawn();
    expect(ids).toEqual(expect.arrayContaining([HOST, OTHER_HOST]));
    await snap(page, 'explorer-11-selection');
  });

  it('starts empty in another organisation, and nothing went wrong on the way', async () => {
    await page.getByRole('button', { name: /Organisation Fresh Start/ }).click();
    await page.getByRole('heading', { name: 'Explore the graph' }).waitFor();
    expect(await drawn()).toEqual([]);
    expect(pageErrors).toEqual([]);
  });
});
