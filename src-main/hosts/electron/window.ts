import type { BrowserWindowInstance, ElectronApi, WebContentsInstance } from './electron-api';
import { isRendererUrl, rendererUrl, type RendererSource } from './navigation';

export interface WindowOptions {
  preload: string;
  source: RendererSource;
}

/** The secure settings every window gets; exported so tests can check them. */
export function webPreferences(preload: string) {
  return {
    preload,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    webviewTag: false,
    navigateOnDragDrop: false,
    spellcheck: false,
  } as const;
}

export function createMainWindow(electron: Pick<ElectronApi, 'BrowserWindow'>, opts: WindowOptions): BrowserWindowInstance {
  const win = new electron.BrowserWindow({
    width: 1400,
    height: 900,
    minWidth: 900,
    minHeight: 600,
    show: false,
    title: 'Kattegat',
    backgroundColor: '#1e1e1e',
    webPreferences: webPreferences(opts.preload),
  });
  guardWebContents(win.webContents, opts.source);
  win.once('ready-to-show', () => win.show());
  void win.loadURL(rendererUrl(opts.source));
  return win;
}

/**
 * Keeps a web contents on our renderer: navigation and redirects elsewhere are cancelled,
 * window.open and <webview> are refused, and no web permission (camera, notifications...) is granted.
 */
export function guardWebContents(contents: WebContentsInstance, source: RendererSource): void {
  const stayHome = (event: { preventDefault(): void }, url: string) => {
    if (!isRendererUrl(source, url)) event.preventDefault();
  };
  contents.on('will-navigate', stayHome);
  contents.on('will-frame-navigate', (event) => stayHome(event, event.url));
  contents.on('will-redirect', stayHome);
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
  contents.session.setPermissionRequestHandler((_wc, _permission, callback) => callback(false));
  contents.session.setPermissionCheckHandler(() => false);
}
