import type { ElectronApi } from '../../../src-main/hosts/electron/electron-api';

/** A hand-written stand-in for the parts of Electron the host uses (no Electron binary here). */
type Listener = (...args: any[]) => unknown;

class Emitter {
  readonly listeners = new Map<string, Listener[]>();
  on(name: string, fn: Listener): this {
    this.listeners.set(name, [...(this.listeners.get(name) ?? []), fn]);
    return this;
  }
  once(name: string, fn: Listener): this {
    const wrapped: Listener = (...a) => {
      this.listeners.set(name, (this.listeners.get(name) ?? []).filter((f) => f !== wrapped));
      return fn(...a);
    };
    return this.on(name, wrapped);
  }
  removeListener(name: string, fn: Listener): this {
    this.listeners.set(name, (this.listeners.get(name) ?? []).filter((f) => f !== fn));
    return this;
  }
  emit(name: string, ...args: unknown[]): void {
    for (const fn of this.listeners.get(name) ?? []) fn(...args);
  }
  count(name: string): number {
    return this.listeners.get(name)?.length ?? 0;
  }
}

export class FakeEvent {
  prevented = false;
  constructor(readonly url = '') {}
  preventDefault(): void {
    this.prevented = true;
  }
}

export function createElectronDouble(opts: { userData?: string; singleInstance?: boolean } = {}) {
  const windows: FakeWindow[] = [];
  const calls = { quit: 0, errorBoxes: [] as [string, string][], menus: [] as unknown[], aboutPanels: 0 };

  class FakeSession {
    permissionRequest?: (wc: unknown, permission: string, cb: (granted: boolean) => void) => void;
    permissionCheck?: (...a: unknown[]) => boolean;
    setPermissionRequestHandler(h: FakeSession['permissionRequest']) {
      this.permissionRequest = h;
    }
    setPermissionCheckHandler(h: FakeSession['permissionCheck']) {
      this.permissionCheck = h;
    }
  }

  class FakeWebContents extends Emitter {
    readonly sent: [string, unknown][] = [];
    readonly session = new FakeSession();
    openHandler?: (details: { url: string }) => { action: string };
    send(channel: string, payload: unknown) {
      this.sent.push([channel, payload]);
    }
    setWindowOpenHandler(h: FakeWebContents['openHandler']) {
      this.openHandler = h;
    }
    isDestroyed() {
      return false;
    }
  }

  class FakeWindow extends Emitter {
    static getAllWindows() {
      return [...windows];
    }
    readonly webContents = new FakeWebContents();
    loadedUrl?: string;
    shown = false;
    focused = false;
    constructor(readonly options: { webPreferences: Record<string, unknown> } & Record<string, unknown>) {
      super();
      windows.push(this);
      app.emit('web-contents-created', new FakeEvent(), this.webContents);
    }
    loadURL(url: string) {
      this.loadedUrl = url;
      return Promise.resolve();
    }
    show() {
      this.shown = true;
    }
    isDestroyed() {
      return false;
    }
    isMinimized() {
      return false;
    }
    restore() {}
    focus() {
      this.focused = true;
    }
  }

  class FakeApp extends Emitter {
    requestSingleInstanceLock() {
      return opts.singleInstance ?? true;
    }
    whenReady() {
      return Promise.resolve();
    }
    getPath(name: string) {
      if (name !== 'userData') throw new Error(`unexpected getPath(${name})`);
      return opts.userData ?? '/fake/userData';
    }
    getVersion() {
      return '0.1.0-test';
    }
    setAboutPanelOptions() {}
    showAboutPanel() {
      calls.aboutPanels++;
    }
    quit() {
      calls.quit++;
      const event = new FakeEvent();
      this.emit('will-quit', event);
    }
  }
  const app = new FakeApp();

  const handlers = new Map<string, Listener>();
  const ipcMain = {
    handle(channel: string, fn: Listener) {
      if (handlers.has(channel)) throw new Error(`second handler for ${channel}`);
      handlers.set(channel, fn);
    },
    removeHandler(channel: string) {
      handlers.delete(channel);
    },
    /** what ipcRenderer.invoke does on the other side */
    invoke(channel: string, senderUrl: string | undefined, ...args: unknown[]): Promise<unknown> {
      const h = handlers.get(channel);
      if (!h) return Promise.reject(new Error(`No handler registered for '${channel}'`));
      return Promise.resolve(h({ senderFrame: senderUrl === undefined ? null : { url: senderUrl } }, ...args));
    },
    handlers,
  };

  const Menu = {
    buildFromTemplate: (template: unknown[]) => ({ template }),
    setApplicationMenu: (menu: unknown) => calls.menus.push(menu),
  };
  const dialog = { showErrorBox: (title: string, content: string) => calls.errorBoxes.push([title, content]) };

  const electron = { app, BrowserWindow: FakeWindow, ipcMain, Menu, dialog } as unknown as ElectronApi;
  return { electron, app, ipcMain, windows, calls };
}

/** The renderer side: contextBridge + ipcRenderer, wired to the main-side double's ipcMain. */
export function createPreloadDouble(main?: ReturnType<typeof createElectronDouble>, frameUrl?: string) {
  const exposed: Record<string, unknown> = {};
  const invocations: unknown[][] = [];
  const emitter = new Emitter();
  const contextBridge = {
    exposeInMainWorld(key: string, value: unknown) {
      exposed[key] = value;
    },
  };
  const ipcRenderer = {
    invoke(channel: string, ...args: unknown[]) {
      invocations.push([channel, ...args]);
      if (!main) return Promise.reject(new Error('no main process in this test'));
      return main.ipcMain.invoke(channel, frameUrl, ...args);
    },
    on(channel: string, fn: Listener) {
      emitter.on(channel, fn);
      return ipcRenderer;
    },
    removeListener(channel: string, fn: Listener) {
      emitter.removeListener(channel, fn);
      return ipcRenderer;
    },
  };
  return { contextBridge, ipcRenderer, exposed, invocations, emitter };
}
