/**
 * The explorer's canvas: one Cytoscape instance over a GraphModel. Everything that touches
 * Cytoscape lives here, outside React: elements are added in batches spread over animation frames,
 * layouts run in a worker, and React hears only summaries (counts, the selected node), never a
 * render per node.
 */
import cytoscape, { type Core, type ElementDefinition, type NodeSingular } from 'cytoscape';
import type { ExplorerEdge, ExplorerGraph, ExplorerNode } from '../../../src-main/explorer/elements';
import { buildStylesheet, glyphOf, nodeClasses } from './cy-style';
import { GraphModel, displayLabel, matchesSearch, passesFilters, placeAround, type Added, type ExplorerFilters } from './graph-model';
import { layoutInWorker } from './layout-client';
import { registerLayouts, type LayoutName, type LayoutNode, type Positions } from './layouts';
import { SEVERITY_SIZE } from './type-style';

/** at most this many elements (nodes + edges) are drawn; more goes to the table */
export const ELEMENT_BUDGET = 5000;
/** above this many elements the stylesheet drops glyphs, edge labels and curved edges */
const LARGE = 1200;
/** elements added per animation frame: small enough that no one add + paint is a long task (2500 made ~700 ms tasks); more chunks cost more total paints, so open is slower */
const CHUNK = 300;
/** fitting never zooms in further than this */
const MAX_FIT_ZOOM = 1.3;

export interface CanvasSummary {
  nodes: number;
  edges: number;
  hidden: number;
  filteredOut: number;
  matches: number;
  large: boolean;
}

export interface ControllerEvents {
  onSelect(id: string | null): void;
  onDoubleTap(id: string): void;
  onSummary(s: CanvasSummary): void;
}

const nextFrame = () => new Promise<void>((r) => requestAnimationFrame(() => r()));

function nodeSize(n: ExplorerNode): number {
  if (n.kind === 'collection') return 64;
  return SEVERITY_SIZE[n.severity ?? 'none'];
}

export class ExplorerController {
  readonly model = new GraphModel();
  cy: Core | null = null;
  private container: HTMLElement | null = null;
  private positions: Positions = {};
  private filters: ExplorerFilters = {};
  private search = '';
  private large = false;
  private dark = true;
  /** hidden by hand (Delete) */
  readonly hidden = new Set<string>();
  /** extra elements drawn for a mark (proof subgraph, compare, paths), removed when it is cleared */
  private markElements = new Map<string, Set<string>>();
  layoutName: LayoutName = 'fcose';
  private events: ControllerEvents | null = null;
  /** how long the last redraw's steps took (ms), for the benchmarks */
  readonly timings: Record<string, number> = {};
  private drawGeneration = 0;

  constructor() {
    registerLayouts();
  }

  listen(events: ControllerEvents | null): void {
    this.events = events;
  }

  /** creates the Cytoscape instance in `el` from the model (positions kept from the last mount) */
  attach(el: HTMLElement, dark: boolean): void {
    this.container = el;
    this.dark = dark;
    this.createCy();
    if (this.model.size > 0 && this.model.size <= ELEMENT_BUDGET) void this.redraw(false);
  }

  detach(): void {
    if (this.cy) {
      this.positions = { ...this.positions, ...this.currentPositions() };
      this.cy.destroy();
    }
    this.cy = null;
    this.container = null;
  }

  setDark(dark: boolean): void {
    if (dark === this.dark) return;
    this.dark = dark;
    this.cy?.style(buildStylesheet({ dark, large: this.large }));
  }

  private createCy(): void {
    if (!this.container) return;
    this.large = this.model.size > LARGE;
    const cy = cytoscape({
      container: this.container,
      style: buildStylesheet({ dark: this.dark, large: this.large }),
      elements: [],
      minZoom: 0.05,
      maxZoom: 4,
      textureOnViewport: true,
      hideEdgesOnViewport: true,
      motionBlur: false,
      pixelRatio: 1,
      selectionType: 'single',
      boxSelectionEnabled: false,
    });
    cy.on('select', 'node', (e) => this.events?.onSelect(e.target.id()));
    cy.on('unselect', 'node', () => {
      if (cy.$('node:selected').length === 0) this.events?.onSelect(null);
    });
    // a triple click is one double-click, not an expand followed by a collapse
    let last = { id: '', at: 0 };
    cy.on('dbltap', 'node', (e) => {
      const id = e.target.id() as string;
      const now = performance.now();
      if (last.id === id && now - last.at < 300) return;
      last = { id, at: now };
      this.events?.onDoubleTap(id);
    });
    this.cy = cy;
  }

