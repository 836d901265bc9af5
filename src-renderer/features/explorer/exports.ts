import type { Core } from 'cytoscape';
import { toGraphML, toJSON } from '../../../src-main/explorer/export';
import { explorerController } from './controller';
import { saveBlob } from '../../components/save-file';
import { buildSvg, type SvgEdge, type SvgNode } from './svg-export';

export type ExportFormat = 'png' | 'svg' | 'graphml' | 'json';

function stamp(): string {
  return new Date().toISOString().slice(0, 19).replace(/[:T]/g, '-');
}

function isDark(): boolean {
  const t = document.documentElement.dataset.theme;
  return t ? t === 'dark' : window.matchMedia?.('(prefers-color-scheme: dark)').matches === true;
}

/** the visible drawing as an SVG document */
export function svgOf(cy: Core): string {
  const nodes: SvgNode[] = [];
  const pos = new Map<string, { x: number; y: number }>();
  cy.nodes().forEach((n) => {
    if (!n.visible()) return;
    const p = n.position();
    pos.set(n.id(), p);
    nodes.push({
      id: n.id(),
      x: p.x,
      y: p.y,
      type: String(n.data('type')),
      kind: String(n.data('kind')),
      label: String(n.data('display') ?? n.data('label') ?? n.id()),
      level: (n.data('level') as number | null) ?? null,
      levelInherited: !!n.data('levelInherited'),
      severity: (n.data('severity') as SvgNode['severity']) ?? null,
      classes: n.classes(),
    });
  });
  const edges: SvgEdge[] = [];
  cy.edges().forEach((e) => {
    const s = pos.get(e.source().id());
    const t = pos.get(e.target().id());
    if (s && t && e.visible()) edges.push({ source: s, target: t, attr: String(e.data('attr') ?? ''), classes: e.classes() });
  });
  return buildSvg(nodes, edges, { dark: isDark() });
}

/** Exports the view (PNG, SVG: the drawing) or the data (GraphML, JSON: every node and edge in the model, with positions). Returns the file name. */
export async function exportAs(format: ExportFormat, asOf: string | null): Promise<string> {
  const c = explorerController();
  const name = `kattegat-graph-${stamp()}.${format}`;
  if (format === 'png' || format === 'svg') {
    const cy = c.cy;
    if (!cy || cy.nodes().length === 0) throw new Error('Nothing is drawn to export.');
    if (format === 'png') {
      const blob = (await cy.png({ output: 'blob-promise', full: true, scale: cy.nodes().length > 2000 ? 1 : 2, bg: isDark() ? '#16171b' : '#ffffff', maxWidth: 8000, maxHeight: 8000 })) as Blob;
      saveBlob(blob, name);
    } else saveBlob(new Blob([svgOf(cy)], { type: 'image/svg+xml' }), name);
    return name;
  }
  const graph = c.graph(asOf);
  const positions = c.currentPositions();
  const text = format === 'graphml' ? toGraphML(graph, positions) : toJSON(graph, positions);
  saveBlob(new Blob([text], { type: format === 'graphml' ? 'application/graphml+xml' : 'application/json' }), name);
  return name;
}
