import { existsSync, mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import type { KatApi } from '../../src-main/core/kat-api';
import { startHeadlessHost } from '../../src-main/hosts/headless/server';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../../src-main/reports/pdf';

/** Where Debian puts Chromium (KAT_CHROMIUM overrides) and the flags that keep it off the closed network: the PDF printer's. */
export { CHROMIUM_PATH };
export const RENDERER_DIR = resolve(__dirname, '../../out/renderer');
export const SCREENSHOT_DIR = resolve(__dirname, '../../test-results/e2e');

/**
 * Why the browser tests cannot run here, or null. Without Chromium they skip with this reason,
 * except under CI where a missing Chromium is a failure (tests never skip silently).
 */
export function chromiumMissing(): string | null {
  return existsSync(CHROMIUM_PATH) ? null : `Chromium not found at ${CHROMIUM_PATH} (apt-get install -y chromium, or set KAT_CHROMIUM)`;
}

export function assertRendererBuilt(): void {
  if (!existsSync(join(RENDERER_DIR, 'index.html'))) {
    throw new Error(`The renderer is not built: ${RENDERER_DIR}/index.html is missing. Run \`npm run build\` (electron-vite build) first.`);
  }
}

export async function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
}

/** Saves a full-page screenshot as test-results/e2e/<name>.png. */
export async function snap(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  await page.screenshot({ path: join(SCREENSHOT_DIR, `${name}.png`) });
}

/** Collects page errors and console errors so the test can assert there were none (CSP, crashes). */
export function collectPageErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(`console: ${m.text()}`);
  });
  return errors;
}

export interface UiSession {
  url: string;
  browser: Browser;
  context: BrowserContext;
  page: Page;
  /** page errors, console errors and 5xx answers, for a last "nothing went wrong" test */
  pageErrors: string[];
  /** closes the browser and the host (not the core) */
  close(): Promise<void>;
}

/**
 * The real headless host over `api`, serving the built renderer, and one Chromium page on it:
 * dark by default, errors and 5xx answers collected.
 */
export async function openUi(
  api: KatApi,
  opts: { viewport?: { width: number; height: number }; timeoutMs?: number; acceptDownloads?: boolean } = {},
): Promise<UiSession> {
  assertRendererBuilt();
  const host = await startHeadlessHost({ api, port: 0, rendererDir: RENDERER_DIR });
  const browser = await launchChromium();
  const context = await browser.newContext({ viewport: opts.viewport ?? { width: 1440, height: 860 }, colorScheme: 'dark', acceptDownloads: opts.acceptDownloads ?? false });
  const page = await context.newPage();
  page.setDefaultTimeout(opts.timeoutMs ?? 15_000);
  const pageErrors = collectPageErrors(page);
  page.on('response', (r) => r.status() >= 500 && pageErrors.push(`response ${r.status()}: ${r.url()}`));
  return {
    url: host.url,
    browser,
    context,
    page,
    pageErrors,
    close: async () => {
      await context.close();
      await browser.close();
      await host.close();
    },
  };
}