  private setLarge(large: boolean): void {
    if (large === this.large || !this.cy) return;
    this.large = large;
    this.cy.style(buildStylesheet({ dark: this.dark, large }));
  }

  private element(n: ExplorerNode, pos?: { x: number; y: number }): ElementDefinition {
    const classes = nodeClasses(n);
    if (this.startSet.has(n.id)) classes.push('start');
    if (this.isFilteredOut(n)) classes.push('filtered');
    if (this.search && matchesSearch(n, this.search)) classes.push('match');
    return {
      group: 'nodes',
      data: { ...n, display: displayLabel(n), hop: n.hop ?? 0, glyph: glyphOf(n.type) } as unknown as ElementDefinition['data'],
      classes,
      position: pos ? { ...pos } : undefined,
    };
  }

  private edgeElement(e: ExplorerEdge): ElementDefinition {
    return { group: 'edges', data: { id: e.id, source: e.source, target: e.target, attr: e.attr } };
  }

  private get startSet(): Set<string> {
    if (this.startCache.key !== this.model.start) this.startCache = { key: this.model.start, set: new Set(this.model.start) };
    return this.startCache.set;
  }
  private startCache: { key: string[] | null; set: Set<string> } = { key: null, set: new Set() };

  private isFilteredOut(n: ExplorerNode): boolean {
    return this.hidden.has(n.id) || !passesFilters(n, this.filters, this.startSet.has(n.id));
  }

  /** adds elements in chunks, one chunk per animation frame (nodes first, so edges find their ends) */
  private async addChunked(defs: ElementDefinition[], generation: number): Promise<boolean> {
    const cy = this.cy;
    if (!cy) return false;
    for (let i = 0; i < defs.length; i += CHUNK) {
      if (generation !== this.drawGeneration || this.cy !== cy) return false;
      const slice = defs.slice(i, i + CHUNK);
      cy.batch(() => cy.add(slice));
      if (i + CHUNK < defs.length) await nextFrame();
    }
    return true;
  }

  /** hops from the start objects over what is drawn (the server's hop is relative to the last expansion) */
  private hops(): Map<string, number> {
    const adj = new Map<string, string[]>();
    for (const e of this.model.edges.values()) {
      if (!adj.has(e.source)) adj.set(e.source, []);
      if (!adj.has(e.target)) adj.set(e.target, []);
      adj.get(e.source)!.push(e.target);
      adj.get(e.target)!.push(e.source);
    }
    const hop = new Map<string, number>();
    let frontier = this.model.start.filter((id) => this.model.nodes.has(id));
    for (const id of frontier) hop.set(id, 0);
    for (let d = 1; frontier.length; d++) {
      const next: string[] = [];
      for (const id of frontier) for (const m of adj.get(id) ?? []) if (!hop.has(m)) (hop.set(m, d), next.push(m));
      frontier = next;
    }
    return hop;
  }

  private layoutRequest(ids?: Set<string>): { nodes: LayoutNode[]; edges: { id: string; s: string; t: string }[] } {
    const start = new Set(this.model.start);
    const hops = this.hops();
    const nodes: LayoutNode[] = [];
    for (const n of this.model.nodes.values()) {
      if (ids && !ids.has(n.id)) continue;
      const s = nodeSize(n);
      nodes.push({ id: n.id, w: n.kind === 'collection' ? 64 : s, h: n.kind === 'collection' ? 30 : s, hop: hops.get(n.id) ?? n.hop ?? 99, start: start.has(n.id) });
    }
    const edges: { id: string; s: string; t: string }[] = [];
    for (const e of this.model.edges.values()) {
      if (ids && (!ids.has(e.source) || !ids.has(e.target))) continue;
      edges.push({ id: e.id, s: e.source, t: e.target });
    }
    return { nodes, edges };
  }

