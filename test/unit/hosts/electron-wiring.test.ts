import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../../src-main/common/errors';
import { METHOD_NAMES } from '../../../src-main/api/methods';
import type { KatEvent } from '../../../src-main/api/types';
import type { KatApi } from '../../../src-main/core/kat-api';
import { CALL_CHANNEL, EVENT_CHANNEL } from '../../../src-main/hosts/electron/channels';
import { startElectronHost, type ElectronHostOptions } from '../../../src-main/hosts/electron/host';
import { exposeKat, type KatBridge } from '../../../src-main/hosts/electron/preload-bridge';
import { silentLogger } from '../../../src-main/common/logger';
import { createElectronDouble, createPreloadDouble, FakeEvent } from './electron-double';

const RENDERER_FILE = '/app/out/renderer/index.html';
const RENDERER_URL = pathToFileURL(RENDERER_FILE).href;

/** A KatApi that records calls and echoes them: this tests the wiring, not the core. */
function recordingApi() {
  const calls: { method: string; params: unknown; host?: string }[] = [];
  const listeners = new Set<(e: KatEvent) => void>();
  let closed = 0;
  const api: KatApi = {
    dataLocation: 'memory://',
    async call(method, params, ctx) {
      calls.push({ method, params, host: ctx?.host });
      if (method === 'orgs.delete') throw new AppError('ORG_NOT_FOUND', 'no such organisation');
      if (method === 'query.tree') throw new Error('secret stack detail');
      return { echo: method };
    },
    subscribe(l) {
      listeners.add(l);
      return () => listeners.delete(l);
    },
    async close() {
      closed++;
    },
  };
  return { api, calls, emit: (e: KatEvent) => listeners.forEach((l) => l(e)), listeners, closed: () => closed };
}

async function start(extra: Partial<ElectronHostOptions> = {}, doubleOpts = {}) {
  const double = createElectronDouble(doubleOpts);
  const core = recordingApi();
  const dataLocations: string[] = [];
  const host = await startElectronHost(double.electron, {
    createApi: async (data) => {
      dataLocations.push(data);
      return core.api;
    },
    argv: ['/app'],
    env: {},
    platform: 'linux',
    preload: '/app/out/preload/index.cjs',
    source: { kind: 'file', file: RENDERER_FILE },
    logger: silentLogger,
    ...extra,
  });
  return { double, core, host, dataLocations };
}

describe('electron host: IPC', () => {
  it('reaches every contract method over kat:call, from the renderer through the preload', async () => {
    const { double, core } = await start();
    const renderer = createPreloadDouble(double, RENDERER_URL);
    const kat = exposeKat(renderer.contextBridge, renderer.ipcRenderer, METHOD_NAMES);
    for (const method of METHOD_NAMES) {
      if (method === 'orgs.delete' || method === 'query.tree') continue;
      await expect(kat.call(method, { probe: method })).resolves.toEqual({ ok: true, result: { echo: method } });
    }
    expect(core.calls.map((c) => c.method)).toEqual(METHOD_NAMES.filter((m) => m !== 'orgs.delete' && m !== 'query.tree'));
    expect(core.calls.every((c) => c.host === 'electron')).toBe(true);
    expect([...double.ipcMain.handlers.keys()]).toEqual([CALL_CHANNEL]);
  });

  it('answers { ok, result } or { ok: false, error } and never throws across IPC', async () => {
    const { double } = await start();
    await expect(double.ipcMain.invoke(CALL_CHANNEL, RENDERER_URL, 'system.info', {})).resolves.toEqual({ ok: true, result: { echo: 'system.info' } });
    await expect(double.ipcMain.invoke(CALL_CHANNEL, RENDERER_URL, 'orgs.delete', {})).resolves.toEqual({
      ok: false,
      error: { code: 'ORG_NOT_FOUND', message: 'no such organisation' },
    });
    const internal = (await double.ipcMain.invoke(CALL_CHANNEL, RENDERER_URL, 'query.tree', {})) as { ok: false; error: { code: string; message: string } };
    expect(internal.error.code).toBe('INTERNAL');
    expect(internal.error.message).not.toContain('secret stack detail');
  });

  it('refuses methods outside the contract without calling the core', async () => {
    const { double, core } = await start();
    for (const method of ['nope', 'constructor', '__proto__', 42, undefined]) {
      const reply = (await double.ipcMain.invoke(CALL_CHANNEL, RENDERER_URL, method, {})) as { ok: boolean; error: { code: string } };
      expect(reply).toMatchObject({ ok: false, error: { code: 'UNKNOWN_METHOD' } });
    }
    expect(core.calls).toEqual([]);
  });

  it('refuses calls from a frame that is not our renderer', async () => {
    const { double, core } = await start();
    for (const url of ['https://evil.example/', 'file:///tmp/other.html', undefined]) {
      const reply = await double.ipcMain.invoke(CALL_CHANNEL, url, 'system.info', {});
      expect(reply).toMatchObject({ ok: false, error: { code: 'FORBIDDEN_ORIGIN' } });
    }
    expect(core.calls).toEqual([]);
  });

  it('forwards core events to every window on kat:event', async () => {
    const { double, core } = await start();
    const event: KatEvent = { topic: 'orgs.changed', org: 'acme', change: 'created' };
    core.emit(event);
    expect(double.windows).toHaveLength(1);
    expect(double.windows[0].webContents.sent).toEqual([[EVENT_CHANNEL, event]]);
  });
});

