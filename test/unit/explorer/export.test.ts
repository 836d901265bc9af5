import { describe, expect, it } from 'vitest';
import { makeEdge, type ExplorerGraph } from '../../../src-main/explorer/elements';
import { toGraphML, toJSON, xmlEscape } from '../../../src-main/explorer/export';

const NASTY = 'Hostname|internet|a<b>&"c\'.example';
const graph: ExplorerGraph = {
  nodes: [
    { id: NASTY, kind: 'object', type: 'Hostname', label: 'a<b>&"c\'\u0001', level: 1, levelInherited: true, severity: 'critical', findings: 2, origins: ['declaration', 'inference'], hop: 0 },
    { id: 'agg:x|address|in|IPPort', kind: 'collection', type: 'IPPort', label: '30 IPPorts', level: null, severity: null, findings: 0, origins: [], count: 30, members: [] },
  ],
  edges: [makeEdge('agg:x|address|in|IPPort', 'address', NASTY), makeEdge(NASTY, 'network', 'Network|internet')],
  truncated: false,
  total: 31,
  asOf: '2026-03-01T00:00:00.000Z',
};

/** A small XML well-formedness check: balanced tags, quoted attributes, only known entities, no stray '<' or '&'. */
function wellFormed(xml: string): { ok: boolean; why?: string; elements: { name: string; attrs: Record<string, string>; text: string }[] } {
  const body = xml.replace(/^<\?xml[^?]*\?>\s*/, '');
  const stack: { name: string; text: string }[] = [];
  const elements: { name: string; attrs: Record<string, string>; text: string }[] = [];
  const re = /<(\/?)([A-Za-z_][\w:.-]*)((?:\s+[\w:.-]+="[^"<]*")*)\s*(\/?)>|([^<]+)/gy;
  let m: RegExpExecArray | null;
  let pos = 0;
  const entities = (s: string) => /^(?:[^&]|&(?:amp|lt|gt|quot|apos);)*$/.test(s);
  while ((m = re.exec(body)) !== null) {
    pos = re.lastIndex;
    if (m[5] !== undefined) {
      if (!entities(m[5])) return { ok: false, why: `bad text ${m[5]}`, elements };
      const top = stack[stack.length - 1];
      if (top) top.text += m[5];
      continue;
    }
    const [, close, name, attrText, selfClose] = m;
    if (close) {
      if (stack.pop()?.name !== name) return { ok: false, why: `unbalanced </${name}>`, elements };
      continue;
    }
    const attrs: Record<string, string> = {};
    for (const a of attrText!.matchAll(/([\w:.-]+)="([^"]*)"/g)) {
      if (!entities(a[2]!)) return { ok: false, why: `bad attribute ${a[2]}`, elements };
      attrs[a[1]!] = a[2]!;
    }
    const el = { name: name!, attrs, text: '' };
    elements.push(el);
    if (!selfClose) stack.push(el);
  }
  if (pos !== body.length) return { ok: false, why: `unparsed at ${pos}: ${body.slice(pos, pos + 40)}`, elements };
  return stack.length === 0 ? { ok: true, elements } : { ok: false, why: `unclosed ${stack.map((e) => e.name).join(',')}`, elements };
}

const unescape = (s: string) => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');

describe('toGraphML', () => {
  it('writes well-formed GraphML with the data keys, every value escaped', () => {
    const xml = toGraphML(graph, { [NASTY]: { x: 1.5, y: -2 } });
    const p = wellFormed(xml);
    expect(p.why).toBeUndefined();
    expect(p.ok).toBe(true);
    const keys = p.elements.filter((e) => e.name === 'key').map((e) => `${e.attrs.for}:${e.attrs['attr.name']}`);
    expect(keys).toEqual(expect.arrayContaining(['node:type', 'node:label', 'node:level', 'node:severity', 'edge:attr']));
    const nodes = p.elements.filter((e) => e.name === 'node');
    expect(nodes.map((n) => unescape(n.attrs.id!))).toEqual([NASTY, 'agg:x|address|in|IPPort']);
    const i = p.elements.findIndex((e) => e.name === 'node');
    const data = (key: string) => p.elements.slice(i + 1).find((e) => e.name === 'data' && e.attrs.key === key)?.text;
    expect(unescape(data('label')!)).toBe('a<b>&"c\''); // the control character is dropped
    expect(data('severity')).toBe('critical');
    expect(data('level')).toBe('1');
    expect([data('x'), data('y')]).toEqual(['1.5', '-2']);
    // an edge to a node not in the graph is left out
    const edges = p.elements.filter((e) => e.name === 'edge');
    expect(edges.map((e) => unescape(e.attrs.source!))).toEqual(['agg:x|address|in|IPPort']);
    expect(xml.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<graphml xmlns="http://graphml.graphdrawing.org/xmlns"')).toBe(true);
  });

  it('escapes the five XML characters', () => {
    expect(xmlEscape(`<a href="x">&'</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;&amp;&apos;&lt;/a&gt;');
  });
});

describe('toJSON', () => {
  it('writes the graph with positions as JSON that reads back', () => {
    const back = JSON.parse(toJSON(graph, { [NASTY]: { x: 3, y: 4 } }));
    expect(back).toMatchObject({ format: 'kattegat-explorer/1', asOf: graph.asOf, total: 31, truncated: false, edges: graph.edges });
    expect(back.nodes[0]).toEqual({ ...graph.nodes[0], position: { x: 3, y: 4 } });
    expect(back.nodes[1]).toEqual(graph.nodes[1]);
  });
});
