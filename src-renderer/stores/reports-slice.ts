import type { ReportInputs, ReportRecipe, ReportSummary, ReportType, ReportTypeInfo } from '../../src-main/reports/types';
import { api, ApiError } from '../api/client';
import type { ErrorInfo, Slice } from './types';

export const REPORTS_PAGE_SIZE = 100;

/** What the Reports page shows: the list (reports or recipes), the wizard, or one report. */
/** a wizard started from a report: its type, inputs and name filled in */
export interface WizardPrefill {
  type: ReportType;
  inputs: ReportInputs;
  name: string;
}

export type ReportsScreen =
  | { kind: 'list' }
  | { kind: 'wizard'; recipe?: boolean; /** a recipe to change */ recipeId?: string; prefill?: WizardPrefill }
  | { kind: 'report'; id: string };
export type ReportsTab = 'reports' | 'recipes';

type Status = 'idle' | 'loading' | 'ready' | 'error';

export interface ReportsSlice {
  reportsScreen: ReportsScreen;
  reportsTab: ReportsTab;
  reports: ReportSummary[];
  reportsTotal: number;
  reportsStatus: Status;
  reportsError: ErrorInfo | null;
  /** only reports of this type ('' = every type) */
  reportsTypeFilter: ReportType | '';
  reportTypes: ReportTypeInfo[];
  reportTypesStatus: Status;
  reportTypesError: ErrorInfo | null;
  recipes: ReportRecipe[];
  recipesStatus: Status;
  recipesError: ErrorInfo | null;
  /** bumped on every 'reports.changed' of the current organisation (an open report re-reads its changes and trend) */
  reportsRevision: number;
  loadReports(): Promise<void>;
  /** the next page, appended */
  loadMoreReports(): Promise<void>;
  loadReportTypes(): Promise<void>;
  loadRecipes(): Promise<void>;
  setReportsTab(tab: ReportsTab): void;
  setReportsTypeFilter(type: ReportType | ''): void;
  openReport(id: string): void;
  startReportWizard(opts?: { recipe?: boolean; recipeId?: string; prefill?: WizardPrefill }): void;
  /** back to the list from the wizard or a report (Esc) */
  closeReportScreen(): void;
  /** throws the coded error (the dialog shows it) */
  deleteReport(id: string): Promise<void>;
  deleteRecipe(id: string): Promise<void>;
  putRecipe(recipe: ReportRecipe): void;
  /** enables or disables; errors become a toast */
  enableRecipe(id: string, enabled: boolean): Promise<boolean>;
  /** the view was opened (or the organisation changed while it is open) */
  onReportsViewOpened(): void;
  /** a pushed 'reports.changed' for the current organisation (none: catching up after a reconnect) */
  onReportsChanged(change?: { id: string; change: 'created' | 'deleted' }): void;
  /** a new organisation: nothing of the previous one stays */
  resetReports(): void;
}

const info = (e: unknown): ErrorInfo => {
  const err = ApiError.from(e);
  return { code: err.code, message: err.message, details: err.details };
};

let listGeneration = 0;
let recipesGeneration = 0;

