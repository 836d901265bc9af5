/**
 * An SVG of the drawing, built from the node positions and the explorer's own styles (Cytoscape
 * draws on a canvas only; no extra dependency): shapes, colours, level borders, severity glows,
 * marks, edges with their attribute, labels. Pure over a small description of the drawing.
 */
import { LEVEL_COLORS, MARK_COLORS, SEVERITY_COLORS, SEVERITY_SIZE, familyOf, levelBorderWidth, type NodeShape } from './type-style';

export interface SvgNode {
  id: string;
  x: number;
  y: number;
  type: string;
  kind: string;
  label: string;
  level: number | null;
  levelInherited?: boolean;
  severity: keyof typeof SEVERITY_COLORS | null;
  classes: string[];
}
export interface SvgEdge {
  source: { x: number; y: number };
  target: { x: number; y: number };
  attr: string;
  classes: string[];
}

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const r1 = (n: number) => Math.round(n * 10) / 10;

function polygon(shape: NodeShape, x: number, y: number, r: number): string | null {
  const pts = (list: [number, number][]) => list.map(([a, b]) => `${r1(x + a * r)},${r1(y + b * r)}`).join(' ');
  const regular = (k: number, rot: number) => pts(Array.from({ length: k }, (_, i) => [Math.cos(rot + (i * 2 * Math.PI) / k), Math.sin(rot + (i * 2 * Math.PI) / k)] as [number, number]));
  switch (shape) {
    case 'hexagon':
      return regular(6, 0);
    case 'octagon':
      return regular(8, Math.PI / 8);
    case 'diamond':
      return pts([[0, -1], [1, 0], [0, 1], [-1, 0]]);
    case 'round-triangle':
      return regular(3, -Math.PI / 2);
    case 'rhomboid':
      return pts([[-0.6, -0.8], [1, -0.8], [0.6, 0.8], [-1, 0.8]]);
    case 'round-tag':
      return pts([[-1, -0.8], [0.5, -0.8], [1, 0], [0.5, 0.8], [-1, 0.8]]);
    case 'star':
      return pts(Array.from({ length: 10 }, (_, i) => {
        const a = -Math.PI / 2 + (i * Math.PI) / 5;
        const k = i % 2 === 0 ? 1 : 0.45;
        return [k * Math.cos(a), k * Math.sin(a)] as [number, number];
      }));
    default:
      return null;
  }
}

function markColor(classes: string[]): string | null {
  for (const c of ['added', 'removed', 'changed', 'path', 'match', 'proof'] as const) if (classes.includes(c)) return MARK_COLORS[c];
  return null;
}

export function buildSvg(nodes: SvgNode[], edges: SvgEdge[], opts: { dark: boolean }): string {
  const bg = opts.dark ? '#16171b' : '#ffffff';
  const text = opts.dark ? '#e6e6ea' : '#1c1d21';
  const edgeColor = opts.dark ? '#4a4c58' : '#b9bcc7';
  let minX = Infinity, minY = Infinity, maxX = -Infinity, maxY = -Infinity;
  for (const n of nodes) {
    minX = Math.min(minX, n.x - 60);
    maxX = Math.max(maxX, n.x + 60);
    minY = Math.min(minY, n.y - 40);
    maxY = Math.max(maxY, n.y + 50);
  }
  if (!Number.isFinite(minX)) [minX, minY, maxX, maxY] = [0, 0, 100, 100];
  const w = r1(maxX - minX);
  const h = r1(maxY - minY);
  const out: string[] = [
    `<?xml version="1.0" encoding="UTF-8"?>`,
    `<svg xmlns="http://www.w3.org/2000/svg" width="${w}" height="${h}" viewBox="${r1(minX)} ${r1(minY)} ${w} ${h}" font-family="DejaVu Sans, Arial, sans-serif">`,
    `<defs><marker id="arrow" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="6" markerHeight="6" orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10 z" fill="${edgeColor}"/></marker></defs>`,
    `<rect x="${r1(minX)}" y="${r1(minY)}" width="${w}" height="${h}" fill="${bg}"/>`,
    `<g class="edges">`,
  ];
  for (const e of edges) {
    const mark = markColor(e.classes);
    out.push(`<line x1="${r1(e.source.x)}" y1="${r1(e.source.y)}" x2="${r1(e.target.x)}" y2="${r1(e.target.y)}" stroke="${mark ?? edgeColor}" stroke-width="${mark ? 3 : 1.2}"${e.classes.includes('removed') ? ' stroke-dasharray="6 4"' : ''} marker-end="url(#arrow)"><title>${esc(e.attr)}</title></line>`);
    if (edges.length <= 1500) {
      out.push(`<text x="${r1((e.source.x + e.target.x) / 2)}" y="${r1((e.source.y + e.target.y) / 2)}" font-size="8" fill="${opts.dark ? '#9a9dab' : '#6b6f7b'}" text-anchor="middle">${esc(e.attr)}</text>`);
    }
  }
  out.push(`</g>`, `<g class="nodes">`);
  for (const n of nodes) {
    const fam = familyOf(n.type);
    const collection = n.kind === 'collection';
    const size = collection ? 30 : SEVERITY_SIZE[n.severity ?? 'none'];
    const r = size / 2;
    const fill = fam.color;
    const stroke = collection ? fam.color : (LEVEL_COLORS[n.level ?? 0] ?? LEVEL_COLORS[0]);
    const sw = collection ? 3 : levelBorderWidth(n.level);
    const dash = !collection && (n.level ?? 0) === 0 ? ' stroke-dasharray="2 2"' : n.levelInherited ? ' stroke-dasharray="5 3"' : '';
    out.push(`<g class="node" data-id="${esc(n.id)}"><title>${esc(n.id)}</title>`);
    const glow = markColor(n.classes) ?? (n.severity ? SEVERITY_COLORS[n.severity] : null);
    if (glow) out.push(`<circle cx="${r1(n.x)}" cy="${r1(n.y)}" r="${r1(r + 6)}" fill="${glow}" fill-opacity="${markColor(n.classes) ? 0.8 : 0.35}"/>`);
    const attrs = `fill="${fill}"${collection ? ' fill-opacity="0.25"' : ''} stroke="${stroke}" stroke-width="${sw}"${dash}`;
    if (collection) out.push(`<rect x="${r1(n.x - 32)}" y="${r1(n.y - 15)}" width="64" height="30" rx="6" ${attrs}/>`);
    else {
      const poly = polygon(fam.shape, n.x, n.y, r);
      if (poly) out.push(`<polygon points="${poly}" ${attrs}/>`);
      else if (fam.shape === 'ellipse') out.push(`<circle cx="${r1(n.x)}" cy="${r1(n.y)}" r="${r1(r)}" ${attrs}/>`);
      else out.push(`<rect x="${r1(n.x - r)}" y="${r1(n.y - r)}" width="${size}" height="${size}" rx="${r1(r / 3)}" ${attrs}/>`);
      const glyph = fam.glyph(n.type);
      out.push(`<text x="${r1(n.x)}" y="${r1(n.y + 4)}" font-size="${glyph.length > 2 ? 8 : 11}" font-weight="700" fill="#ffffff" text-anchor="middle">${esc(glyph)}</text>`);
    }
    out.push(`<text x="${r1(n.x)}" y="${r1(collection ? n.y + 4 : n.y + r + 12)}" font-size="10" fill="${text}" text-anchor="middle"${collection ? ' font-weight="700"' : ''}>${esc(n.label)}</text></g>`);
  }
  out.push(`</g>`, `</svg>`, ``);
  return out.join('\n');
}
