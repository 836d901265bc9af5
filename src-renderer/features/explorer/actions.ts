/**
 * The explorer's actions: each calls the API, updates the model and the canvas (the controller) and
 * puts a summary in the store. Components call these; nothing here renders.
 */
import type { ExplorerGraph, ExplorerNode } from '../../../src-main/explorer/elements';
import { isCollectionId, labelOf } from '../../../src-main/explorer/elements';
import type { ViewState } from '../../../src-main/api/contracts/explorer';
import { api, ApiError } from '../../api/client';
import { useStore } from '../../stores/store';
import type { ExplorerFilterState, ExplorerLayout } from '../../stores/explorer-slice';
import type { ErrorInfo } from '../../stores/types';
import { ELEMENT_BUDGET, explorerController } from './controller';
import { DAGRE_MAX_NODES, type Positions } from './layouts';
import { glyphOf, nodeClasses } from './cy-style';

const st = () => useStore.getState();
const set = (patch: Parameters<ReturnType<typeof st>['setExplorer']>[0]) => st().setExplorer(patch);
const ctl = () => explorerController();
const bump = () => set({ explorerRevision: st().explorerRevision + 1 });

function errorInfo(e: unknown): ErrorInfo {
  const err = ApiError.from(e);
  return { code: err.code, message: err.message, details: err.details };
}

function org(): string {
  const o = st().currentOrg;
  if (!o) throw new ApiError('ORG_NOT_FOUND', 'Choose an organisation first.');
  return o;
}

const asOfParam = () => st().explorerAsOf ?? undefined;
/** siblings of one type over one attribute beyond this become a collection node */
const AGGREGATE_OVER = 25;
let aggregateOverride: number | null = null;
const aggregateOver = () => aggregateOverride ?? AGGREGATE_OVER;

function overBudgetText(total: number): string {
  return `${total.toLocaleString()} elements: more than the ${ELEMENT_BUDGET.toLocaleString()} the canvas draws. They are listed in the table; narrow with the type filter or a lower depth, or explore from one row.`;
}

/** reports a truncated answer from the server */
function noticeFor(graph: ExplorerGraph): void {
  if (graph.truncated) set({ explorerNotice: { tone: 'warning', text: `Not everything was loaded: ${graph.total.toLocaleString()} objects are reachable. Expand collections or narrow the view.` } });
}

export interface OpenOptions {
  asOf?: string | null;
  depth?: number;
  positions?: Positions;
  expanded?: string[];
  layout?: ExplorerLayout;
  filters?: ExplorerFilterState;
  search?: string;
  /** keep the positions of what is already drawn (time slider): only new nodes are placed */
  keepPositions?: boolean;
  view?: { id: string; name: string } | null;
  /** siblings beyond this become collections (default 25; kept for expansions until the next open) */
  aggregateOver?: number;
}

let openGeneration = 0;

