import type * as ElectronMain from 'electron/main';

/**
 * The part of Electron's main-process API the host uses. The host receives it as a parameter
 * (main.ts passes the real module), so tests can hand in a double without the Electron binary.
 */
export type ElectronApi = Pick<typeof ElectronMain, 'app' | 'BrowserWindow' | 'ipcMain' | 'Menu' | 'dialog'>;
export type BrowserWindowInstance = ElectronMain.BrowserWindow;
export type WebContentsInstance = ElectronMain.WebContents;
export type MenuTemplate = ElectronMain.MenuItemConstructorOptions[];