describe('electron host: window and navigation', () => {
  it('creates the window with the secure web preferences and loads the built renderer', async () => {
    const { double } = await start();
    const [win] = double.windows;
    expect(win.options.webPreferences).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      preload: '/app/out/preload/index.cjs',
    });
    expect(win.loadedUrl).toBe(RENDERER_URL);
    win.emit('ready-to-show');
    expect(win.shown).toBe(true);
  });

  it('loads the dev server URL when given one', async () => {
    const { double } = await start({ source: { kind: 'url', url: 'http://localhost:5173/' } });
    expect(double.windows[0].loadedUrl).toBe('http://localhost:5173/');
  });

  it('prevents navigation and redirects to other origins, allows its own page', async () => {
    const { double } = await start();
    const wc = double.windows[0].webContents;
    for (const name of ['will-navigate', 'will-redirect']) {
      for (const url of ['https://evil.example/', 'file:///etc/passwd', 'http://127.0.0.1:8080/', 'javascript:alert(1)']) {
        const e = new FakeEvent();
        wc.emit(name, e, url);
        expect(e.prevented, `${name} ${url}`).toBe(true);
      }
      const own = new FakeEvent();
      wc.emit(name, own, `${RENDERER_URL}#/objects`);
      expect(own.prevented).toBe(false);
    }
    const frame = new FakeEvent('https://evil.example/');
    wc.emit('will-frame-navigate', frame);
    expect(frame.prevented).toBe(true);
  });

  it('with a dev server, allows its origin only', async () => {
    const { double } = await start({ source: { kind: 'url', url: 'http://localhost:5173/' } });
    const wc = double.windows[0].webContents;
    const own = new FakeEvent();
    wc.emit('will-navigate', own, 'http://localhost:5173/objects');
    expect(own.prevented).toBe(false);
    const other = new FakeEvent();
    wc.emit('will-navigate', other, 'http://localhost:5174/');
    expect(other.prevented).toBe(true);
  });

  it('denies window.open, <webview> and web permissions', async () => {
    const { double } = await start();
    const wc = double.windows[0].webContents;
    expect(wc.openHandler?.({ url: 'https://evil.example/' })).toEqual({ action: 'deny' });
    expect(wc.openHandler?.({ url: RENDERER_URL })).toEqual({ action: 'deny' });
    const webview = new FakeEvent();
    wc.emit('will-attach-webview', webview);
    expect(webview.prevented).toBe(true);
    let granted: boolean | undefined;
    wc.session.permissionRequest?.(wc, 'media', (g) => (granted = g));
    expect(granted).toBe(false);
    expect(wc.session.permissionCheck?.()).toBe(false);
  });

  it('installs a menu with File, View and Help', async () => {
    const { double } = await start();
    const menu = double.calls.menus[0] as { template: { label?: string; role?: string; submenu?: { role?: string }[] }[] };
    const names = menu.template.map((m) => m.label ?? m.role);
    expect(names).toEqual(['File', 'editMenu', 'View', 'help']);
    expect(menu.template[0].submenu?.map((i) => i.role)).toEqual(['quit']);
    expect(menu.template[2].submenu?.map((i) => i.role)).toEqual(
      expect.arrayContaining(['reload', 'toggleDevTools', 'zoomIn', 'zoomOut', 'resetZoom']),
    );
  });
});