  /**
   * Replaces the drawing with the model's content. Known positions (a saved view, a previous time
   * on the slider) are kept; without positions for every node, the whole graph is laid out.
   */
  async redraw(relayout: boolean, preset?: Positions): Promise<void> {
    const generation = ++this.drawGeneration;
    if (preset) this.positions = { ...preset };
    const cy = this.cy;
    if (!cy) return;
    cy.elements().remove();
    this.markElements.clear();
    if (this.model.size > ELEMENT_BUDGET) {
      this.emitSummary();
      return;
    }
    this.setLarge(this.model.size > LARGE);
    const missing = [...this.model.nodes.keys()].filter((id) => !this.positions[id]);
    let positions = this.positions;
    let t = performance.now();
    if (relayout || missing.length > 0) {
      if (!relayout && missing.length < this.model.nodes.size / 3 && missing.length < 300) {
        positions = { ...positions, ...this.placeMissing(missing, positions) };
      } else {
        positions = await layoutInWorker({ name: this.layoutName, ...this.layoutRequest() });
      }
      if (generation !== this.drawGeneration) return;
    }
    this.timings.layout = performance.now() - t;
    t = performance.now();
    this.positions = positions;
    const defs: ElementDefinition[] = [];
    for (const n of this.model.nodes.values()) defs.push(this.element(n, positions[n.id]));
    for (const e of this.model.edges.values()) defs.push(this.edgeElement(e));
    if (!(await this.addChunked(defs, generation))) return;
    this.timings.add = performance.now() - t;
    t = performance.now();
    this.fitPositions(positions);
    this.emitSummary();
    this.timings.fit = performance.now() - t;
  }

  /** places nodes without a position next to a drawn neighbour (or around the centre) */
  private placeMissing(ids: string[], positions: Positions): Positions {
    const out: Positions = {};
    const byParent = new Map<string, string[]>();
    const has = (id: string) => !!(positions[id] ?? out[id]);
    for (const id of ids) {
      let parent = '';
      for (const e of this.model.edges.values()) {
        if (e.source === id && has(e.target)) parent = e.target;
        else if (e.target === id && has(e.source)) parent = e.source;
        if (parent) break;
      }
      byParent.set(parent, [...(byParent.get(parent) ?? []), id]);
    }
    const centre = this.centre(positions);
    for (const [parent, kids] of byParent) {
      const p = parent ? positions[parent]! : centre;
      placeAround(p, centre, kids.length).forEach((pos, i) => (out[kids[i]!] = pos));
    }
    return out;
  }

  private centre(positions: Positions): { x: number; y: number } {
    let x = 0;
    let y = 0;
    let n = 0;
    for (const p of Object.values(positions)) {
      x += p.x;
      y += p.y;
      n++;
    }
    return n ? { x: x / n, y: y / n } : { x: 0, y: 0 };
  }

  /**
   * Draws what `added` brought in, next to `parent`: new nodes on arcs around it, existing nodes do
   * not move. Returns false when the budget would be exceeded (nothing is drawn then).
   */
  async drawAdded(added: Added, parent: string | null): Promise<void> {
    const cy = this.cy;
    if (!cy) return;
    this.setLarge(this.model.size > LARGE);
    const current = this.currentPositions();
    const centre = this.centre(current);
    const parentPos = parent && current[parent] ? current[parent] : centre;
    const spots = placeAround(parentPos, centre, added.nodes.length);
    const defs: ElementDefinition[] = added.nodes.map((n, i) => this.element(n, this.positions[n.id] && !parent ? this.positions[n.id] : spots[i]));
    for (const e of added.edges) defs.push(this.edgeElement(e));
    await this.addChunked(defs, this.drawGeneration);
    // the drawn nodes stay where they are; the view widens when the new ones fall outside it
    if (!this.inView(added.nodes.map((n) => n.id))) this.fit(true);
    this.emitSummary();
  }

  removeElements(nodes: readonly string[], edges: readonly string[]): void {
    const cy = this.cy;
    if (!cy) return;
    cy.batch(() => {
      for (const id of edges) cy.getElementById(id).remove();
      for (const id of nodes) cy.getElementById(id).remove();
    });
    this.emitSummary();
  }

  /** updates node data in place (levels after "set level", findings ...) */
  updateNodes(nodes: readonly ExplorerNode[]): void {
    const cy = this.cy;
    if (!cy) return;
    cy.batch(() => {
      for (const n of nodes) {
        const el = cy.getElementById(n.id);
        if (el.nonempty()) {
          el.data({ ...n, display: displayLabel(n) });
          el.classes([...nodeClasses(n), ...el.classes().filter((c) => !/^(f|t|sev|lvl)-|^collection$/.test(c))]);
        }
      }
    });
  }

