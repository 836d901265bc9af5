import type { SystemInfo } from '../../src-main/api/types';
import { api, type ConnectionState } from '../api/client';
import type { Slice } from './types';

export type Dialog =
  | { kind: 'createOrg' }
  | { kind: 'renameOrg'; code: string }
  | { kind: 'deleteOrg'; code: string }
  | { kind: 'addObject' }
  | { kind: 'importCsv' }
  | { kind: 'deleteObject'; pk: string }
  /** the organisation clearance (indemnification); `retry` is a declaration to repeat once accepted */
  | { kind: 'clearance'; retry?: { pks: string[]; level: number }; reason?: string }
  | { kind: 'uploadRaw'; inputPk?: string }
  | { kind: 'rawViewer'; rawId: string }
  | { kind: 'deleteSchedule'; id: string }
  /** bulk mute, with a preview of what it hides */
  | { kind: 'muteFindings'; pks: string[] }
  | { kind: 'deleteReport'; id: string; name: string }
  | { kind: 'deleteRecipe'; id: string; name: string };

/** The top-level views of the main pane. */
export type View = 'objects' | 'findings' | 'explorer' | 'plugins' | 'tasks' | 'schedules' | 'reports';
export const VIEWS: readonly { view: View; label: string; key: string }[] = [
  { view: 'objects', label: 'Objects', key: 'o' },
  { view: 'findings', label: 'Findings', key: 'f' },
  { view: 'explorer', label: 'Explorer', key: 'e' },
  { view: 'plugins', label: 'Plugins', key: 'p' },
  { view: 'tasks', label: 'Tasks', key: 't' },
  { view: 'schedules', label: 'Schedules', key: 's' },
  { view: 'reports', label: 'Reports', key: 'r' },
];

export type ThemeChoice = 'system' | 'light' | 'dark';

export interface Toast {
  id: number;
  tone: 'info' | 'success' | 'error';
  text: string;
}

export interface UiSlice {
  view: View;
  dialog: Dialog | null;
  theme: ThemeChoice;
  toasts: Toast[];
  connection: ConnectionState;
  systemInfo: SystemInfo | null;
  setView(v: View): void;
  /** navigates to the Objects view with this object open */
  showObject(pk: string): void;
  /** navigates to the Tasks view with this task open */
  showTask(id: string): void;
  /** navigates to the Plugins view with this plugin open */
  showPlugin(id: string): void;
  openDialog(d: Dialog): void;
  closeDialog(): void;
  setTheme(t: ThemeChoice): void;
  toast(tone: Toast['tone'], text: string): void;
  dismissToast(id: number): void;
  setConnection(c: ConnectionState): void;
  loadSystemInfo(): Promise<void>;
}

const THEME_KEY = 'kat.theme';
let nextToast = 1;

function readTheme(): ThemeChoice {
  try {
    const t = window.localStorage.getItem(THEME_KEY);
    return t === 'light' || t === 'dark' ? t : 'system';
  } catch {
    return 'system';
  }
}

export const createUiSlice: Slice<UiSlice> = (set, get) => ({
  view: 'objects',
  dialog: null,
  theme: readTheme(),
  toasts: [],
  connection: 'connecting',
  systemInfo: null,
  setView(view) {
    set({ view });
    if (view === 'plugins') void get().loadPlugins();
    if (view === 'tasks') void get().loadTasks();
    if (view === 'schedules') void get().loadSchedules();
    if (view === 'findings') void get().loadFindings();
    if (view === 'reports') get().onReportsViewOpened();
  },
  showObject(pk) {
    get().setView('objects');
    get().openObject(pk);
  },
  showTask(id) {
    get().setView('tasks');
    get().openTask(id);
  },
  showPlugin(id) {
    get().setView('plugins');
    get().openPlugin(id);
  },
  openDialog: (dialog) => set({ dialog }),
  closeDialog: () => set({ dialog: null }),
  setTheme(theme) {
    try {
      window.localStorage.setItem(THEME_KEY, theme);
    } catch {
      /* ignore */
    }
    set({ theme });
  },
  toast(tone, text) {
    const id = nextToast++;
    set({ toasts: [...get().toasts, { id, tone, text }].slice(-4) });
    window.setTimeout(() => get().dismissToast(id), tone === 'error' ? 8000 : 4000);
  },
  dismissToast: (id) => set({ toasts: get().toasts.filter((t) => t.id !== id) }),
  setConnection: (connection) => set({ connection }),
  async loadSystemInfo() {
    try {
      set({ systemInfo: await api().call('system.info', {}) });
    } catch {
      /* shown as unknown in the status bar */
    }
  },
});
