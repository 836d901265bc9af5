import type { FindingGroup, FindingRow, Severity, SeverityCounts } from '../../src-main/api/contracts/findings';
import { api, ApiError } from '../api/client';
import type { ErrorInfo, Slice } from './types';

/** most severe first (a value import of the contract would pull zod into the renderer) */
export const SEVERITY_ORDER: readonly Severity[] = ['critical', 'high', 'medium', 'low', 'recommendation', 'pending', 'unknown'];
export const FINDINGS_PAGE_SIZE = 100;
/** affected objects shown per finding type when grouped */
export const GROUP_OBJECTS = 20;

export type MutedFilter = 'hide' | 'only' | 'all';

export interface FindingsQuery {
  severities: Severity[];
  findingTypes: string[];
  objectTypes: string[];
  muted: MutedFilter;
  search: string;
  grouped: boolean;
}

export const NO_FINDINGS_FILTER: Omit<FindingsQuery, 'grouped'> = { severities: [], findingTypes: [], objectTypes: [], muted: 'hide', search: '' };

export function isFindingsFilterSet(q: FindingsQuery): boolean {
  return q.severities.length + q.findingTypes.length + q.objectTypes.length > 0 || q.muted !== 'hide' || q.search.trim() !== '';
}

export interface FindingsSlice {
  findingsQuery: FindingsQuery;
  findingsStatus: 'idle' | 'loading' | 'ready' | 'error';
  findingsError: ErrorInfo | null;
  findings: FindingRow[];
  findingGroups: FindingGroup[];
  findingsTotal: number;
  findingsOffset: number;
  /** per severity, with every filter except the severities (so the chips show what a click adds) */
  findingCounts: SeverityCounts | null;
  openFindingPk: string | null;
  selectedFindings: string[];
  loadFindings(): Promise<void>;
  setFindingsQuery(patch: Partial<FindingsQuery>): void;
  setFindingsOffset(offset: number): void;
  openFinding(pk: string | null): void;
  /** navigates to the Findings view with this finding open */
  showFinding(pk: string): void;
  toggleFindingSelected(pk: string): void;
  setFindingSelection(pks: string[]): void;
  unmuteFindings(pks: string[]): Promise<void>;
  /** objects changed (mutes are objects): an open list follows */
  onFindingsChanged(): void;
}

let generation = 0;

function filters(org: string, q: FindingsQuery) {
  return {
    org,
    findingTypes: q.findingTypes.length ? q.findingTypes : undefined,
    objectTypes: q.objectTypes.length ? q.objectTypes : undefined,
    muted: q.muted,
    search: q.search.trim() || undefined,
  };
}

export const createFindingsSlice: Slice<FindingsSlice> = (set, get) => ({
  findingsQuery: { ...NO_FINDINGS_FILTER, grouped: true },
  findingsStatus: 'idle',
  findingsError: null,
  findings: [],
  findingGroups: [],
  findingsTotal: 0,
  findingsOffset: 0,
  findingCounts: null,
  openFindingPk: null,
  selectedFindings: [],

  async loadFindings() {
    const org = get().currentOrg;
    if (!org) return;
    const mine = ++generation;
    const q = get().findingsQuery;
    if (get().findingsStatus !== 'ready') set({ findingsStatus: 'loading' });
    try {
      const base = filters(org, q);
      const [page, counts] = await Promise.all([
        api().call('findings.list', {
          ...base,
          severities: q.severities.length ? q.severities : undefined,
          groupBy: q.grouped ? 'findingType' : undefined,
          offset: get().findingsOffset,
          limit: FINDINGS_PAGE_SIZE,
          groupObjectsLimit: GROUP_OBJECTS,
        }),
        api().call('findings.counts', base),
      ]);
      if (mine !== generation) return;
      const visible = new Set([...page.items.map((f) => f.pk), ...(page.groups ?? []).flatMap((g) => g.findings.map((f) => f.pk))]);
      set({
        findings: page.items,
        findingGroups: page.groups ?? [],
        findingsTotal: page.total,
        findingCounts: counts,
        findingsStatus: 'ready',
        findingsError: null,
        selectedFindings: get().selectedFindings.filter((pk) => visible.has(pk)),
      });
    } catch (e) {
      if (mine !== generation) return;
      const err = ApiError.from(e);
      set({ findingsStatus: 'error', findingsError: { code: err.code, message: err.message, details: err.details } });
    }
  },

  setFindingsQuery(patch) {
    set({ findingsQuery: { ...get().findingsQuery, ...patch }, findingsOffset: 0 });
    void get().loadFindings();
  },
  setFindingsOffset(offset) {
    set({ findingsOffset: Math.max(0, offset) });
    void get().loadFindings();
  },
  openFinding: (pk) => set({ openFindingPk: pk }),
  showFinding(pk) {
    get().setView('findings');
    set({ openFindingPk: pk });
  },
  toggleFindingSelected(pk) {
    const sel = get().selectedFindings;
    set({ selectedFindings: sel.includes(pk) ? sel.filter((p) => p !== pk) : [...sel, pk] });
  },
  setFindingSelection: (pks) => set({ selectedFindings: pks }),
  async unmuteFindings(pks) {
    const org = get().currentOrg;
    if (!org || pks.length === 0) return;
    try {
      const res = await api().call('findings.unmute', { org, pks });
      get().toast('success', res.pks.length === 0 ? 'None of these findings was muted.' : `Unmuted ${res.pks.length} finding${res.pks.length === 1 ? '' : 's'}.`);
      void get().loadFindings();
    } catch (e) {
      const err = ApiError.from(e);
      get().toast('error', `${err.code}: ${err.message}`);
    }
  },
  onFindingsChanged() {
    if (get().findingsStatus !== 'idle') void get().loadFindings();
  },
});