  /** re-runs the current layout over everything drawn (in the worker), animated for small graphs */
  async relayout(name?: LayoutName): Promise<void> {
    if (name) this.layoutName = name;
    const cy = this.cy;
    if (!cy || cy.nodes().length === 0) return;
    const generation = ++this.drawGeneration;
    const positions = await layoutInWorker({ name: this.layoutName, ...this.layoutRequest() });
    if (generation !== this.drawGeneration || this.cy !== cy) return;
    this.positions = positions;
    const small = cy.nodes().length < 300;
    if (small) {
      await new Promise<void>((resolve) => {
        const layout = cy.layout({ name: 'preset', positions: (n: NodeSingular) => positions[n.id()] ?? n.position(), animate: true, animationDuration: 300, fit: false } as cytoscape.LayoutOptions);
        layout.one('layoutstop', () => resolve());
        layout.run();
      });
      this.fit(true);
    } else {
      cy.batch(() => cy.nodes().forEach((n) => void (positions[n.id()] && n.position(positions[n.id()]!))));
      this.fit();
    }
  }

  setFilters(filters: ExplorerFilters): void {
    this.filters = filters;
    this.applyVisibility();
  }

  hide(ids: readonly string[]): void {
    for (const id of ids) this.hidden.add(id);
    this.applyVisibility();
    this.cy?.$(':selected').unselect();
  }

  showHidden(): void {
    this.hidden.clear();
    this.applyVisibility();
  }

  private applyVisibility(): void {
    const cy = this.cy;
    if (!cy) return this.emitSummary();
    cy.batch(() => {
      cy.nodes().forEach((el) => {
        const n = this.model.nodes.get(el.id());
        if (!n) return;
        el.toggleClass('filtered', this.isFilteredOut(n));
      });
    });
    this.emitSummary();
  }

  /** highlights the nodes matching `query`; returns their ids in drawing order */
  setSearch(query: string): string[] {
    this.search = query;
    const cy = this.cy;
    const matches: string[] = [];
    for (const n of this.model.nodes.values()) if (matchesSearch(n, query)) matches.push(n.id);
    if (cy) {
      const set = new Set(matches);
      cy.batch(() => {
        cy.nodes().forEach((el) => void el.toggleClass('match', set.has(el.id())));
      });
    }
    this.emitSummary();
    return matches;
  }

  /** selects and centres a node (from the table, a search hit, a path) */
  focus(id: string): void {
    const cy = this.cy;
    if (!cy) return;
    const el = cy.getElementById(id);
    if (el.empty()) return;
    cy.$(':selected').unselect();
    el.select();
    cy.animate({ center: { eles: el }, duration: cy.nodes().length > LARGE ? 0 : 250 });
  }

  select(id: string | null): void {
    const cy = this.cy;
    if (!cy) return;
    const cur = cy.$('node:selected');
    if (id && cur.length === 1 && cur[0]!.id() === id) return;
    cur.unselect();
    if (id) cy.getElementById(id).select();
  }

  /** marks elements with a class (path, proof, added/removed/changed); `only` drops it elsewhere first */
  mark(cls: string, ids: readonly string[]): void {
    const cy = this.cy;
    if (!cy) return;
    cy.batch(() => {
      cy.elements(`.${cls}`).removeClass(cls);
      for (const id of ids) cy.getElementById(id).addClass(cls);
    });
  }

  /** draws extra elements that belong to a mark (a proof subgraph); cleared with clearMark */
  async drawMarkElements(mark: string, defs: ElementDefinition[], near: string | null): Promise<void> {
    const cy = this.cy;
    if (!cy) return;
    const fresh = defs.filter((d) => cy.getElementById(String(d.data.id)).empty());
    const current = this.currentPositions();
    const centre = this.centre(current);
    const newNodes = fresh.filter((d) => d.group === 'nodes');
    const spots = placeAround(near && current[near] ? current[near] : centre, centre, newNodes.length);
    newNodes.forEach((d, i) => (d.position = spots[i]));
    cy.batch(() => cy.add(fresh));
    const set = this.markElements.get(mark) ?? new Set<string>();
    for (const d of fresh) set.add(String(d.data.id));
    this.markElements.set(mark, set);
    this.emitSummary();
  }

