/**
 * The Electron host's PDF printer: an offscreen, sandboxed window without JavaScript loads the
 * report's HTML and webContents.printToPDF prints it with the same page setup and header/footer
 * templates as the headless host's Chromium. (Cannot run on machines without the Electron binary.)
 */
import type { PdfPrinter, PrintOptions, PrintedPdf } from '../../reports/pdf';
import { countPdfPages } from '../../reports/pdf';
import type { ElectronApi } from './electron-api';

const MM_PER_INCH = 25.4;

export class ElectronPrinter implements PdfPrinter {
  constructor(private readonly electron: Pick<ElectronApi, 'BrowserWindow'>) {}

  async print(html: string, opts: PrintOptions): Promise<PrintedPdf> {
    const win = new this.electron.BrowserWindow({
      show: false,
      webPreferences: { javascript: false, sandbox: true, contextIsolation: true, nodeIntegration: false, offscreen: true },
    });
    try {
      // nothing may be fetched: the document is self-contained and its CSP forbids loads
      win.webContents.session.webRequest.onBeforeRequest((details, done) => done({ cancel: !details.url.startsWith('data:') }));
      await win.loadURL(`data:text/html;charset=utf-8;base64,${Buffer.from(html, 'utf8').toString('base64')}`);
      const pdf = await win.webContents.printToPDF({
        pageSize: 'A4',
        printBackground: true,
        displayHeaderFooter: true,
        headerTemplate: opts.headerTemplate,
        footerTemplate: opts.footerTemplate,
        margins: { top: 22 / MM_PER_INCH, bottom: 20 / MM_PER_INCH, left: 16 / MM_PER_INCH, right: 16 / MM_PER_INCH },
        generateDocumentOutline: true,
        generateTaggedPDF: true,
      });
      return { pdf, pages: countPdfPages(pdf) };
    } finally {
      win.destroy();
    }
  }

  async close(): Promise<void> {}
}
