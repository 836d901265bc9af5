import type { CompareResult, PathsResult, SavedView } from '../../src-main/api/contracts/explorer';
import type { ErrorInfo, Slice } from './types';

/** the explorer's layouts (kept in step with the contract's LAYOUTS; a value import would pull zod in) */
export type ExplorerLayout = 'fcose' | 'dagre' | 'breadthfirst' | 'concentric' | 'cose';

export interface ExplorerFilterState {
  types?: string[];
  levels?: number[];
  severities?: string[];
  origins?: string[];
}

/** what the canvas reports back: counts only, never the elements themselves */
export interface ExplorerSummary {
  nodes: number;
  edges: number;
  hidden: number;
  filteredOut: number;
  matches: number;
  large: boolean;
}

/** a request to open the explorer, consumed by the explorer view (nonce: every request is new) */
export interface ExplorerRequest {
  nonce: number;
  start?: string[];
  viewId?: string;
}

export interface ExplorerSlice {
  explorerRequest: ExplorerRequest | null;
  explorerStart: string[];
  explorerStatus: 'empty' | 'loading' | 'ready' | 'error';
  explorerError: ErrorInfo | null;
  /** what is being done now ("Expanding example.org…"), shown over the canvas */
  explorerBusy: string | null;
  /** a notice: the budget, a truncated answer, nothing new to expand */
  explorerNotice: { tone: 'info' | 'warning'; text: string } | null;
  /** elements the model holds when more than the canvas draws (the table shows them) */
  explorerOverBudget: number | null;
  explorerTable: boolean;
  explorerLayout: ExplorerLayout;
  explorerDepth: number;
  explorerFilters: ExplorerFilterState;
  explorerSearch: string;
  explorerAsOf: string | null;
  explorerSelected: string | null;
  explorerSummary: ExplorerSummary;
  /** bumps when the model changes (the table and the panel re-read it) */
  explorerRevision: number;
  explorerExpanded: string[];
  explorerPaths: (PathsResult & { from: string; to: string; avoidTypes: string[]; active: number | null }) | null;
  explorerPathEnds: { from: string | null; to: string | null };
  explorerCompare: (CompareResult & { from: string; to: string }) | null;
  explorerProof: string | null;
  explorerViews: SavedView[];
  explorerViewsStatus: 'idle' | 'loading' | 'ready' | 'error';
  explorerViewsError: ErrorInfo | null;
  explorerCurrentView: { id: string; name: string } | null;
  explorerPanel: 'details' | 'paths' | 'compare' | 'views';
  /** navigates to the explorer, starting from these objects */
  openExplorer(start: string[]): void;
  /** navigates to the explorer and opens a saved view */
  openExplorerView(id: string): void;
  setExplorer(patch: Partial<ExplorerState>): void;
}

export type ExplorerState = Omit<ExplorerSlice, 'openExplorer' | 'openExplorerView' | 'setExplorer'>;

let nonce = 0;

export const EMPTY_SUMMARY: ExplorerSummary = { nodes: 0, edges: 0, hidden: 0, filteredOut: 0, matches: 0, large: false };

export const createExplorerSlice: Slice<ExplorerSlice> = (set, get) => ({
  explorerRequest: null,
  explorerStart: [],
  explorerStatus: 'empty',
  explorerError: null,
  explorerBusy: null,
  explorerNotice: null,
  explorerOverBudget: null,
  explorerTable: false,
  explorerLayout: 'fcose',
  explorerDepth: 1,
  explorerFilters: {},
  explorerSearch: '',
  explorerAsOf: null,
  explorerSelected: null,
  explorerSummary: EMPTY_SUMMARY,
  explorerRevision: 0,
  explorerExpanded: [],
  explorerPaths: null,
  explorerPathEnds: { from: null, to: null },
  explorerCompare: null,
  explorerProof: null,
  explorerViews: [],
  explorerViewsStatus: 'idle',
  explorerViewsError: null,
  explorerCurrentView: null,
  explorerPanel: 'details',
  openExplorer(start) {
    set({ explorerRequest: { nonce: ++nonce, start: [...start] } });
    get().setView('explorer');
  },
  openExplorerView(id) {
    set({ explorerRequest: { nonce: ++nonce, viewId: id } });
    get().setView('explorer');
  },
  setExplorer: (patch) => set(patch),
});
