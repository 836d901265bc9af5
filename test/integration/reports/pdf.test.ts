/**
 * PDF printing with the real Chromium (playwright-core + /usr/bin/chromium), read back with
 * poppler's pdftotext and pdftoppm. Page images go to test-results/reports/. Under CI a missing
 * Chromium or poppler is a failure, not a skip.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { normalizeObject, type OOI } from '../../../src-main/graph/model';
import { CHROMIUM_PATH } from '../../../src-main/reports/pdf';
import { renderReportHtml } from '../../../src-main/reports/html';
import { describeNeeding } from '../../helpers/ci';
import { testKat, type TestKat } from '../../helpers/kat';
import { loadGraph } from '../../helpers/load-graph';
import { SCOPE, seedReportGraph } from './fixture';

const OUT = resolve(__dirname, '../../../test-results/reports');

function missing(): string | null {
  if (!existsSync(CHROMIUM_PATH)) return `Chromium not found at ${CHROMIUM_PATH} (apt-get install -y chromium, or set KAT_CHROMIUM)`;
  for (const tool of ['pdftotext', 'pdftoppm']) {
    try {
      execFileSync(tool, ['-v'], { stdio: 'ignore' });
    } catch {
      return `${tool} not found (apt-get install -y poppler-utils)`;
    }
  }
  return null;
}

/** The text of each page (pdftotext separates pages with form feeds). */
function pagesOf(file: string): string[] {
  const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  return text.split('\f').filter((p, i, all) => i < all.length - 1 || p.trim() !== '');
}

function images(file: string, prefix: string, last?: number): string[] {
  for (const f of readdirSync(OUT)) if (f.startsWith(prefix + '-') && f.endsWith('.png')) rmSync(join(OUT, f));
  execFileSync('pdftoppm', ['-png', '-r', '50', ...(last ? ['-l', String(last)] : []), file, join(OUT, prefix)]);
  return readdirSync(OUT).filter((f) => f.startsWith(prefix + '-') && f.endsWith('.png'));
}

