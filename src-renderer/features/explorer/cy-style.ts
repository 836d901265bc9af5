import type { StylesheetJson } from 'cytoscape';
import { FAMILIES, LEVEL_COLORS, MARK_COLORS, SEVERITY_COLORS, SEVERITY_ORDER, SEVERITY_SIZE, familyOf, levelBorderWidth } from './type-style';

/** a small SVG with the glyph of a type, used as the node's background image (cached per glyph) */
const glyphCache = new Map<string, string>();
export function glyphImage(glyph: string): string {
  let uri = glyphCache.get(glyph);
  if (!uri) {
    const size = glyph.length <= 1 ? 30 : glyph.length === 2 ? 24 : 18;
    const esc = glyph.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
    const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="64" height="64" viewBox="0 0 64 64"><text x="32" y="${32 + size * 0.36}" text-anchor="middle" font-family="DejaVu Sans, Arial, sans-serif" font-weight="700" font-size="${size}" fill="#ffffff">${esc}</text></svg>`;
    uri = `data:image/svg+xml;utf8,${encodeURIComponent(svg)}`;
    glyphCache.set(glyph, uri);
  }
  return uri;
}

export interface StyleOptions {
  dark: boolean;
  /** a big graph: no glyph images, labels only where they matter, straight edges without arrows */
  large: boolean;
}

/** a class-safe form of a type name */
export const typeClass = (type: string) => `t-${type.replace(/[^A-Za-z0-9_-]/g, '_')}`;

/**
 * The classes that style a node: its type family (shape, colour), worst severity (size, glow), scan
 * level (border: solid declared, dashed inherited, dotted none). Classes, not style functions, so
 * Cytoscape can cache the computed styles (this matters at 5,000 elements).
 */
export function nodeClasses(n: { type: string; kind: string; level: number | null; levelInherited?: boolean; severity: string | null }): string[] {
  const out = [`f-${familyOf(n.type).id}`, typeClass(n.type)];
  if (n.kind === 'collection') out.push('collection');
  if (n.severity) out.push(`sev-${n.severity}`);
  const level = n.level ?? 0;
  out.push(`lvl-${level}`);
  if (level === 0) out.push('lvl-none');
  else if (n.levelInherited) out.push('lvl-inh');
  return out;
}

/** the glyph image of a type (as node data, so the stylesheet maps it with data()) */
export function glyphOf(type: string): string {
  return glyphImage(familyOf(type).glyph(type));
}

/**
 * The Cytoscape stylesheet. Data fields read: display (the label), attr (edges), glyph. Classes:
 * see nodeClasses, plus match, faded, path, added, removed, changed, proof, proof-origin, start,
 * filtered.
 */
export function buildStylesheet({ dark, large }: StyleOptions): StylesheetJson {
  const text = dark ? '#e6e6ea' : '#1c1d21';
  const textBg = dark ? '#16171b' : '#ffffff';
  const edge = dark ? '#4a4c58' : '#b9bcc7';
  const sheet: StylesheetJson = [
    {
      selector: 'node',
      style: {
        width: SEVERITY_SIZE.none,
        height: SEVERITY_SIZE.none,
        'background-color': '#7c7f8c',
        'border-width': 1,
        'border-color': LEVEL_COLORS[0],
        'border-style': 'solid',
        label: large ? '' : 'data(display)',
        color: text,
        'font-size': 10,
        'text-valign': 'bottom',
        'text-margin-y': 4,
        'text-max-width': '160px',
        'text-wrap': 'ellipsis',
        'text-background-color': textBg,
        'text-background-opacity': 0.75,
        'text-background-padding': '1px',
        'min-zoomed-font-size': 6,
        ...(large ? {} : { 'background-image': 'data(glyph)', 'background-fit': 'contain', 'background-clip': 'none' }),
      },
    },
    // labels of a big graph: only where they matter
    ...(large ? [{ selector: 'node.start, node.match, node:selected, node.path, node.collection', style: { label: 'data(display)' } }] : []),
    ...FAMILIES.map((f) => ({ selector: `node.f-${f.id}`, style: { shape: f.shape, 'background-color': f.color } })),
    ...SEVERITY_ORDER.map((sev) => ({
      selector: `node.sev-${sev}`,
      style: { width: SEVERITY_SIZE[sev], height: SEVERITY_SIZE[sev], 'underlay-color': SEVERITY_COLORS[sev], 'underlay-opacity': 0.35, 'underlay-padding': 5, 'underlay-shape': 'ellipse' as const },
    })),
    ...LEVEL_COLORS.map((color, level) => ({ selector: `node.lvl-${level}`, style: { 'border-color': color, 'border-width': levelBorderWidth(level) } })),
    { selector: 'node.lvl-inh', style: { 'border-style': 'dashed' } },
    { selector: 'node.lvl-none', style: { 'border-style': 'dotted' } },
    {
      selector: 'node.collection',
      style: {
        shape: 'round-rectangle',
        width: 64,
        height: 30,
        'border-style': 'double',
        'border-width': 4,
        'border-color': '#9a9dab',
        'background-opacity': 0.25,
        'background-image': 'none',
        'text-valign': 'center',
        'text-margin-y': 0,
        'font-weight': 'bold',
        'text-background-opacity': 0,
      },
    },
    { selector: 'node.start', style: { 'outline-width': 2, 'outline-color': dark ? '#ffffff' : '#1c1d21', 'outline-offset': 3 } },
    {
      selector: 'edge',
      style: {
        width: 1.2,
        'line-color': edge,
        'curve-style': large ? 'haystack' : 'bezier',
        'target-arrow-shape': large ? 'none' : 'triangle',
        'target-arrow-color': edge,
        'arrow-scale': 0.7,
        ...(large
          ? {}
          : {
              label: 'data(attr)',
              'font-size': 8,
              color: dark ? '#9a9dab' : '#6b6f7b',
              'text-rotation': 'autorotate',
              'text-background-color': textBg,
              'text-background-opacity': 0.7,
              'min-zoomed-font-size': 7,
            }),
      },
    },
    { selector: '.faded', style: { opacity: 0.18 } },
    { selector: 'node.match', style: { 'underlay-color': MARK_COLORS.match, 'underlay-opacity': 0.8, 'underlay-padding': 8, 'underlay-shape': 'ellipse', 'font-weight': 'bold' } },
    { selector: 'node.path', style: { 'underlay-color': MARK_COLORS.path, 'underlay-opacity': 0.7, 'underlay-padding': 7, 'underlay-shape': 'ellipse' } },
    { selector: 'edge.path', style: { 'line-color': MARK_COLORS.path, 'target-arrow-color': MARK_COLORS.path, width: 4, 'z-index': 10, 'curve-style': 'bezier' } },
    { selector: 'node.proof', style: { 'outline-width': 3, 'outline-color': MARK_COLORS.proof, 'outline-offset': 2 } },
    { selector: 'edge.proof', style: { 'line-color': MARK_COLORS.proof, 'target-arrow-color': MARK_COLORS.proof, 'line-style': 'dashed', width: 2.5, label: 'data(attr)', 'curve-style': 'bezier' } },
    { selector: 'node.proof-origin', style: { shape: 'tag', 'background-color': MARK_COLORS.proof, width: 22, height: 22, 'background-image': 'none', 'border-width': 0, label: 'data(display)' } },
    { selector: 'node.added', style: { 'underlay-color': MARK_COLORS.added, 'underlay-opacity': 0.85, 'underlay-padding': 8, 'underlay-shape': 'ellipse' } },
    { selector: 'node.removed', style: { 'underlay-color': MARK_COLORS.removed, 'underlay-opacity': 0.85, 'underlay-padding': 8, 'underlay-shape': 'ellipse', 'background-opacity': 0.45 } },
    { selector: 'node.changed', style: { 'underlay-color': MARK_COLORS.changed, 'underlay-opacity': 0.85, 'underlay-padding': 8, 'underlay-shape': 'ellipse' } },
    { selector: 'edge.added', style: { 'line-color': MARK_COLORS.added, 'target-arrow-color': MARK_COLORS.added, width: 3 } },
    { selector: 'edge.removed', style: { 'line-color': MARK_COLORS.removed, 'target-arrow-color': MARK_COLORS.removed, width: 3, 'line-style': 'dashed' } },
    { selector: '.filtered', style: { display: 'none' } },
    { selector: 'node:selected', style: { 'overlay-color': dark ? '#ffffff' : '#5b5bd6', 'overlay-opacity': 0.25, 'overlay-padding': 6 } },
    { selector: 'edge:selected', style: { 'line-color': '#7c7cf0', 'target-arrow-color': '#7c7cf0', width: 3 } },
  ];
  return sheet;
}

/** the legend's rows (families, severities, levels), kept next to the stylesheet they explain */
export const LEGEND = {
  families: FAMILIES.map((f) => ({ id: f.id, label: f.label, color: f.color, shape: f.shape, glyph: f.glyph(f.id === 'other' ? 'OOI' : '') })),
  severities: SEVERITY_ORDER.map((s) => ({ severity: s, color: SEVERITY_COLORS[s], size: SEVERITY_SIZE[s] })),
  levels: LEVEL_COLORS.map((color, level) => ({ level, color, width: levelBorderWidth(level) })),
};