  clearMark(cls: string): void {
    const cy = this.cy;
    if (!cy) return;
    const extra = this.markElements.get(cls);
    cy.batch(() => {
      cy.elements(`.${cls}`).removeClass(cls);
      if (extra) for (const id of extra) cy.getElementById(id).remove();
    });
    this.markElements.delete(cls);
    this.emitSummary();
  }

  currentPositions(): Positions {
    const out: Positions = {};
    this.cy?.nodes().forEach((n) => {
      if (!this.model.nodes.has(n.id())) return;
      const p = n.position();
      out[n.id()] = { x: Math.round(p.x * 10) / 10, y: Math.round(p.y * 10) / 10 };
    });
    return out;
  }

  forgetPositions(): void {
    this.positions = {};
  }

  /** fits the drawing, never zooming in past MAX_FIT_ZOOM (a handful of nodes stays readable) */
  fit(animate = false): void {
    const cy = this.cy;
    if (!cy || cy.nodes().length === 0) return;
    if (animate && cy.nodes().length < LARGE) {
      cy.animate({ fit: { eles: cy.elements(), padding: 40 }, duration: 250, complete: () => this.clampZoom() });
      return;
    }
    cy.fit(undefined, 40);
    this.clampZoom();
  }

  /**
   * Frames known positions without asking Cytoscape for the bounding box of every element (which
   * measures every label: hundreds of ms at 5,000 elements).
   */
  private fitPositions(positions: Positions): void {
    const cy = this.cy;
    if (!cy) return;
    let x1 = Infinity, y1 = Infinity, x2 = -Infinity, y2 = -Infinity;
    for (const id of this.model.nodes.keys()) {
      const p = positions[id];
      if (!p) continue;
      x1 = Math.min(x1, p.x); y1 = Math.min(y1, p.y); x2 = Math.max(x2, p.x); y2 = Math.max(y2, p.y);
    }
    if (!Number.isFinite(x1)) return;
    const pad = 60;
    const w = cy.width();
    const h = cy.height();
    const zoom = Math.max(cy.minZoom(), Math.min(MAX_FIT_ZOOM, (w - 2 * pad) / Math.max(1, x2 - x1), (h - 2 * pad) / Math.max(1, y2 - y1)));
    cy.viewport({ zoom, pan: { x: w / 2 - zoom * ((x1 + x2) / 2), y: h / 2 - zoom * ((y1 + y2) / 2) } });
  }

  private clampZoom(): void {
    const cy = this.cy;
    if (!cy || cy.zoom() <= MAX_FIT_ZOOM) return;
    const bb = cy.elements().boundingBox();
    cy.zoom({ level: MAX_FIT_ZOOM, position: { x: (bb.x1 + bb.x2) / 2, y: (bb.y1 + bb.y2) / 2 } });
    cy.center();
  }

  /** whether all of `ids` are inside the viewport */
  private inView(ids: readonly string[]): boolean {
    const cy = this.cy;
    if (!cy) return true;
    const ext = cy.extent();
    return ids.every((id) => {
      const p = cy.getElementById(id).position();
      return p.x > ext.x1 + 20 && p.x < ext.x2 - 20 && p.y > ext.y1 + 20 && p.y < ext.y2 - 20;
    });
  }

  summary(): CanvasSummary {
    const cy = this.cy;
    let filteredOut = 0;
    let matches = 0;
    for (const n of this.model.nodes.values()) {
      if (this.isFilteredOut(n)) filteredOut++;
      if (this.search && matchesSearch(n, this.search)) matches++;
    }
    return {
      nodes: cy ? cy.nodes().length : 0,
      edges: cy ? cy.edges().length : 0,
      hidden: this.hidden.size,
      filteredOut,
      matches,
      large: this.large,
    };
  }

  private emitSummary(): void {
    this.events?.onSummary(this.summary());
  }

  /** the model's graph, for exports and the table */
  graph(asOf: string | null): ExplorerGraph {
    return this.model.graph(asOf);
  }
}

let instance: ExplorerController | null = null;
/** the one explorer canvas of the page (it survives switching views; the drawing is rebuilt on return) */
export function explorerController(): ExplorerController {
  instance ??= new ExplorerController();
  return instance;
}
