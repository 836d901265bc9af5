import cytoscape, { type LayoutOptions } from 'cytoscape';
import dagre from 'cytoscape-dagre';
import fcose from 'cytoscape-fcose';

/** The explorer's layouts; 'cose' is kept for views saved with it. */
export const LAYOUTS = ['fcose', 'dagre', 'breadthfirst', 'concentric', 'cose'] as const;
export type LayoutName = (typeof LAYOUTS)[number];

export const LAYOUT_LABELS: Record<LayoutName, string> = {
  fcose: 'Force-directed (fcose)',
  dagre: 'Hierarchical (dagre)',
  breadthfirst: 'Tree (breadth-first)',
  concentric: 'Concentric by hop',
  cose: 'Force-directed (cose)',
};

let registered = false;
/** registers the fcose and dagre extensions once (in the page and in the layout worker) */
export function registerLayouts(): void {
  if (registered) return;
  registered = true;
  cytoscape.use(fcose);
  cytoscape.use(dagre);
}

/** what a layout needs to know of the graph: sizes, hop distance, the start objects */
export interface LayoutNode {
  id: string;
  w: number;
  h: number;
  hop: number;
  start: boolean;
}
export interface LayoutEdge {
  id: string;
  s: string;
  t: string;
}
export interface LayoutRequest {
  name: LayoutName;
  nodes: LayoutNode[];
  edges: LayoutEdge[];
}
export type Positions = Record<string, { x: number; y: number }>;

/** Cytoscape options for a layout, tuned by graph size (always without animation: positions are applied afterwards). */
export function layoutOptions(req: LayoutRequest): LayoutOptions {
  const n = req.nodes.length;
  const base = { animate: false, fit: false, padding: 30 } as const;
  switch (req.name) {
    case 'fcose':
      return {
        ...base,
        name: 'fcose',
        quality: n > 1200 ? 'draft' : 'default',
        randomize: true,
        nodeDimensionsIncludeLabels: false,
        packComponents: true,
        nodeRepulsion: 6000,
        idealEdgeLength: 70,
        numIter: n > 1200 ? 600 : 2500,
        samplingType: true,
        sampleSize: 25,
      } as unknown as LayoutOptions;
    case 'dagre':
      return { ...base, name: 'dagre', rankDir: 'TB', nodeSep: 16, rankSep: 70, edgeSep: 6 } as unknown as LayoutOptions;
    case 'breadthfirst':
      return { ...base, name: 'breadthfirst', directed: false, spacingFactor: 1.1, roots: req.nodes.some((x) => x.start) ? req.nodes.filter((x) => x.start).map((x) => x.id) : undefined, avoidOverlap: n < 1500 };
    case 'concentric':
      return {
        ...base,
        name: 'concentric',
        concentric: (node: cytoscape.NodeSingular) => 100 - Number(node.data('hop') ?? 0),
        levelWidth: () => 1,
        minNodeSpacing: 12,
        avoidOverlap: n < 1500,
      } as unknown as LayoutOptions;
    case 'cose':
      return { ...base, name: 'cose', randomize: true, numIter: n > 1000 ? 300 : 1000, nodeDimensionsIncludeLabels: false } as unknown as LayoutOptions;
  }
}

/** a CSS-escaped id for a Cytoscape selector (primary keys contain `|`, `.` and `:`) */
export function cssId(id: string): string {
  return typeof CSS !== 'undefined' && CSS.escape ? CSS.escape(id) : id.replace(/([^\w-])/g, '\\$1');
}

/** dagre takes minutes beyond this many nodes; the breadth-first tree stands in for it */
export const DAGRE_MAX_NODES = 1000;

const SPACING = 48;