describe('electron host: lifecycle and data folder', () => {
  it('keeps data in userData/data by default, --data-dir or KAT_DATA_DIR otherwise', async () => {
    expect((await start({}, { userData: '/home/u/.config/kattegat' })).dataLocations).toEqual(['/home/u/.config/kattegat/data']);
    expect((await start({ argv: ['/app', '--data-dir', '/srv/kat'] })).dataLocations).toEqual(['/srv/kat']);
    expect((await start({ env: { KAT_DATA_DIR: '/env/kat' } })).dataLocations).toEqual(['/env/kat']);
    expect((await start({ argv: ['/app', '--memory'] })).dataLocations).toEqual(['memory://']);
  });

  it('closes the core before quitting, once', async () => {
    const { double, core } = await start();
    double.app.emit('window-all-closed');
    await new Promise((r) => setImmediate(r));
    expect(core.closed()).toBe(1);
    expect(double.calls.quit).toBe(2);
    expect(double.ipcMain.handlers.size).toBe(0);
    expect(core.listeners.size).toBe(0);
  });

  it('shows a coded message and quits when the core cannot start', async () => {
    const double = createElectronDouble();
    const host = await startElectronHost(double.electron, {
      createApi: async () => {
        throw new AppError('CONFLICT', 'The data folder is in use by another Kattegat.');
      },
      argv: [],
      env: {},
      platform: 'linux',
      preload: '/p.cjs',
      source: { kind: 'file', file: RENDERER_FILE },
      logger: silentLogger,
    });
    expect(host).toBeUndefined();
    expect(double.calls.errorBoxes[0][1]).toContain('The data folder is in use');
    expect(double.calls.quit).toBe(1);
    expect(double.windows).toHaveLength(0);
  });

  it('quits at once when another instance holds the lock', async () => {
    const { host, double, dataLocations } = await start({}, { singleInstance: false });
    expect(host).toBeUndefined();
    expect(double.calls.quit).toBe(1);
    expect(dataLocations).toEqual([]);
  });
});

describe('preload bridge', () => {
  it('exposes exactly call, onEvent and methods as window.kat', () => {
    const r = createPreloadDouble();
    exposeKat(r.contextBridge, r.ipcRenderer, METHOD_NAMES);
    const kat = r.exposed.kat as KatBridge;
    expect(Object.keys(r.exposed)).toEqual(['kat']);
    expect(Object.keys(kat).sort()).toEqual(['call', 'methods', 'onEvent']);
    expect(kat.methods).toEqual(METHOD_NAMES);
    expect(Object.isFrozen(kat) && Object.isFrozen(kat.methods)).toBe(true);
  });

  it('rejects an unknown method with a coded error, without touching ipcRenderer', async () => {
    const r = createPreloadDouble();
    const kat = exposeKat(r.contextBridge, r.ipcRenderer, METHOD_NAMES);
    await expect(kat.call('fs.readFile', { path: '/etc/passwd' })).rejects.toEqual({
      code: 'UNKNOWN_METHOD',
      message: 'Unknown method "fs.readFile"',
      details: { method: 'fs.readFile' },
    });
    await expect(kat.call(undefined as unknown as string)).rejects.toMatchObject({ code: 'UNKNOWN_METHOD' });
    expect(r.invocations).toEqual([]);
  });

  it('resolves with the error payload the main process sent, as a value', async () => {
    const { double } = await start();
    const r = createPreloadDouble(double, RENDERER_URL);
    const kat = exposeKat(r.contextBridge, r.ipcRenderer, METHOD_NAMES);
    await expect(kat.call('orgs.delete', { code: 'x', confirm: 'x' })).resolves.toEqual({
      ok: false,
      error: { code: 'ORG_NOT_FOUND', message: 'no such organisation' },
    });
  });

  it('delivers kat:event to onEvent listeners until unsubscribed', () => {
    const r = createPreloadDouble();
    const kat = exposeKat(r.contextBridge, r.ipcRenderer, METHOD_NAMES);
    const got: KatEvent[] = [];
    const off = kat.onEvent((e) => got.push(e));
    const event: KatEvent = { topic: 'orgs.changed', org: 'a', change: 'deleted' };
    r.emitter.emit(EVENT_CHANNEL, {}, event);
    off();
    r.emitter.emit(EVENT_CHANNEL, {}, event);
    expect(got).toEqual([event]);
    expect(r.emitter.count(EVENT_CHANNEL)).toBe(0);
  });
});
