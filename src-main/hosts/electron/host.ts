import { join } from 'node:path';
import { toErrorPayload } from '../../common/errors';
import { createLogger, type Logger } from '../../common/logger';
import type { KatApi } from '../../core/kat-api';
import { parseHostArgs, resolveDataLocation } from '../common/options';
import type { BrowserWindowInstance, ElectronApi } from './electron-api';
import { registerIpc } from './ipc';
import { installMenu } from './menu';
import { isRendererUrl, type RendererSource } from './navigation';
import { createMainWindow, guardWebContents } from './window';

export interface ElectronHostOptions {
  /** creates the core on a data location ('memory://' or a directory) */
  createApi: (data: string) => Promise<KatApi>;
  argv: readonly string[];
  env: NodeJS.ProcessEnv;
  platform: NodeJS.Platform;
  /** out/preload/index.cjs */
  preload: string;
  source: RendererSource;
  logger?: Logger;
}

export interface ElectronHost {
  api: KatApi;
  dataLocation: string;
  openWindow(): BrowserWindowInstance;
}

/**
 * The Electron host: one instance per data folder, the core created after `ready`, one IPC
 * channel, a menu and a window; the core is closed before the app quits. Receives the Electron
 * API as a parameter so it runs against a test double too. Resolves to undefined when another
 * instance already runs or the core could not start (the app then quits).
 */
export async function startElectronHost(electron: ElectronApi, opts: ElectronHostOptions): Promise<ElectronHost | undefined> {
  const { app } = electron;
  const logger = opts.logger ?? createLogger('electron');
  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return undefined;
  }
  // Every web contents, not only our window's, is kept on the renderer.
  app.on('web-contents-created', (_event, contents) => guardWebContents(contents, opts.source));

  await app.whenReady();
  const data = resolveDataLocation(parseHostArgs(opts.argv), opts.env, () => join(app.getPath('userData'), 'data'));
  let api: KatApi;
  try {
    api = await opts.createApi(data);
  } catch (e) {
    const { message } = toErrorPayload(e);
    logger.error('the core did not start', { data, error: String(e) });
    electron.dialog.showErrorBox('Kattegat could not start', `${message}\n\nData folder: ${data}`);
    app.quit();
    return undefined;
  }

  const disposeIpc = registerIpc(electron, { api, logger, isTrustedSender: (url) => isRendererUrl(opts.source, url) });
  installMenu(electron, opts.platform);
  const openWindow = () => createMainWindow(electron, { preload: opts.preload, source: opts.source });
  openWindow();

  app.on('second-instance', () => {
    const [win] = electron.BrowserWindow.getAllWindows();
    if (!win) return openWindow();
    if (win.isMinimized()) win.restore();
    win.focus();
  });
  app.on('activate', () => {
    if (electron.BrowserWindow.getAllWindows().length === 0) openWindow();
  });
  app.on('window-all-closed', () => {
    if (opts.platform !== 'darwin') app.quit();
  });
  let closed = false;
  app.on('will-quit', (event) => {
    if (closed) return;
    event.preventDefault();
    disposeIpc();
    api
      .close()
      .catch((e: unknown) => logger.error('closing the core failed', { error: String(e) }))
      .finally(() => {
        closed = true;
        app.quit();
      });
  });

  return { api, dataLocation: data, openWindow };
}
