import type { SystemInfo } from '../../src-main/api/types';
import { api, type ConnectionState } from '../api/client';
import type { Slice } from './types';

export type Dialog =
  | { kind: 'createOrg' }
  | { kind: 'renameOrg'; code: string }
  | { kind: 'deleteOrg'; code: string }
  | { kind: 'addObject' }
  | { kind: 'importCsv' }
  | { kind: 'deleteObject'; pk: string };

export type ThemeChoice = 'system' | 'light' | 'dark';

export interface Toast {
  id: number;
  tone: 'info' | 'success' | 'error';
  text: string;
}

export interface UiSlice {
  dialog: Dialog | null;
  theme: ThemeChoice;
  toasts: Toast[];
  connection: ConnectionState;
  systemInfo: SystemInfo | null;
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
  dialog: null,
  theme: readTheme(),
  toasts: [],
  connection: 'connecting',
  systemInfo: null,
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
