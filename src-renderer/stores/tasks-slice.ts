import type { TaskCounts, TaskInfo, TaskKind, TaskStatus } from '../../src-main/api/contracts/scans';
import { api, ApiError } from '../api/client';
import type { ErrorInfo, Slice } from './types';

export const TASK_PAGE_SIZE = 100;
/** live updates reload the visible page at most this often */
const RELOAD_THROTTLE_MS = 500;

export interface TaskFilter {
  statuses: TaskStatus[];
  kind: TaskKind | null;
  pluginId: string | null;
  /** tasks about this object */
  inputPk: string | null;
}

export const NO_TASK_FILTER: TaskFilter = { statuses: [], kind: null, pluginId: null, inputPk: null };

export const isTaskFilterSet = (f: TaskFilter) => f.statuses.length > 0 || f.kind !== null || f.pluginId !== null || f.inputPk !== null;

export interface TasksSlice {
  tasks: TaskInfo[];
  tasksTotal: number;
  taskCounts: TaskCounts | null;
  tasksStatus: 'idle' | 'loading' | 'ready' | 'error';
  tasksError: ErrorInfo | null;
  taskFilter: TaskFilter;
  taskOffset: number;
  openTaskId: string | null;
  /** bumps on tasks.changed (task lists elsewhere and the task detail reload on it) */
  tasksRevision: number;
  /** bumps on raw.stored (raw file lists reload on it) */
  rawRevision: number;
  onRawStored(): void;
  loadTasks(): Promise<void>;
  setTaskFilter(patch: Partial<TaskFilter>): void;
  setTaskOffset(offset: number): void;
  openTask(id: string | null): void;
  /** opens the Tasks view with only this filter (e.g. the tasks of one plugin or object) */
  showTasks(filter: Partial<TaskFilter>): void;
  /** a tasks.changed event: throttled reload of what is on screen */
  onTasksChanged(): void;
}

let generation = 0;
let lastReload = 0;
let reloadTimer: number | undefined;

export const createTasksSlice: Slice<TasksSlice> = (set, get) => ({
  tasks: [],
  tasksTotal: 0,
  taskCounts: null,
  tasksStatus: 'idle',
  tasksError: null,
  taskFilter: NO_TASK_FILTER,
  taskOffset: 0,
  openTaskId: null,
  tasksRevision: 0,
  rawRevision: 0,
  onRawStored: () => set({ rawRevision: get().rawRevision + 1 }),

  async loadTasks() {
    const org = get().currentOrg;
    if (!org) return;
    const mine = ++generation;
    const { taskFilter: f, taskOffset } = get();
    if (get().tasksStatus !== 'ready') set({ tasksStatus: 'loading' });
    try {
      const res = await api().call('tasks.list', {
        org,
        statuses: f.statuses.length ? f.statuses : undefined,
        kind: f.kind ?? undefined,
        pluginId: f.pluginId ?? undefined,
        inputPk: f.inputPk ?? undefined,
        offset: taskOffset,
        limit: TASK_PAGE_SIZE,
      });
      if (mine !== generation) return;
      set({ tasks: res.items, tasksTotal: res.total, taskCounts: res.counts, tasksStatus: 'ready', tasksError: null });
    } catch (e) {
      if (mine !== generation) return;
      const err = ApiError.from(e);
      set({ tasksStatus: 'error', tasksError: { code: err.code, message: err.message, details: err.details } });
    }
  },

  setTaskFilter(patch) {
    set({ taskFilter: { ...get().taskFilter, ...patch }, taskOffset: 0 });
    void get().loadTasks();
  },

  setTaskOffset(offset) {
    set({ taskOffset: Math.max(0, offset) });
    void get().loadTasks();
  },

  openTask: (id) => set({ openTaskId: id }),

  showTasks(filter) {
    set({ taskFilter: { ...NO_TASK_FILTER, ...filter }, taskOffset: 0, openTaskId: null });
    get().setView('tasks');
  },

  onTasksChanged() {
    const run = () => {
      lastReload = Date.now();
      set({ tasksRevision: get().tasksRevision + 1 });
      if (get().tasksStatus !== 'idle') void get().loadTasks();
    };
    if (reloadTimer !== undefined) return; // one reload is already coming
    const wait = Math.max(0, lastReload + RELOAD_THROTTLE_MS - Date.now());
    reloadTimer = window.setTimeout(() => {
      reloadTimer = undefined;
      run();
    }, wait);
  },
});
