/**
 * What the explorer has drawn, independent of Cytoscape (pure, unit-tested): the nodes and edges,
 * which expansion added what (so a collapse removes exactly that), filters and search.
 */
import type { ExplorerEdge, ExplorerGraph, ExplorerNode } from '../../../src-main/explorer/elements';

export interface ExplorerFilters {
  /** types shown (none: all) */
  types?: string[];
  /** scan levels shown (0 also stands for "no level") */
  levels?: number[];
  /** worst-finding severities shown; 'none' for nodes without findings */
  severities?: string[];
  /** origin kinds: a node is shown when one of its origins is among them */
  origins?: string[];
}

export function filtersActive(f: ExplorerFilters): boolean {
  return !!(f.types?.length || f.levels?.length || f.severities?.length || f.origins?.length);
}

/** Does the node pass the filters? Start objects always do (they are what the user asked for). */
export function passesFilters(n: ExplorerNode, f: ExplorerFilters, isStart = false): boolean {
  if (isStart) return true;
  if (f.types?.length && !f.types.includes(n.type)) return false;
  if (f.levels?.length && !f.levels.includes(n.level ?? 0)) return false;
  if (f.severities?.length && !f.severities.includes(n.severity ?? 'none')) return false;
  if (f.origins?.length && n.kind === 'object' && !n.origins.some((o) => f.origins!.includes(o))) return false;
  return true;
}

/** case-insensitive match on the label and the primary key; empty query matches nothing */
export function matchesSearch(n: ExplorerNode, query: string): boolean {
  const q = query.trim().toLowerCase();
  if (!q) return false;
  return n.label.toLowerCase().includes(q) || n.id.toLowerCase().includes(q);
}

export interface Added {
  nodes: ExplorerNode[];
  edges: ExplorerEdge[];
}

/** the text shown under a node: its label, and its open findings */
export function displayLabel(n: ExplorerNode): string {
  if (n.kind === 'collection') return n.label;
  return n.findings > 0 ? `${n.label} ▲${n.findings}` : n.label;
}

export class GraphModel {
  readonly nodes = new Map<string, ExplorerNode>();
  readonly edges = new Map<string, ExplorerEdge>();
  /** expanded node -> what its expansion added */
  readonly expansions = new Map<string, { nodes: string[]; edges: string[] }>();
  start: string[] = [];

  get size(): number {
    return this.nodes.size + this.edges.size;
  }

  reset(start: string[]): void {
    this.nodes.clear();
    this.edges.clear();
    this.expansions.clear();
    this.start = [...start];
  }

  /** what merging `graph` would add (new nodes, new edges with both ends known afterwards) */
  preview(graph: ExplorerGraph): Added {
    const nodes = graph.nodes.filter((n) => !this.nodes.has(n.id));
    const ids = new Set(nodes.map((n) => n.id));
    const known = (id: string) => this.nodes.has(id) || ids.has(id);
    const seen = new Set<string>();
    const edges = graph.edges.filter((e) => {
      if (this.edges.has(e.id) || seen.has(e.id) || !known(e.source) || !known(e.target)) return false;
      seen.add(e.id);
      return true;
    });
    return { nodes, edges };
  }

  /** adds what is new; an update of a known node (level, findings) replaces its data */
  merge(graph: ExplorerGraph, expandedFrom?: string): Added {
    const added = this.preview(graph);
    for (const n of graph.nodes) if (this.nodes.has(n.id)) this.nodes.set(n.id, n);
    for (const n of added.nodes) this.nodes.set(n.id, n);
    for (const e of added.edges) this.edges.set(e.id, e);
    if (expandedFrom) {
      const prev = this.expansions.get(expandedFrom);
      this.expansions.set(expandedFrom, {
        nodes: [...(prev?.nodes ?? []), ...added.nodes.map((n) => n.id)],
        edges: [...(prev?.edges ?? []), ...added.edges.map((e) => e.id)],
      });
    }
    return added;
  }

  /**
   * Collapses an expansion: removes the nodes and edges it added (and, first, whatever the
   * expansions of those nodes added), never a start object. Returns the removed ids.
   */
  collapse(id: string): { nodes: string[]; edges: string[] } {
    const out = { nodes: [] as string[], edges: [] as string[] };
    const exp = this.expansions.get(id);
    if (!exp) return out;
    this.expansions.delete(id);
    const start = new Set(this.start);
    for (const n of exp.nodes) {
      if (start.has(n) || !this.nodes.has(n)) continue;
      const inner = this.collapse(n);
      out.nodes.push(...inner.nodes);
      out.edges.push(...inner.edges);
    }
    for (const e of exp.edges) if (this.edges.delete(e)) out.edges.push(e);
    for (const n of exp.nodes) {
      if (start.has(n) || !this.nodes.delete(n)) continue;
      out.nodes.push(n);
      for (const [eid, e] of this.edges) {
        if (e.source === n || e.target === n) {
          this.edges.delete(eid);
          out.edges.push(eid);
        }
      }
    }
    return out;
  }

  /** removes nodes (and their edges) outright, e.g. a collection replaced by its members */
  remove(ids: readonly string[]): string[] {
    const removedEdges: string[] = [];
    const set = new Set(ids);
    for (const id of ids) this.nodes.delete(id);
    for (const [eid, e] of this.edges) {
      if (set.has(e.source) || set.has(e.target)) {
        this.edges.delete(eid);
        removedEdges.push(eid);
      }
    }
    return removedEdges;
  }

  graph(asOf: string | null): ExplorerGraph {
    return { nodes: [...this.nodes.values()], edges: [...this.edges.values()], truncated: false, total: this.nodes.size, asOf };
  }
}

/**
 * Positions for new nodes around their parent, on arcs facing away from the rest of the graph, so an
 * expansion never moves what is already drawn.
 */
export function placeAround(parent: { x: number; y: number }, centre: { x: number; y: number }, count: number): { x: number; y: number }[] {
  const out: { x: number; y: number }[] = [];
  const away = Math.atan2(parent.y - centre.y, parent.x - centre.x);
  const alone = Math.hypot(parent.x - centre.x, parent.y - centre.y) < 1;
  const spread = alone ? Math.PI * 2 : Math.PI * 1.2;
  let placed = 0;
  let ring = 0;
  while (placed < count) {
    const radius = 90 + ring * 55;
    const capacity = Math.max(6, Math.floor((spread * radius) / 42));
    const here = Math.min(capacity, count - placed);
    for (let i = 0; i < here; i++) {
      const t = here === 1 ? 0.5 : i / (alone ? here : here - 1);
      const angle = away - spread / 2 + t * spread;
      out.push({ x: parent.x + radius * Math.cos(angle), y: parent.y + radius * Math.sin(angle) });
    }
    placed += here;
    ring++;
  }
  return out;
}