describeNeeding('report PDFs', missing(), () => {
  let kat: TestKat;
  beforeAll(async () => {
    mkdirSync(OUT, { recursive: true });
    kat = await testKat();
    await seedReportGraph(kat);
  }, 300_000);
  afterAll(() => kat?.close());

  it('prints the aggregate report: title page, contents, sections, figures, organisation, page numbers', async () => {
    const r = await kat.api('reports.create', { org: 'acme', type: 'aggregate', inputs: SCOPE, name: 'ACME quarterly' });
    const pdf = await kat.api('reports.pdf', { org: 'acme', id: r.id });
    expect(pdf.fileName).toBe(`acme-quarterly-${r.asOf.slice(0, 10)}.pdf`);
    const file = join(OUT, 'aggregate.pdf');
    writeFileSync(file, Buffer.from(pdf.base64, 'base64'));
    const pages = pagesOf(file);
    expect(pages.length).toBe(pdf.pages);
    expect(pdf.pages).toBeGreaterThanOrEqual(10);
    const all = pages.join('\n');
    // title page
    expect(pages[0]).toContain('ACME quarterly');
    expect(pages[0]).toContain('Acme (acme)');
    expect(pages[0]).toContain(r.asOf);
    // contents, then the chapters in order
    expect(pages[1]).toContain('Contents');
    const chapters = ['Management summary', 'Recommendations', 'Scope', 'Basic security per system', 'Systems', 'Open ports', 'DNS', 'Mail security', 'IPv6', 'Web systems', 'TLS and certificates', 'Vulnerabilities', 'Findings', 'Appendix'];
    for (const c of chapters) expect(pages[1]).toContain(c);
    let at = 2;
    for (const c of chapters) {
      const found = pages.findIndex((p, i) => i >= at && p.split('\n').some((l) => l.trim() === c));
      expect(found, `chapter ${c}`).toBeGreaterThanOrEqual(at);
      at = found;
    }
    // figures and findings from the data
    expect(all).toContain('7 findings were open: 1 critical, 2 high, 4 medium, 0 low and 0 recommendations.');
    expect(all).toContain('CVE-2021-42013');
    expect(all).toContain('cipher DES-CBC3-SHA');
    expect(all).toContain('192.0.2.20');
    // every page has the header (organisation, report) and the footer (page X of Y)
    pages.forEach((p, i) => {
      expect(p).toContain(`Page ${i + 1} of ${pages.length}`);
      expect(p.split('\n').slice(0, 3).join(' ')).toContain('Acme');
    });
    expect(images(file, 'aggregate').length).toBe(pdf.pages);
  }, 300_000);

  it('a 2,000-finding report stays readable: its tables break across pages with the header row repeated', async () => {
    await kat.api('orgs.create', { code: 'big', name: 'Big Org' });
    const objects = new Map<string, OOI>();
    const add = (type: string, data: Record<string, unknown>) => {
      const o = normalizeObject(type, data);
      objects.set(o.pk, o);
      return o.pk;
    };
    add('Network', { name: 'internet' });
    const ip = add('IPAddressV4', { network: 'Network|internet', address: '203.0.113.7' });
    add('KATFindingType', { id: 'KAT-UNCOMMON-OPEN-PORT', name: 'Uncommon port open', risk_severity: 'low', risk_score: 3 });
    for (let i = 0; i < 2000; i++) {
      const port = add('IPPort', { address: ip, protocol: 'tcp', port: 10000 + i });
      // some descriptions are one long unbroken word: they must wrap, not overflow
      const description = i % 100 === 0 ? `x${'averyveryverylongtokenwithoutanyspaces'.repeat(6)}${i}` : `port ${10000 + i} is open`;
      add('Finding', { ooi: port, finding_type: 'KATFindingType|KAT-UNCOMMON-OPEN-PORT', description });
    }
    await loadGraph(kat.db, 'big', [...objects.values()], { time: '2026-03-01T09:00:00.000Z' });
    const r = await kat.api('reports.create', { org: 'big', type: 'findings', inputs: { filter: {} } });
    expect(r.data.findings).toHaveLength(2000);
    const pdf = await kat.api('reports.pdf', { org: 'big', id: r.id });
    const file = join(OUT, 'findings-2000.pdf');
    writeFileSync(file, Buffer.from(pdf.base64, 'base64'));
    const pages = pagesOf(file);
    expect(pages.length).toBe(pdf.pages);
    expect(pdf.pages).toBeGreaterThan(30);
    // the findings table spans the pages after the first table: each of them starts with its header row
    const tablePages = pages.filter((p) => /port \d+ is open/.test(p));
    expect(tablePages.length).toBeGreaterThan(25);
    for (const p of tablePages) expect(p).toMatch(/Severity\s+Finding type\s+Object type\s+Object\s+Description/);
    // no row is lost or split: every port appears exactly once in the text
    const all = pages.join('\n');
    for (const n of [10001, 10999, 11999]) expect(all.match(new RegExp(`port ${n} is open`, 'g'))).toHaveLength(1);
    expect(all).toContain('Big Org');
    expect(images(file, 'findings-2000', 4).length).toBe(4);
  }, 300_000);

  it('long keys wrap inside their cells (nothing wider than the page)', async () => {
    // rendered in Chromium directly: every table cell's content fits its box
    const { chromium } = await import('playwright-core');
    const { CHROMIUM_ARGS } = await import('../../../src-main/reports/pdf');
    const r = (await kat.api('reports.list', { org: 'big' })).reports[0]!;
    const full = await kat.api('reports.get', { org: 'big', id: r.id });
    const html = renderReportHtml(full, { orgName: 'Big Org' });
    const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
    try {
      const page = await browser.newPage({ viewport: { width: 700, height: 1000 } });
      await page.setContent(html.body);
      await page.emulateMedia({ media: 'print' });
      const overflow = await page.evaluate(() => {
        const bad: string[] = [];
        for (const el of Array.from(document.querySelectorAll('td, th, p, dd'))) if (el.scrollWidth > el.clientWidth + 1) bad.push(el.textContent!.slice(0, 60));
        return { bad: bad.slice(0, 5), docWidth: document.documentElement.scrollWidth, viewport: window.innerWidth };
      });
      expect(overflow.bad).toEqual([]);
      expect(overflow.docWidth).toBeLessThanOrEqual(overflow.viewport);
    } finally {
      await browser.close();
    }
  }, 120_000);
});
