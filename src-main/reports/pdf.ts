/**
 * Printing a report's HTML to PDF. The printer is a seam: the headless host (and the CLI) print
 * with Debian's Chromium through playwright-core, one browser launched lazily and closed on
 * shutdown; the Electron host prints with webContents.printToPDF (src-main/hosts/electron).
 */
import { existsSync } from 'node:fs';
import { AppError } from '../common/errors';
import { baseFileName } from './export';
import type { Report } from './types';

export interface PrintOptions {
  /** Chromium header/footer templates (spans with class pageNumber / totalPages are filled in) */
  headerTemplate: string;
  footerTemplate: string;
}

export interface PrintedPdf {
  pdf: Buffer;
  pages: number;
}

export interface PdfPrinter {
  print(html: string, opts: PrintOptions): Promise<PrintedPdf>;
  close(): Promise<void>;
}

/** "acme-aggregate-2026-12-02.pdf" */
export function pdfFileName(r: Pick<Report, 'org' | 'name' | 'type' | 'asOf'>): string {
  return `${baseFileName(r)}.pdf`;
}

/** The number of pages of a PDF (its page tree's /Count, else the /Type /Page objects). */
export function countPdfPages(pdf: Buffer): number {
  const text = pdf.toString('latin1');
  let max = 0;
  for (const m of text.matchAll(/\/Type\s*\/Pages\b[^>]*?\/Count\s+(\d+)/g)) max = Math.max(max, Number(m[1]));
  for (const m of text.matchAll(/\/Count\s+(\d+)[^>]*?\/Type\s*\/Pages\b/g)) max = Math.max(max, Number(m[1]));
  if (max > 0) return max;
  return (text.match(/\/Type\s*\/Page\b(?!s)/g) ?? []).length;
}

/** A4 with margins that leave room for the header and footer templates. */
export const PDF_PAGE = { format: 'A4', margin: { top: '22mm', bottom: '20mm', left: '16mm', right: '16mm' } } as const;

export const CHROMIUM_PATH = process.env.KAT_CHROMIUM ?? '/usr/bin/chromium';

/** The networking flags keep Chromium from flooding the closed network (see ENVIRONMENT.md). */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

type Browser = import('playwright-core').Browser;

/** Chromium via playwright-core; the browser starts on the first print and is reused. */
export class ChromiumPrinter implements PdfPrinter {
  private browser: Promise<Browser> | null = null;
  private closed = false;

  constructor(private readonly executablePath: string = CHROMIUM_PATH) {}

  private launch(): Promise<Browser> {
    if (this.closed) return Promise.reject(new AppError('PDF_UNAVAILABLE', 'The PDF printer has been shut down'));
    if (!existsSync(this.executablePath)) {
      return Promise.reject(
        new AppError('PDF_UNAVAILABLE', `Chromium was not found at ${this.executablePath}, so reports cannot be printed to PDF`, {
          hint: 'apt-get install -y chromium, or set KAT_CHROMIUM to a Chromium binary',
        }),
      );
    }
    this.browser ??= import('playwright-core').then(({ chromium }) => chromium.launch({ executablePath: this.executablePath, args: CHROMIUM_ARGS }));
    this.browser.catch(() => {
      this.browser = null; // a failed launch is retried on the next print
    });
    return this.browser;
  }

  async print(html: string, opts: PrintOptions): Promise<PrintedPdf> {
    const browser = await this.launch();
    const context = await browser.newContext({ javaScriptEnabled: false, offline: true });
    try {
      const page = await context.newPage();
      // nothing may be fetched: the report is self-contained (inline CSS and SVG)
      await page.route('**/*', (route) => (route.request().url().startsWith('data:') ? route.continue() : route.abort()));
      await page.setContent(html, { waitUntil: 'load' });
      const pdf = await page.pdf({
        ...PDF_PAGE,
        printBackground: true,
        displayHeaderFooter: true,
        headerTemplate: opts.headerTemplate,
        footerTemplate: opts.footerTemplate,
        preferCSSPageSize: false,
        outline: true,
        tagged: true,
      });
      return { pdf, pages: countPdfPages(pdf) };
    } catch (e) {
      if (e instanceof AppError) throw e;
      throw new AppError('PDF_FAILED', `Chromium could not print the report: ${e instanceof Error ? e.message.split('\n')[0] : String(e)}`);
    } finally {
      await context.close().catch(() => undefined);
    }
  }

  async close(): Promise<void> {
    this.closed = true;
    const b = this.browser;
    this.browser = null;
    if (b) await (await b.catch(() => null))?.close().catch(() => undefined);
  }
}