/** Opens the explorer on `start` and its neighbours (and re-applies expansions, for views and the slider). */
export async function openGraph(start: string[], opts: OpenOptions = {}): Promise<void> {
  const generation = ++openGeneration;
  const c = ctl();
  aggregateOverride = opts.aggregateOver ?? null;
  const asOf = opts.asOf !== undefined ? opts.asOf : st().explorerAsOf;
  const depth = opts.depth ?? st().explorerDepth;
  const previous = opts.keepPositions ? c.currentPositions() : undefined;
  set({
    explorerStart: [...start],
    explorerStatus: start.length ? 'loading' : 'empty',
    explorerError: null,
    explorerNotice: null,
    explorerBusy: start.length ? 'Loading the neighbourhood…' : null,
    explorerAsOf: asOf,
    explorerDepth: depth,
    explorerSelected: null,
    explorerPaths: null,
    explorerProof: null,
    ...(opts.keepPositions ? {} : { explorerCompare: null }),
    ...(opts.layout ? { explorerLayout: opts.layout } : {}),
    ...(opts.filters ? { explorerFilters: opts.filters } : {}),
    ...(opts.search !== undefined ? { explorerSearch: opts.search } : {}),
    ...(opts.view !== undefined ? { explorerCurrentView: opts.view } : {}),
  });
  if (opts.layout) c.layoutName = opts.layout;
  if (start.length === 0) {
    c.model.reset([]);
    c.hidden.clear();
    await c.redraw(false, {});
    set({ explorerExpanded: [], explorerOverBudget: null });
    bump();
    return;
  }
  try {
    const o = org();
    const requested = performance.now();
    const graph = await api().call('explorer.open', { org: o, start, depth, asOf: asOf ?? undefined, aggregateOver: aggregateOver() });
    if (generation !== openGeneration) return;
    c.timings.request = performance.now() - requested;
    c.model.reset(start);
    if (!opts.keepPositions) c.hidden.clear();
    c.model.merge(graph);
    noticeFor(graph);
    // expansions of a saved view (or kept across the time slider), in the order they were made
    const expanded: string[] = [];
    for (const id of opts.expanded ?? []) {
      if (!c.model.nodes.has(id)) continue;
      if (c.model.size > ELEMENT_BUDGET) break;
      const g = isCollectionId(id)
        ? await api().call('explorer.expandCollection', { org: o, id, asOf: asOf ?? undefined })
        : await api().call('explorer.expand', { org: o, pk: id, asOf: asOf ?? undefined, aggregateOver: aggregateOver(), exclude: [...c.model.nodes.keys()].filter((k) => !isCollectionId(k)).slice(0, 50_000) });
      if (generation !== openGeneration) return;
      c.model.merge(g, id);
      if (isCollectionId(id)) c.model.remove([id]);
      expanded.push(id);
    }
    c.setFilters(opts.filters ?? st().explorerFilters);
    c.setSearch(opts.search ?? st().explorerSearch);
    const over = c.model.size > ELEMENT_BUDGET ? c.model.size : null;
    set({ explorerExpanded: expanded, explorerOverBudget: over, explorerTable: over !== null ? true : st().explorerTable, explorerBusy: over ? null : 'Laying out…' });
    if (over) set({ explorerNotice: { tone: 'warning', text: overBudgetText(over) } });
    const preset = opts.positions ?? (opts.keepPositions ? previous : undefined);
    if (!preset) c.forgetPositions();
    await c.redraw(false, preset);
    if (generation !== openGeneration) return;
    set({ explorerStatus: 'ready', explorerBusy: null });
    bump();
  } catch (e) {
    if (generation !== openGeneration) return;
    set({ explorerStatus: 'error', explorerError: errorInfo(e), explorerBusy: null });
  }
}

/** double-click: expands a node, collapses it when it is expanded, and opens a collection */
export async function toggleNode(id: string): Promise<void> {
  if (isCollectionId(id)) return expandCollection(id);
  if (st().explorerExpanded.includes(id)) return collapseNode(id);
  return expandNode(id);
}

export async function expandNode(id: string): Promise<void> {
  const c = ctl();
  const n = c.model.nodes.get(id);
  if (!n) return;
  set({ explorerBusy: `Expanding ${n.label}…`, explorerNotice: null });
  try {
    const exclude = [...c.model.nodes.keys()].filter((k) => !isCollectionId(k));
    const graph = await api().call('explorer.expand', { org: org(), pk: id, asOf: asOfParam(), aggregateOver: aggregateOver(), exclude: exclude.slice(0, 50_000) });
    const preview = c.model.preview(graph);
    if (c.model.size + preview.nodes.length + preview.edges.length > ELEMENT_BUDGET) {
      set({
        explorerBusy: null,
        explorerNotice: { tone: 'warning', text: `Expanding ${n.label} would draw ${(c.model.size + preview.nodes.length + preview.edges.length).toLocaleString()} elements, over the budget of ${ELEMENT_BUDGET.toLocaleString()}. Hide or collapse something first, or explore from this node alone.` },
      });
      return;
    }
    const added = c.model.merge(graph, id);
    if (!st().explorerExpanded.includes(id)) set({ explorerExpanded: [...st().explorerExpanded, id] });
    await c.drawAdded(added, id);
    noticeFor(graph);
    set({ explorerBusy: null, ...(added.nodes.length === 0 && added.edges.length === 0 ? { explorerNotice: { tone: 'info', text: `${n.label} has no neighbours that are not drawn already.` } } : {}) });
    bump();
  } catch (e) {
    set({ explorerBusy: null, explorerNotice: { tone: 'warning', text: `Could not expand ${n.label}: ${errorInfo(e).message}` } });
  }
}

