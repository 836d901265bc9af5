import type { ElectronApi, MenuTemplate } from './electron-api';

/** File: Quit; Edit; View: reload, devtools, zoom; Help: about (plus the app menu on macOS). */
export function menuTemplate(electron: Pick<ElectronApi, 'app'>, platform: NodeJS.Platform): MenuTemplate {
  const mac = platform === 'darwin';
  const template: MenuTemplate = [
    { label: 'File', submenu: [mac ? { role: 'close' } : { role: 'quit' }] },
    // copy and paste in text fields need the Edit menu's accelerators on macOS
    { role: 'editMenu' },
    {
      label: 'View',
      submenu: [
        { role: 'reload' },
        { role: 'forceReload' },
        { role: 'toggleDevTools' },
        { type: 'separator' },
        { role: 'resetZoom' },
        { role: 'zoomIn' },
        { role: 'zoomOut' },
        { type: 'separator' },
        { role: 'togglefullscreen' },
      ],
    },
    { role: 'help', submenu: [{ label: 'About Kattegat', click: () => electron.app.showAboutPanel() }] },
  ];
  if (mac) template.unshift({ role: 'appMenu' });
  return template;
}

export function installMenu(electron: Pick<ElectronApi, 'app' | 'Menu'>, platform: NodeJS.Platform): void {
  electron.app.setAboutPanelOptions({
    applicationName: 'Kattegat',
    applicationVersion: electron.app.getVersion(),
    copyright: 'Offline network auditing',
  });
  electron.Menu.setApplicationMenu(electron.Menu.buildFromTemplate(menuTemplate(electron, platform)));
}
