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

/** Runs a layout on a headless Cytoscape (in the worker, or in the page when workers are unavailable). */
export function computeLayout(req: LayoutRequest): Positions {
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
    cy.layout(layoutOptions(req)).run();
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
