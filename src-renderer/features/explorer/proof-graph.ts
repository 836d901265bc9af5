/**
 * "Why does this exist" as a subgraph: every origin of the proof tree becomes a small node between
 * the object it supports and what it rests on (its source, a bit's inputs). Pure.
 */
import type { ElementDefinition } from 'cytoscape';
import type { ProofNode, ProofTree } from '../../../src-main/api/contracts/findings';
import { labelOf } from '../../../src-main/explorer/elements';
import type { GraphModel } from './graph-model';
import { glyphOf, nodeClasses } from './cy-style';

export interface ProofElements {
  /** elements to add (objects not drawn yet, origin nodes, proof edges) */
  defs: ElementDefinition[];
  /** every element of the proof, drawn already or new, for the highlight */
  ids: string[];
}

/** at most this many origins are drawn (a hostname named by hundreds of findings' keys) */
const MAX_ORIGINS = 300;

export function proofElements(tree: ProofTree, model: Pick<GraphModel, 'nodes'>): ProofElements {
  const defs: ElementDefinition[] = [];
  const ids = new Set<string>();
  const added = new Set<string>();
  let origins = 0;

  const objectNode = (n: ProofNode) => {
    ids.add(n.pk);
    if (model.nodes.has(n.pk) || added.has(n.pk)) return;
    added.add(n.pk);
    const label = labelOf(n.pk) + (n.exists ? '' : ' (gone)');
    defs.push({
      group: 'nodes',
      data: { id: n.pk, kind: 'object', type: n.type, label, display: label, level: null, severity: null, findings: 0, origins: [], hop: 0, glyph: glyphOf(n.type) },
      classes: nodeClasses({ type: n.type, kind: 'object', level: null, severity: null }),
    });
  };
  const edge = (source: string, target: string, attr: string) => {
    const id = `proof:${source}|${attr}|${target}`;
    ids.add(id);
    if (added.has(id)) return;
    added.add(id);
    defs.push({ group: 'edges', data: { id, source, target, attr } });
  };

  const walk = (n: ProofNode) => {
    objectNode(n);
    for (const o of n.origins) {
      if (origins >= MAX_ORIGINS) return;
      origins++;
      const oid = `proof:${o.id}`;
      ids.add(oid);
      if (!added.has(oid)) {
        added.add(oid);
        const display = `${o.kind} · ${o.method}`;
        defs.push({ group: 'nodes', data: { id: oid, kind: 'origin', type: 'Origin', label: display, display, level: null, severity: null, findings: 0, origins: [], hop: 0 }, classes: 'proof-origin' });
      }
      edge(oid, n.pk, o.keepsAlive ? 'supports' : 'adds to');
      if (o.source) {
        walk(o.source);
        edge(o.source.pk, oid, o.kind === 'observation' ? 'scanned' : 'source');
      }
      for (const p of o.parameters) {
        walk(p);
        edge(p.pk, oid, 'input');
      }
    }
  };
  walk(tree.root);
  return { defs, ids: [...ids] };
}
