/**
 * What differs between two explorer graphs (pure): nodes added, removed and changed (a drawn field
 * or a collection's size differs), edges added and removed. Used by compare and by the UI.
 */
import type { ExplorerEdge, ExplorerGraph, ExplorerNode } from './elements.js';

export interface GraphDiff {
  addedNodes: string[];
  removedNodes: string[];
  /** in both, with a different label, level, severity, finding count, origins or size */
  changedNodes: string[];
  addedEdges: ExplorerEdge[];
  removedEdges: ExplorerEdge[];
}

function signature(n: ExplorerNode): string {
  return JSON.stringify([n.kind, n.type, n.label, n.level, n.levelInherited ?? false, n.severity, n.findings, [...n.origins].sort(), n.count ?? null]);
}

/** a -> b: what b added, what it lost, what changed. Order: b's order for added, a's for removed. */
export function diffGraphs(a: ExplorerGraph, b: ExplorerGraph): GraphDiff {
  const an = new Map(a.nodes.map((n) => [n.id, n]));
  const bn = new Map(b.nodes.map((n) => [n.id, n]));
  const ae = new Set(a.edges.map((e) => e.id));
  const be = new Set(b.edges.map((e) => e.id));
  return {
    addedNodes: b.nodes.filter((n) => !an.has(n.id)).map((n) => n.id),
    removedNodes: a.nodes.filter((n) => !bn.has(n.id)).map((n) => n.id),
    changedNodes: b.nodes.filter((n) => an.has(n.id) && signature(an.get(n.id)!) !== signature(n)).map((n) => n.id),
    addedEdges: b.edges.filter((e) => !ae.has(e.id)),
    removedEdges: a.edges.filter((e) => !be.has(e.id)),
  };
}
