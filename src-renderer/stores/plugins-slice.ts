import type { PluginSummary } from '../../src-main/api/contracts/plugins';
import { api, ApiError } from '../api/client';
import type { ErrorInfo, Slice } from './types';

export interface PluginFilter {
  kind: 'boefje' | 'normalizer' | 'bit' | null;
  /** null: all; true/false: only enabled / disabled */
  enabled: boolean | null;
  search: string;
}

export interface PluginsSlice {
  plugins: PluginSummary[];
  pluginsStatus: 'idle' | 'loading' | 'ready' | 'error';
  pluginsError: ErrorInfo | null;
  pluginFilter: PluginFilter;
  openPluginId: string | null;
  /** bumps on plugins.changed (the detail reloads on it) */
  pluginsRevision: number;
  loadPlugins(): Promise<void>;
  setPluginFilter(patch: Partial<PluginFilter>): void;
  openPlugin(id: string | null): void;
  /** enables or disables; errors become a toast (returns whether it worked) */
  enablePlugin(id: string, enabled: boolean): Promise<boolean>;
  onPluginsChanged(): void;
  /** the object whose configuration of the open bit is shown (null: the form picks one) */
  bitConfigOoi: string | null;
  setBitConfigOoi(pk: string | null): void;
  /** opens a bit on the Plugins page with its configuration on `ooi` (e.g. from a Network's page) */
  showBitSettings(bitId: string, ooi: string): void;
}

let generation = 0;

export const createPluginsSlice: Slice<PluginsSlice> = (set, get) => ({
  plugins: [],
  pluginsStatus: 'idle',
  pluginsError: null,
  pluginFilter: { kind: null, enabled: null, search: '' },
  openPluginId: null,
  pluginsRevision: 0,

  async loadPlugins() {
    const org = get().currentOrg;
    if (!org) return;
    const mine = ++generation;
    const f = get().pluginFilter;
    if (get().pluginsStatus !== 'ready') set({ pluginsStatus: 'loading' });
    try {
      const plugins = await api().call('plugins.list', {
        org,
        kind: f.kind ?? undefined,
        enabled: f.enabled ?? undefined,
        search: f.search.trim() || undefined,
      });
      if (mine !== generation) return;
      set({ plugins, pluginsStatus: 'ready', pluginsError: null });
    } catch (e) {
      if (mine !== generation) return;
      const err = ApiError.from(e);
      set({ pluginsStatus: 'error', pluginsError: { code: err.code, message: err.message, details: err.details } });
    }
  },

  setPluginFilter(patch) {
    set({ pluginFilter: { ...get().pluginFilter, ...patch } });
    void get().loadPlugins();
  },

  openPlugin: (id) => set({ openPluginId: id }),

  async enablePlugin(id, enabled) {
    const org = get().currentOrg;
    if (!org) return false;
    try {
      const summary = await api().call('plugins.enable', { org, id, enabled });
      set({ plugins: get().plugins.map((p) => (p.id === id ? summary : p)) });
      get().toast('success', `${summary.name} ${enabled ? 'enabled' : 'disabled'}.`);
      return true;
    } catch (e) {
      const err = ApiError.from(e);
      get().toast('error', `${err.code}: ${err.message}`);
      return false;
    }
  },

  bitConfigOoi: null,
  setBitConfigOoi: (pk) => set({ bitConfigOoi: pk }),
  showBitSettings(bitId, ooi) {
    set({ bitConfigOoi: ooi });
    get().showPlugin(bitId);
  },

  onPluginsChanged() {
    set({ pluginsRevision: get().pluginsRevision + 1 });
    if (get().pluginsStatus !== 'idle') void get().loadPlugins();
  },
});
