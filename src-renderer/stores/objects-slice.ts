import type { ObjectSummary, TypeDescription } from '../../src-main/api/types';
import { api, ApiError } from '../api/client';
import type { ErrorInfo, Slice } from './types';

export type SortKey = 'pk' | 'type' | 'changed';
export interface ObjectsQuery {
  types: string[];
  search: string;
  sort: SortKey;
  desc: boolean;
}

export const PAGE_SIZE = 100;

export interface ObjectsSlice {
  types: TypeDescription[];
  typesError: ErrorInfo | null;
  query: ObjectsQuery;
  /** loaded pages by page index; only pages near the viewport are ever fetched */
  pages: Record<number, ObjectSummary[]>;
  total: number | null;
  totalCapped: boolean;
  /** rows the table shows (total, or more once a capped count is scrolled past) */
  rowCount: number;
  listError: ErrorInfo | null;
  /** bumps whenever the list must be refetched (query change, org change, live update) */
  listGeneration: number;
  /** bumps on every change event for the current organisation (detail panels reload on it) */
  changeRevision: number;
  visiblePages: readonly [number, number];
  loadTypes(): Promise<void>;
  resetObjects(): void;
  setQuery(patch: Partial<ObjectsQuery>): void;
  toggleSort(key: SortKey): void;
  ensurePages(first: number, last: number): void;
  /** live update: refetch what is on screen, forget the rest */
  refreshVisible(): void;
}

/** pages being fetched, with the generation they were asked for */
const pending = new Map<number, number>();

const INITIAL_QUERY: ObjectsQuery = { types: [], search: '', sort: 'pk', desc: false };

export const createObjectsSlice: Slice<ObjectsSlice> = (set, get) => {
  const fetchPage = async (page: number, generation: number) => {
    const { currentOrg: org, query } = get();
    if (!org) return;
    pending.set(page, generation);
    try {
      const res = await api().call('objects.list', {
        org,
        types: query.types.length ? query.types : undefined,
        search: query.search.trim() || undefined,
        sort: query.sort,
        desc: query.desc,
        offset: page * PAGE_SIZE,
        limit: PAGE_SIZE,
      });
      if (get().listGeneration !== generation) return;
      const offset = page * PAGE_SIZE;
      const full = res.items.length === PAGE_SIZE;
      let rowCount = res.total;
      if (res.totalCapped) {
        rowCount = full ? Math.max(get().rowCount, res.total, offset + 2 * PAGE_SIZE) : offset + res.items.length;
      }
      set({
        pages: { ...get().pages, [page]: res.items },
        total: res.total,
        totalCapped: res.totalCapped,
        rowCount,
        listError: null,
      });
      void get().loadLevels(res.items.map((r) => r.pk));
    } catch (e) {
      if (get().listGeneration !== generation) return;
      const err = ApiError.from(e);
      set({ listError: { code: err.code, message: err.message, details: err.details } });
    } finally {
      if (pending.get(page) === generation) pending.delete(page);
    }
  };

  return {
    types: [],
    typesError: null,
    query: INITIAL_QUERY,
    pages: {},
    total: null,
    totalCapped: false,
    rowCount: 0,
    listError: null,
    listGeneration: 0,
    changeRevision: 0,
    visiblePages: [0, 0],

    async loadTypes() {
      try {
        const types = await api().call('types.list', {});
        set({ types: [...types].sort((a, b) => a.name.localeCompare(b.name)), typesError: null });
      } catch (e) {
        const err = ApiError.from(e);
        set({ typesError: { code: err.code, message: err.message } });
      }
    },

    resetObjects() {
      const generation = get().listGeneration + 1;
      pending.clear();
      set({ pages: {}, total: null, totalCapped: false, rowCount: 0, listError: null, listGeneration: generation, cursor: -1, selected: new Set(), selectionAnchor: -1 });
      void fetchPage(0, generation);
    },

    setQuery(patch) {
      set({ query: { ...get().query, ...patch } });
      get().resetObjects();
    },

    toggleSort(key) {
      const q = get().query;
      get().setQuery(q.sort === key ? { desc: !q.desc } : { sort: key, desc: key === 'changed' });
    },

    ensurePages(first, last) {
      const { pages, listGeneration } = get();
      set({ visiblePages: [first, last] });
      for (let p = first; p <= last; p++) {
        if (pages[p] || pending.get(p) === listGeneration) continue;
        void fetchPage(p, listGeneration);
      }
    },

    refreshVisible() {
      const [first, last] = get().visiblePages;
      const generation = get().listGeneration + 1;
      const kept: Record<number, ObjectSummary[]> = {};
      for (let p = first; p <= last; p++) if (get().pages[p]) kept[p] = get().pages[p];
      pending.clear();
      set({ pages: kept, listGeneration: generation, changeRevision: get().changeRevision + 1 });
      for (let p = first; p <= last; p++) void fetchPage(p, generation);
    },
  };
};