export function collapseNode(id: string): void {
  const c = ctl();
  const removed = c.model.collapse(id);
  c.removeElements(removed.nodes, removed.edges);
  const gone = new Set(removed.nodes);
  set({ explorerExpanded: st().explorerExpanded.filter((x) => x !== id && !gone.has(x)), ...(gone.has(st().explorerSelected ?? '') ? { explorerSelected: null } : {}) });
  bump();
}

/** replaces a collection node with (a page of) its members */
export async function expandCollection(id: string): Promise<void> {
  const c = ctl();
  const coll = c.model.nodes.get(id);
  if (!coll) return;
  set({ explorerBusy: `Opening ${coll.label}…`, explorerNotice: null });
  try {
    const limit = Math.max(1, Math.min(200, Math.floor((ELEMENT_BUDGET - c.model.size) / 2)));
    const graph = await api().call('explorer.expandCollection', { org: org(), id, asOf: asOfParam(), limit });
    const parent = c.cy?.getElementById(id);
    const parentPos = parent && parent.nonempty() ? parent.position() : null;
    const added = c.model.merge(graph, id);
    const shown = graph.nodes.length;
    const total = coll.count ?? shown;
    if (shown >= total) {
      c.model.remove([id]);
      c.removeElements([id], []);
    }
    // the members go where the collection was
    const anchor = [...c.model.edges.values()].find((e) => added.nodes.some((n) => n.id === e.source || n.id === e.target));
    const parentId = anchor ? (added.nodes.some((n) => n.id === anchor.source) ? anchor.target : anchor.source) : null;
    await c.drawAdded(added, parentPos ? parentId : null);
    set({
      explorerBusy: null,
      explorerExpanded: [...st().explorerExpanded.filter((x) => x !== id), id],
      ...(shown < total ? { explorerNotice: { tone: 'info', text: `Showing ${shown.toLocaleString()} of ${total.toLocaleString()} ${coll.type} objects (the drawing budget is ${ELEMENT_BUDGET.toLocaleString()} elements).` } } : {}),
    });
    bump();
  } catch (e) {
    set({ explorerBusy: null, explorerNotice: { tone: 'warning', text: `Could not open ${coll.label}: ${errorInfo(e).message}` } });
  }
}

export async function setLayout(name: ExplorerLayout): Promise<void> {
  const nodes = ctl().model.nodes.size;
  set({
    explorerLayout: name,
    explorerBusy: 'Laying out…',
    explorerNotice: name === 'dagre' && nodes > DAGRE_MAX_NODES ? { tone: 'info', text: `The hierarchical layout takes too long beyond ${DAGRE_MAX_NODES.toLocaleString()} nodes; drawn as a breadth-first tree instead.` } : null,
  });
  try {
    await ctl().relayout(name);
  } finally {
    set({ explorerBusy: null });
  }
}

export function setFilters(filters: ExplorerFilterState): void {
  set({ explorerFilters: filters });
  ctl().setFilters(filters);
}

export function setSearch(q: string): string[] {
  set({ explorerSearch: q });
  return ctl().setSearch(q);
}

export function hideNodes(ids: string[]): void {
  ctl().hide(ids);
  set({ explorerSelected: null });
}

export function showHidden(): void {
  ctl().showHidden();
}

export function selectNode(id: string | null): void {
  set({ explorerSelected: id });
  ctl().select(id);
}

/** the time slider: the same start objects and expansions at another valid time, positions kept */
export async function setAsOf(iso: string | null): Promise<void> {
  const { explorerStart, explorerExpanded } = st();
  if (explorerStart.length === 0) {
    set({ explorerAsOf: iso });
    return;
  }
  await openGraph(explorerStart, { asOf: iso, expanded: explorerExpanded, keepPositions: true });
}

