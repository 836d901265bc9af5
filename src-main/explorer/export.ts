/**
 * Exports of an explorer graph (pure): GraphML (XML, every value escaped) and JSON, optionally with
 * the drawn positions.
 */
import type { ExplorerGraph } from './elements.js';

export type Positions = Readonly<Record<string, { x: number; y: number }>>;

/** Escapes text for XML content and attribute values; drops characters XML 1.0 cannot hold. */
export function xmlEscape(s: string): string {
  return s
    .replace(/[^\u0009\u000A\u000D\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

const NODE_KEYS = [
  ['type', 'string'],
  ['label', 'string'],
  ['kind', 'string'],
  ['level', 'int'],
  ['severity', 'string'],
  ['findings', 'int'],
  ['origins', 'string'],
  ['count', 'int'],
  ['x', 'double'],
  ['y', 'double'],
] as const;

function data(key: string, value: unknown): string {
  if (value === null || value === undefined) return '';
  return `<data key="${key}">${xmlEscape(String(value))}</data>`;
}

/** A GraphML document: node data keys type, label, kind, level, severity, findings, origins, count (x, y with positions); edge key attr. */
export function toGraphML(graph: ExplorerGraph, positions?: Positions): string {
  const lines: string[] = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">',
  ];
  for (const [k, t] of NODE_KEYS) lines.push(`  <key id="${k}" for="node" attr.name="${k}" attr.type="${t}"/>`);
  lines.push('  <key id="attr" for="edge" attr.name="attr" attr.type="string"/>');
  lines.push(`  <graph id="kattegat" edgedefault="directed">`);
  const ids = new Set<string>();
  for (const n of graph.nodes) {
    ids.add(n.id);
    const p = positions?.[n.id];
    lines.push(
      `    <node id="${xmlEscape(n.id)}">` +
        data('type', n.type) +
        data('label', n.label) +
        data('kind', n.kind) +
        data('level', n.level) +
        data('severity', n.severity) +
        data('findings', n.findings) +
        data('origins', n.origins.join(' ')) +
        data('count', n.count) +
        (p ? data('x', p.x) + data('y', p.y) : '') +
        '</node>',
    );
  }
  for (const e of graph.edges) {
    if (!ids.has(e.source) || !ids.has(e.target)) continue;
    lines.push(`    <edge id="${xmlEscape(e.id)}" source="${xmlEscape(e.source)}" target="${xmlEscape(e.target)}">${data('attr', e.attr)}</edge>`);
  }
  lines.push('  </graph>', '</graphml>', '');
  return lines.join('\n');
}

/** The graph as pretty JSON: { nodes (with x, y when positioned), edges, asOf, truncated, total }. */
export function toJSON(graph: ExplorerGraph, positions?: Positions): string {
  const nodes = graph.nodes.map((n) => {
    const p = positions?.[n.id];
    return p ? { ...n, position: { x: p.x, y: p.y } } : n;
  });
  return JSON.stringify({ format: 'kattegat-explorer/1', asOf: graph.asOf, truncated: graph.truncated, total: graph.total, nodes, edges: graph.edges }, null, 2) + '\n';
}