/** rings by hop distance from the start objects (the most connected first on each ring); O(n) */
export function concentricPositions(req: LayoutRequest): Positions {
  const degree = new Map<string, number>();
  for (const e of req.edges) {
    degree.set(e.s, (degree.get(e.s) ?? 0) + 1);
    degree.set(e.t, (degree.get(e.t) ?? 0) + 1);
  }
  const rings = new Map<number, LayoutNode[]>();
  for (const n of req.nodes) rings.set(n.hop, [...(rings.get(n.hop) ?? []), n]);
  const out: Positions = {};
  let radius = 0;
  for (const hop of [...rings.keys()].sort((a, b) => a - b)) {
    const ring = rings.get(hop)!.sort((a, b) => (degree.get(b.id) ?? 0) - (degree.get(a.id) ?? 0));
    if (radius === 0 && ring.length === 1) {
      out[ring[0]!.id] = { x: 0, y: 0 };
      radius = SPACING * 1.6;
      continue;
    }
    radius = Math.max(radius + SPACING * 1.6, (ring.length * SPACING) / (2 * Math.PI));
    ring.forEach((n, i) => {
      const a = (2 * Math.PI * i) / ring.length - Math.PI / 2;
      out[n.id] = { x: Math.round(radius * Math.cos(a)), y: Math.round(radius * Math.sin(a)) };
    });
  }
  return out;
}

/** a tree by breadth-first levels from the start objects, each level ordered under its parents; O(n + e) */
export function breadthfirstPositions(req: LayoutRequest): Positions {
  const adj = new Map<string, string[]>();
  for (const n of req.nodes) adj.set(n.id, []);
  for (const e of req.edges) {
    adj.get(e.s)?.push(e.t);
    adj.get(e.t)?.push(e.s);
  }
  const depth = new Map<string, number>();
  let frontier = req.nodes.filter((n) => n.start).map((n) => n.id);
  if (frontier.length === 0 && req.nodes[0]) frontier = [req.nodes[0].id];
  for (const id of frontier) depth.set(id, 0);
  const levels: string[][] = [];
  let d = 0;
  while (frontier.length) {
    levels.push(frontier);
    const next: string[] = [];
    for (const id of frontier) for (const m of adj.get(id) ?? []) if (!depth.has(m)) (depth.set(m, d + 1), next.push(m));
    frontier = next;
    d++;
  }
  const rest = req.nodes.filter((n) => !depth.has(n.id)).map((n) => n.id);
  if (rest.length) levels.push(rest);
  const out: Positions = {};
  levels.forEach((level, li) => {
    if (li > 0) {
      // under the mean position of the neighbours one level up
      const key = (id: string) => {
        const xs = (adj.get(id) ?? []).map((m) => out[m]?.x).filter((x): x is number => x !== undefined);
        return xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : 0;
      };
      const keys = new Map(level.map((id) => [id, key(id)]));
      level.sort((a, b) => keys.get(a)! - keys.get(b)!);
    }
    const width = (level.length - 1) * SPACING;
    level.forEach((id, i) => (out[id] = { x: Math.round(i * SPACING - width / 2), y: li * SPACING * 2.2 }));
  });
  return out;
}

/** the layout actually used for a request (dagre gives way on big graphs) */
export function effectiveLayout(req: LayoutRequest): LayoutName {
  return req.name === 'dagre' && req.nodes.length > DAGRE_MAX_NODES ? 'breadthfirst' : req.name;
}

/** Runs a layout (in the worker, or in the page when workers are unavailable). */
export function computeLayout(req: LayoutRequest): Positions {
  const name = effectiveLayout(req);
  if (name === 'concentric') return concentricPositions(req);
  if (name === 'breadthfirst') return breadthfirstPositions(req);
  registerLayouts();
  const cy = cytoscape({
    headless: true,
    styleEnabled: true,
    style: [{ selector: 'node', style: { width: 'data(w)', height: 'data(h)' } }],
    elements: [
      ...req.nodes.map((n) => ({ group: 'nodes' as const, data: { id: n.id, w: n.w, h: n.h, hop: n.hop } })),
      ...req.edges.map((e) => ({ group: 'edges' as const, data: { id: e.id, source: e.s, target: e.t } })),
    ],
  });
  try {
    cy.layout(layoutOptions({ ...req, name })).run();
    const out: Positions = {};
    cy.nodes().forEach((n) => {
      const p = n.position();
      out[n.id()] = { x: Math.round(p.x * 10) / 10, y: Math.round(p.y * 10) / 10 };
    });
    return out;
  } finally {
    cy.destroy();
  }
}
