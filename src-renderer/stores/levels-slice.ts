import type { OrgClearance, ScanProfile } from '../../src-main/api/contracts/levels';
import { api, ApiError } from '../api/client';
import type { ErrorInfo, Slice } from './types';

/** Errors that mean "the organisation's clearance does not allow this yet". */
export const CLEARANCE_CODES: readonly string[] = ['LEVEL_ABOVE_CLEARANCE', 'CLEARANCE_NOT_ACKNOWLEDGED'];

const MAX_PKS_PER_CALL = 1000;

export interface LevelsSlice {
  /** levels of the objects on screen, by pk */
  levels: Record<string, ScanProfile>;
  clearance: OrgClearance | null;
  clearanceError: ErrorInfo | null;
  /** bumps when levels changed (detail sections reload on it) */
  levelsRevision: number;
  loadLevels(pks: readonly string[]): Promise<void>;
  loadClearance(): Promise<void>;
  acknowledgeClearance(maxLevel: number, acknowledgedBy: string): Promise<OrgClearance>;
  /**
   * Declares (level) or resets (null) the levels of objects. A refusal for want of clearance opens
   * the clearance dialog, which repeats the declaration once accepted; returns whether it was done.
   */
  setLevels(pks: readonly string[], level: number | null): Promise<boolean>;
  /** levels changed somewhere (event or own call): reload those of the loaded rows */
  onLevelsChanged(pks?: readonly string[]): void;
}

export const createLevelsSlice: Slice<LevelsSlice> = (set, get) => ({
  levels: {},
  clearance: null,
  clearanceError: null,
  levelsRevision: 0,

  async loadLevels(pks) {
    const org = get().currentOrg;
    if (!org || pks.length === 0) return;
    try {
      const profiles = await api().call('levels.list', { org, pks: pks.slice(0, 1000) });
      if (get().currentOrg !== org) return;
      const next = { ...get().levels };
      for (const p of profiles) next[p.pk] = p;
      set({ levels: next });
    } catch {
      /* the Level column stays blank; the detail panel shows the error */
    }
  },

  async loadClearance() {
    const org = get().currentOrg;
    if (!org) {
      set({ clearance: null, clearanceError: null });
      return;
    }
    try {
      const clearance = await api().call('orgs.clearance.get', { org });
      if (get().currentOrg === org) set({ clearance, clearanceError: null });
    } catch (e) {
      const err = ApiError.from(e);
      set({ clearanceError: { code: err.code, message: err.message } });
    }
  },

  async acknowledgeClearance(maxLevel, acknowledgedBy) {
    const org = get().currentOrg;
    if (!org) throw new ApiError('ORG_NOT_FOUND', 'No organisation selected');
    const clearance = await api().call('orgs.clearance.acknowledge', { org, maxLevel, acknowledgedBy });
    set({ clearance, clearanceError: null });
    return clearance;
  },

  async setLevels(pks, level) {
    const org = get().currentOrg;
    if (!org || pks.length === 0) return false;
    const list = [...pks];
    try {
      let changed = 0;
      for (let i = 0; i < list.length; i += MAX_PKS_PER_CALL) {
        const chunk = list.slice(i, i + MAX_PKS_PER_CALL);
        const res = level === null ? await api().call('levels.reset', { org, pks: chunk }) : await api().call('levels.declare', { org, pks: chunk, level });
        changed += res.changed;
      }
      const what = level === null ? 'Reset to inherited' : `Declared L${level}`;
      get().toast('success', `${what} on ${list.length === 1 ? '1 object' : `${list.length} objects`}; ${changed} level${changed === 1 ? '' : 's'} changed.`);
      get().onLevelsChanged();
      return true;
    } catch (e) {
      const err = ApiError.from(e);
      if (level !== null && CLEARANCE_CODES.includes(err.code)) {
        get().openDialog({ kind: 'clearance', retry: { pks: list, level }, reason: err.message });
      } else {
        get().toast('error', `${err.code}: ${err.message}`);
      }
      return false;
    }
  },

  onLevelsChanged() {
    set({ levelsRevision: get().levelsRevision + 1 });
    // the loaded pages are what the table can show: reload their levels in one call each
    for (const rows of Object.values(get().pages)) void get().loadLevels(rows.map((r) => r.pk));
  },
});