export async function findPaths(from: string, to: string, avoidTypes: string[], maxHops = 8): Promise<void> {
  const c = ctl();
  set({ explorerBusy: 'Finding paths…', explorerNotice: null });
  try {
    const res = await api().call('explorer.paths', { org: org(), from, to, avoidTypes: avoidTypes.length ? avoidTypes : undefined, maxHops, asOf: asOfParam() });
    const added = c.model.merge(res.graph);
    if (c.model.size <= ELEMENT_BUDGET) await c.drawAdded(added, from);
    c.mark('path', [...res.graph.nodes.map((n) => n.id), ...res.graph.edges.map((e) => e.id)]);
    set({ explorerPaths: { ...res, from, to, avoidTypes, active: null }, explorerBusy: null });
    if (res.hops === null) set({ explorerNotice: { tone: 'info', text: `No path of at most ${maxHops} hops between ${labelOf(from)} and ${labelOf(to)}${avoidTypes.length ? ` avoiding ${avoidTypes.join(', ')}` : ''}.` } });
    bump();
  } catch (e) {
    set({ explorerBusy: null, explorerNotice: { tone: 'warning', text: `Path search failed: ${errorInfo(e).message}` } });
  }
}

export function highlightPath(index: number | null): void {
  const p = st().explorerPaths;
  if (!p) return;
  const ids = index === null ? [...p.graph.nodes.map((n) => n.id), ...p.graph.edges.map((e) => e.id)] : [...p.paths[index]!.nodes, ...p.paths[index]!.edges];
  ctl().mark('path', ids);
  set({ explorerPaths: { ...p, active: index } });
}

export function clearPaths(): void {
  ctl().mark('path', []);
  set({ explorerPaths: null });
}

/** "Compare": the drawn neighbourhood at two times, differences coloured */
export async function compareTimes(from: string, to: string): Promise<void> {
  const c = ctl();
  const pks = [...c.model.nodes.values()].filter((n) => n.kind === 'object').map((n) => n.id).slice(0, 5000);
  if (pks.length === 0) return;
  set({ explorerBusy: 'Comparing…', explorerNotice: null });
  try {
    const res = await api().call('explorer.compare', { org: org(), pks, from, to });
    c.clearMark('cmp');
    // what existed only at one of the times is drawn too, for the duration of the comparison
    const extraNodes: ExplorerNode[] = [];
    const byId = new Map<string, ExplorerNode>();
    for (const n of [...res.graphFrom.nodes, ...res.graphTo.nodes]) byId.set(n.id, n);
    for (const n of byId.values()) if (!c.model.nodes.has(n.id)) extraNodes.push(n);
    const drawnIds = new Set([...c.model.nodes.keys(), ...extraNodes.map((n) => n.id)]);
    const extraEdges = [...res.graphFrom.edges, ...res.graphTo.edges, ...res.edgesAdded, ...res.edgesRemoved].filter((e) => !c.model.edges.has(e.id) && drawnIds.has(e.source) && drawnIds.has(e.target));
    const uniqueEdges = [...new Map(extraEdges.map((e) => [e.id, e])).values()];
    if (c.model.size + extraNodes.length + uniqueEdges.length <= ELEMENT_BUDGET) {
      await c.drawMarkElements(
        'cmp',
        [
          ...extraNodes.map((n) => ({ group: 'nodes' as const, data: { ...n, display: n.label, hop: n.hop ?? 0, glyph: glyphOf(n.type) } as unknown as { id: string }, classes: nodeClasses(n) })),
          ...uniqueEdges.map((e) => ({ group: 'edges' as const, data: { id: e.id, source: e.source, target: e.target, attr: e.attr } })),
        ],
        c.model.start[0] ?? null,
      );
    }
    c.mark('added', [...res.added, ...res.edgesAdded.map((e) => e.id)]);
    c.mark('removed', [...res.removed, ...res.edgesRemoved.map((e) => e.id)]);
    c.mark('changed', res.changed.map((x) => x.pk));
    c.mark('cmp', [...extraNodes.map((n) => n.id), ...uniqueEdges.map((e) => e.id)]);
    set({ explorerCompare: { ...res, from, to }, explorerBusy: null, explorerPanel: 'compare' });
  } catch (e) {
    set({ explorerBusy: null, explorerNotice: { tone: 'warning', text: `Compare failed: ${errorInfo(e).message}` } });
  }
}