export const createReportsSlice: Slice<ReportsSlice> = (set, get) => ({
  reportsScreen: { kind: 'list' },
  reportsTab: 'reports',
  reports: [],
  reportsTotal: 0,
  reportsStatus: 'idle',
  reportsError: null,
  reportsTypeFilter: '',
  reportTypes: [],
  reportTypesStatus: 'idle',
  reportTypesError: null,
  recipes: [],
  recipesStatus: 'idle',
  recipesError: null,
  reportsRevision: 0,

  async loadReports() {
    const org = get().currentOrg;
    if (!org) return;
    const mine = ++listGeneration;
    if (get().reportsStatus !== 'ready') set({ reportsStatus: 'loading' });
    try {
      const type = get().reportsTypeFilter || undefined;
      // a refresh keeps as many rows as are shown (a live update does not shrink a long list)
      const limit = Math.min(500, Math.max(REPORTS_PAGE_SIZE, get().reports.length));
      const page = await api().call('reports.list', { org, type, limit });
      if (mine !== listGeneration) return;
      set({ reports: page.reports, reportsTotal: page.total, reportsStatus: 'ready', reportsError: null });
    } catch (e) {
      if (mine !== listGeneration) return;
      set({ reportsStatus: 'error', reportsError: info(e) });
    }
  },

  async loadMoreReports() {
    const org = get().currentOrg;
    if (!org) return;
    const mine = ++listGeneration;
    try {
      const type = get().reportsTypeFilter || undefined;
      const page = await api().call('reports.list', { org, type, limit: REPORTS_PAGE_SIZE, offset: get().reports.length });
      if (mine !== listGeneration) return;
      const known = new Set(get().reports.map((r) => r.id));
      set({ reports: [...get().reports, ...page.reports.filter((r) => !known.has(r.id))], reportsTotal: page.total });
    } catch (e) {
      if (mine !== listGeneration) return;
      const err = ApiError.from(e);
      get().toast('error', `${err.code}: ${err.message}`);
    }
  },

  async loadReportTypes() {
    if (get().reportTypesStatus === 'ready' || get().reportTypesStatus === 'loading') return;
    set({ reportTypesStatus: 'loading' });
    try {
      const { types } = await api().call('reports.types', {});
      set({ reportTypes: types, reportTypesStatus: 'ready', reportTypesError: null });
    } catch (e) {
      set({ reportTypesStatus: 'error', reportTypesError: info(e) });
    }
  },

  async loadRecipes() {
    const org = get().currentOrg;
    if (!org) return;
    const mine = ++recipesGeneration;
    if (get().recipesStatus !== 'ready') set({ recipesStatus: 'loading' });
    try {
      const { recipes } = await api().call('reports.recipes.list', { org });
      if (mine !== recipesGeneration) return;
      set({ recipes, recipesStatus: 'ready', recipesError: null });
    } catch (e) {
      if (mine !== recipesGeneration) return;
      set({ recipesStatus: 'error', recipesError: info(e) });
    }
  },

  setReportsTab(tab) {
    set({ reportsTab: tab, reportsScreen: { kind: 'list' } });
    if (tab === 'recipes') void get().loadRecipes();
    else void get().loadReports();
  },

  setReportsTypeFilter(type) {
    set({ reportsTypeFilter: type, reports: [], reportsStatus: 'loading' });
    void get().loadReports();
  },

  openReport: (id) => set({ reportsScreen: { kind: 'report', id } }),

  startReportWizard(opts) {
    void get().loadReportTypes();
    set({ reportsScreen: { kind: 'wizard', recipe: opts?.recipe || opts?.recipeId !== undefined, recipeId: opts?.recipeId, prefill: opts?.prefill } });
    if (opts?.recipe || opts?.recipeId) void get().loadRecipes();
  },

  closeReportScreen() {
    if (get().reportsScreen.kind === 'list') return;
    set({ reportsScreen: { kind: 'list' } });
  },

  async deleteReport(id) {
    const org = get().currentOrg;
    if (!org) return;
    await api().call('reports.delete', { org, id });
    const screen = get().reportsScreen;
    set({
      reports: get().reports.filter((r) => r.id !== id),
      reportsTotal: Math.max(0, get().reportsTotal - 1),
      reportsScreen: screen.kind === 'report' && screen.id === id ? { kind: 'list' } : screen,
    });
  },

  async deleteRecipe(id) {
    const org = get().currentOrg;
    if (!org) return;
    await api().call('reports.recipes.delete', { org, id });
    set({ recipes: get().recipes.filter((r) => r.id !== id) });
  },

  putRecipe(recipe) {
    const list = get().recipes;
    set({ recipes: list.some((r) => r.id === recipe.id) ? list.map((r) => (r.id === recipe.id ? recipe : r)) : [...list, recipe] });
  },

  async enableRecipe(id, enabled) {
    const org = get().currentOrg;
    const r = get().recipes.find((x) => x.id === id);
    if (!org || !r) return false;
    try {
      const saved = await api().call('reports.recipes.save', { org, id, name: r.name, type: r.type, inputs: r.inputs, rrule: r.rrule, enabled });
      get().putRecipe(saved);
      get().toast('success', `${saved.name} ${enabled ? 'enabled' : 'disabled'}.`);
      return true;
    } catch (e) {
      const err = ApiError.from(e);
      get().toast('error', `${err.code}: ${err.message}`);
      return false;
    }
  },

  onReportsViewOpened() {
    void get().loadReportTypes();
    void get().loadReports();
    if (get().reportsTab === 'recipes') void get().loadRecipes();
  },

  onReportsChanged(change) {
    set({ reportsRevision: get().reportsRevision + 1 });
    const screen = get().reportsScreen;
    if (change?.change === 'deleted' && screen.kind === 'report' && screen.id === change.id) {
      // the open report went (another window, a script): back to the list, saying why
      set({ reportsScreen: { kind: 'list' } });
      if (get().view === 'reports' && get().dialog?.kind !== 'deleteReport') get().toast('info', 'The report you had open was deleted.');
    }
    if (get().reportsStatus !== 'idle') void get().loadReports();
    // a recipe that ran moved its last and next run
    if (get().recipesStatus !== 'idle') void get().loadRecipes();
  },

  resetReports() {
    listGeneration++;
    recipesGeneration++;
    set({
      reportsScreen: { kind: 'list' },
      reports: [],
      reportsTotal: 0,
      reportsStatus: 'idle',
      reportsError: null,
      recipes: [],
      recipesStatus: 'idle',
      recipesError: null,
    });
  },
});
