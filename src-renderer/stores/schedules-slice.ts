import type { PlanSummary, Schedule } from '../../src-main/api/contracts/schedules';
import { api, ApiError } from '../api/client';
import type { ErrorInfo, Slice } from './types';

export interface SchedulesSlice {
  schedules: Schedule[];
  schedulesStatus: 'idle' | 'loading' | 'ready' | 'error';
  schedulesError: ErrorInfo | null;
  /** the schedule in the editor: an id, 'new' for an unsaved one, or null */
  openScheduleId: string | null;
  loadSchedules(): Promise<void>;
  openSchedule(id: string | null): void;
  /** puts a saved schedule into the list (after create / update) */
  putSchedule(schedule: Schedule): void;
  /** enables or disables; errors become a toast (returns whether it worked) */
  enableSchedule(id: string, enabled: boolean): Promise<boolean>;
  deleteSchedule(id: string): Promise<void>;
  /** runs a schedule now and says what it queued; throws the coded error */
  runScheduleNow(id: string): Promise<PlanSummary>;
}

let generation = 0;

export const createSchedulesSlice: Slice<SchedulesSlice> = (set, get) => ({
  schedules: [],
  schedulesStatus: 'idle',
  schedulesError: null,
  openScheduleId: null,

  async loadSchedules() {
    const org = get().currentOrg;
    if (!org) return;
    const mine = ++generation;
    if (get().schedulesStatus !== 'ready') set({ schedulesStatus: 'loading' });
    try {
      const schedules = await api().call('schedules.list', { org });
      if (mine !== generation) return;
      set({ schedules, schedulesStatus: 'ready', schedulesError: null });
    } catch (e) {
      if (mine !== generation) return;
      const err = ApiError.from(e);
      set({ schedulesStatus: 'error', schedulesError: { code: err.code, message: err.message, details: err.details } });
    }
  },

  openSchedule: (id) => set({ openScheduleId: id }),

  putSchedule(schedule) {
    const list = get().schedules;
    const known = list.some((s) => s.id === schedule.id);
    set({ schedules: known ? list.map((s) => (s.id === schedule.id ? schedule : s)) : [...list, schedule] });
  },

  async enableSchedule(id, enabled) {
    const org = get().currentOrg;
    if (!org) return false;
    try {
      const schedule = await api().call('schedules.update', { org, id, enabled });
      get().putSchedule(schedule);
      get().toast('success', `${schedule.name} ${enabled ? 'enabled' : 'disabled'}.`);
      return true;
    } catch (e) {
      const err = ApiError.from(e);
      get().toast('error', `${err.code}: ${err.message}`);
      return false;
    }
  },

  async deleteSchedule(id) {
    const org = get().currentOrg;
    if (!org) return;
    await api().call('schedules.delete', { org, id });
    set({ schedules: get().schedules.filter((s) => s.id !== id), openScheduleId: get().openScheduleId === id ? null : get().openScheduleId });
  },

  async runScheduleNow(id) {
    const org = get().currentOrg;
    if (!org) throw new ApiError('ORG_NOT_FOUND', 'No organisation selected');
    const plan = await api().call('schedules.runNow', { org, id });
    void get().loadSchedules(); // last run and next run moved
    return plan;
  },
});