export function clearCompare(): void {
  const c = ctl();
  c.mark('added', []);
  c.mark('removed', []);
  c.mark('changed', []);
  c.clearMark('cmp');
  set({ explorerCompare: null });
}

/** "Why does this exist" as a subgraph: the proof tree's origins as nodes between the objects */
export async function showProof(pk: string): Promise<void> {
  const c = ctl();
  set({ explorerBusy: 'Tracing the proof…', explorerNotice: null });
  try {
    const tree = await api().call('objects.proof', { org: org(), pk, maxDepth: 6 });
    const { proofElements } = await import('./proof-graph');
    const { defs, ids } = proofElements(tree, c.model);
    c.clearMark('proof');
    await c.drawMarkElements('proof', defs, pk);
    c.mark('proof', ids);
    set({ explorerProof: pk, explorerBusy: null });
  } catch (e) {
    set({ explorerBusy: null, explorerNotice: { tone: 'warning', text: `Could not trace ${labelOf(pk)}: ${errorInfo(e).message}` } });
  }
}

export function clearProof(): void {
  ctl().clearMark('proof');
  set({ explorerProof: null });
}

// ---------- saved views ----------

export async function loadViews(): Promise<void> {
  set({ explorerViewsStatus: 'loading', explorerViewsError: null });
  try {
    const res = await api().call('views.list', { org: org() });
    set({ explorerViews: res.views, explorerViewsStatus: 'ready' });
  } catch (e) {
    set({ explorerViewsStatus: 'error', explorerViewsError: errorInfo(e) });
  }
}

export function currentViewState(): ViewState {
  const s = st();
  const f = s.explorerFilters;
  return {
    start: s.explorerStart,
    filters: {
      ...(f.types?.length ? { types: f.types } : {}),
      ...(f.levels?.length ? { levels: f.levels } : {}),
      ...(f.severities?.length ? { severities: f.severities } : {}),
      ...(f.origins?.length ? { origins: f.origins } : {}),
    },
    layout: s.explorerLayout,
    positions: ctl().currentPositions(),
    asOf: s.explorerAsOf,
    expanded: s.explorerExpanded,
    ...(s.explorerSearch ? { search: s.explorerSearch } : {}),
  };
}

/** saves the current view (a new one, or over `id`); returns the error, or null */
export async function saveView(name: string, id?: string): Promise<ErrorInfo | null> {
  try {
    const view = await api().call('views.save', { org: org(), name, id, state: currentViewState() });
    set({ explorerCurrentView: { id: view.id, name: view.name } });
    st().toast('success', `Saved view “${view.name}”.`);
    await loadViews();
    return null;
  } catch (e) {
    return errorInfo(e);
  }
}

export async function openView(id: string): Promise<void> {
  set({ explorerStatus: 'loading', explorerBusy: 'Opening the saved view…', explorerError: null });
  try {
    const view = await api().call('views.get', { org: org(), id });
    const s = view.state;
    await openGraph(s.start, {
      asOf: s.asOf,
      positions: s.positions,
      expanded: s.expanded,
      layout: s.layout,
      filters: s.filters,
      search: s.search ?? '',
      view: { id: view.id, name: view.name },
    });
  } catch (e) {
    set({ explorerStatus: 'error', explorerError: errorInfo(e), explorerBusy: null });
  }
}

export async function deleteView(id: string): Promise<void> {
  try {
    await api().call('views.delete', { org: org(), id });
    if (st().explorerCurrentView?.id === id) set({ explorerCurrentView: null });
    await loadViews();
  } catch (e) {
    st().toast('error', `Could not delete the view: ${errorInfo(e).message}`);
  }
}
