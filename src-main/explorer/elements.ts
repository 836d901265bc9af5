/**
 * The explorer's graph elements (pure: no node, no DB; the renderer imports this file). A node is an
 * object or a collection of siblings aggregated into one ("212 IPPorts"); an edge is one reference
 * (source --attr--> target). toCytoscape turns a graph into Cytoscape element definitions.
 */
import type { ElementDefinition } from 'cytoscape';

export const EXPLORER_SEVERITIES = ['critical', 'high', 'medium', 'low', 'recommendation'] as const;
export type ExplorerSeverity = (typeof EXPLORER_SEVERITIES)[number];
export type ExplorerOriginKind = 'declaration' | 'observation' | 'inference' | 'affirmation';

export interface ExplorerNode {
  /** the object's pk, or 'agg:<parent>|<attr>|<dir>|<type>' for a collection */
  id: string;
  kind: 'object' | 'collection';
  /** the OOI type (of the members, for a collection) */
  type: string;
  label: string;
  /** scan level; null: no profile (empty) */
  level: number | null;
  /** the level is inherited, not declared */
  levelInherited?: boolean;
  /** the worst open (not muted) finding on it; null: none (or only pending/unknown ones) */
  severity: ExplorerSeverity | null;
  /** open findings on it */
  findings: number;
  origins: ExplorerOriginKind[];
  /** collection only: how many members */
  count?: number;
  /** collection only: the members' pks (at most 5000) */
  members?: string[];
  /** hops from the start objects */
  hop?: number;
}

export interface ExplorerEdge {
  /** `${source}|${attr}|${target}` */
  id: string;
  source: string;
  target: string;
  attr: string;
}

export interface ExplorerGraph {
  nodes: ExplorerNode[];
  edges: ExplorerEdge[];
  /** some neighbours were left out (a limit was reached) */
  truncated: boolean;
  /** objects reached (collection members counted), drawn or not */
  total: number;
  /** the valid time read, null: now */
  asOf: string | null;
}

/** The separator of collection ids; also of edge ids. */
export const AGG_PREFIX = 'agg:';
export type Direction = 'out' | 'in';

export function edgeId(source: string, attr: string, target: string): string {
  return `${source}|${attr}|${target}`;
}

export function makeEdge(source: string, attr: string, target: string): ExplorerEdge {
  return { id: edgeId(source, attr, target), source, target, attr };
}

/** The id of the collection of `parent`'s `type` neighbours over `attr` in direction `dir` (seen from the parent). */
export function collectionId(parent: string, attr: string, dir: Direction, type: string): string {
  return `${AGG_PREFIX}${parent}|${attr}|${dir}|${type}`;
}

export function isCollectionId(id: string): boolean {
  return id.startsWith(AGG_PREFIX);
}

/** Parses a collection id; null when it is not one. The parent pk may itself contain '|'. */
export function parseCollectionId(id: string): { parent: string; attr: string; dir: Direction; type: string } | null {
  if (!isCollectionId(id)) return null;
  const parts = id.slice(AGG_PREFIX.length).split('|');
  if (parts.length < 4) return null;
  const type = parts.pop()!;
  const dir = parts.pop()!;
  const attr = parts.pop()!;
  const parent = parts.join('|');
  if ((dir !== 'out' && dir !== 'in') || !parent || !attr || !type) return null;
  return { parent, attr, dir, type };
}

/** A short label for an object: its natural key without the type and the network name. */
export function labelOf(pk: string): string {
  const bar = pk.indexOf('|');
  if (bar < 0) return pk;
  const type = pk.slice(0, bar);
  let rest = pk.slice(bar + 1);
  if (rest.startsWith('internet|') && type !== 'Network') rest = rest.slice('internet|'.length);
  return rest.length > 80 ? rest.slice(0, 77) + '...' : rest;
}

/** The label of a collection: "212 IPPorts". */
export function collectionLabel(count: number, type: string): string {
  return `${count} ${type}${count === 1 ? '' : plural(type)}`;
}

function plural(type: string): string {
  return /(s|x|ch|sh)$/.test(type) ? 'es' : 's';
}

/**
 * Cytoscape element definitions: nodes first (data carries every field), then edges. An edge is
 * kept when both ends are among the graph's nodes or in `drawn` (the nodes already on the canvas,
 * for an expansion's result): Cytoscape refuses an edge to a missing node.
 */
export function toCytoscape(graph: ExplorerGraph, drawn?: ReadonlySet<string>): ElementDefinition[] {
  const ids = new Set(graph.nodes.map((n) => n.id));
  const known = (id: string) => ids.has(id) || (drawn?.has(id) ?? false);
  const out: ElementDefinition[] = [];
  for (const n of graph.nodes) {
    const data: Record<string, unknown> = {
      id: n.id,
      kind: n.kind,
      type: n.type,
      label: n.label,
      level: n.level,
      severity: n.severity,
      findings: n.findings,
      origins: n.origins,
    };
    if (n.levelInherited !== undefined) data.levelInherited = n.levelInherited;
    if (n.count !== undefined) data.count = n.count;
    if (n.members !== undefined) data.members = n.members;
    if (n.hop !== undefined) data.hop = n.hop;
    const classes = [n.kind, `type-${cssName(n.type)}`];
    if (n.severity) classes.push(`sev-${n.severity}`);
    if (n.level !== null) classes.push(`level-${n.level}`, n.levelInherited ? 'level-inherited' : 'level-declared');
    else classes.push('level-none');
    out.push({ group: 'nodes', data: data as ElementDefinition['data'], classes });
  }
  for (const e of graph.edges) {
    if (!known(e.source) || !known(e.target)) continue;
    out.push({ group: 'edges', data: { id: e.id, source: e.source, target: e.target, attr: e.attr, label: e.attr }, classes: ['ref'] });
  }
  return out;
}

function cssName(s: string): string {
  return s.replace(/[^A-Za-z0-9_-]/g, '_');
}
