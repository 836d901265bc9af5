import type { Organisation } from '../../src-main/api/types';
import { api, ApiError } from '../api/client';
import { resetQueueTracking } from './queue-slice';
import type { ErrorInfo, Slice } from './types';

const ORG_KEY = 'kat.currentOrg';

export interface OrgsSlice {
  orgs: Organisation[];
  orgsStatus: 'idle' | 'loading' | 'ready' | 'error';
  orgsError: ErrorInfo | null;
  currentOrg: string | null;
  loadOrgs(): Promise<void>;
  selectOrg(code: string | null): void;
  /** These throw ApiError so the dialog can show field errors. */
  createOrg(code: string, name: string): Promise<Organisation>;
  renameOrg(code: string, name: string): Promise<void>;
  deleteOrg(code: string, confirm: string): Promise<void>;
}

function readStoredOrg(): string | null {
  try {
    return window.localStorage.getItem(ORG_KEY);
  } catch {
    return null;
  }
}

export const createOrgsSlice: Slice<OrgsSlice> = (set, get) => ({
  orgs: [],
  orgsStatus: 'idle',
  orgsError: null,
  currentOrg: readStoredOrg(),

  async loadOrgs() {
    if (get().orgsStatus === 'idle') set({ orgsStatus: 'loading' });
    try {
      const orgs = await api().call('orgs.list', {});
      set({ orgs, orgsStatus: 'ready', orgsError: null });
      const current = get().currentOrg;
      if (!current || !orgs.some((o) => o.code === current)) get().selectOrg(orgs[0]?.code ?? null);
      else if (!get().clearance) void get().loadClearance();
    } catch (e) {
      const err = ApiError.from(e);
      set({ orgsStatus: 'error', orgsError: { code: err.code, message: err.message, details: err.details } });
    }
  },

  selectOrg(code) {
    if (code === get().currentOrg && code !== null) return;
    try {
      if (code) window.localStorage.setItem(ORG_KEY, code);
      else window.localStorage.removeItem(ORG_KEY);
    } catch {
      /* storage unavailable: the choice lasts this session */
    }
    set({
      currentOrg: code,
      levels: {},
      clearance: null,
      openPluginId: null,
      bitConfigOoi: null,
      openTaskId: null,
      plugins: [],
      pluginsStatus: 'idle',
      tasks: [],
      taskCounts: null,
      tasksStatus: 'idle',
      taskOffset: 0,
      schedules: [],
      schedulesStatus: 'idle',
      openScheduleId: null,
      queue: null,
      findings: [],
      findingGroups: [],
      findingCounts: null,
      findingsStatus: 'idle',
      findingsOffset: 0,
      openFindingPk: null,
      selectedFindings: [],
    });
    resetQueueTracking();
    get().closeObject();
    get().resetObjects();
    get().resetReports();
    void get().loadClearance();
    if (get().view === 'plugins') void get().loadPlugins();
    if (get().view === 'tasks') void get().loadTasks();
    if (get().view === 'schedules') void get().loadSchedules();
    if (get().view === 'findings') void get().loadFindings();
    if (get().view === 'reports') get().onReportsViewOpened();
  },

  async createOrg(code, name) {
    const org = await api().call('orgs.create', { code, name });
    await get().loadOrgs();
    get().selectOrg(org.code);
    return org;
  },

  async renameOrg(code, name) {
    await api().call('orgs.rename', { code, name });
    await get().loadOrgs();
  },

  async deleteOrg(code, confirm) {
    await api().call('orgs.delete', { code, confirm });
    if (get().currentOrg === code) get().selectOrg(null);
    await get().loadOrgs();
  },
});
