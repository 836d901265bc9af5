import { existsSync, mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';

/** Where Debian puts Chromium; KAT_CHROMIUM overrides. */
export const CHROMIUM_PATH = process.env.KAT_CHROMIUM ?? '/usr/bin/chromium';
export const RENDERER_DIR = resolve(__dirname, '../../out/renderer');
export const SCREENSHOT_DIR = resolve(__dirname, '../../test-results/e2e');

/** The networking flags keep Chromium from flooding the closed network (see ENVIRONMENT.md). */
const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

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
