/**
 * Test helpers: OpenKAT's recalculation written out literally (octopoes recalculate_scan_profiles),
 * as an oracle independent of src-main/levels/compute.ts, and random graphs over the model's real
 * reference caps.
 */
import { allTypes, referenceFields } from '../../../src-main/graph/model';
import { capsOfRef } from '../../../src-main/levels/caps';
import type { RefRow } from '../../../src-main/levels/repository';
import { Rng } from '../../../bench/prng';

/** Inherited levels (>= 1) as OpenKAT computes them. */
export function oracle(rows: readonly RefRow[], declared: ReadonlyMap<string, number>): Map<string, number> {
  const assigned = new Map(declared);
  for (let level = 4; level >= 1; level--) {
    let next = new Set<string>();
    for (const [pk, l] of declared) if (l === level) next.add(pk);
    for (const [pk, l] of assigned) if (l > level) next.add(pk);
    while (next.size > 0) {
      const found = new Set<string>();
      for (const r of rows) {
        const c = capsOfRef(r.source, r.attr);
        if (next.has(r.source) && c.issue >= level && !assigned.has(r.target)) found.add(r.target);
        if (next.has(r.target) && c.inherit >= level && !assigned.has(r.source)) found.add(r.source);
      }
      for (const pk of found) assigned.set(pk, level);
      next = found;
    }
  }
  for (const pk of declared.keys()) assigned.delete(pk);
  return assigned;
}

/** (type, attr) pairs of the model, those along which something flows made likelier. */
const PAIRS = allTypes()
  .filter((t) => !t.abstract)
  .flatMap((t) => referenceFields(t.name).map((f) => ({ type: t.name, attr: f.name, flows: (f.maxIssueScanLevel ?? 0) + (f.maxInheritScanLevel ?? 0) > 0 })));
const FLOWING = PAIRS.filter((p) => p.flows);

export function randomRef(rng: Rng, source: string, nodes: readonly string[]): RefRow {
  const type = source.split('|')[0]!;
  const own = PAIRS.filter((p) => p.type === type);
  const attr = own.length > 0 ? rng.pick(own).attr : 'nothing';
  return { source, attr, target: rng.pick(nodes) };
}

/** A node name whose prefix is a real type (so the model's caps apply). */
export function randomNode(rng: Rng, i: number): string {
  const p = rng.chance(0.8) ? rng.pick(FLOWING) : rng.pick(PAIRS);
  return `${p.type}|n${i}`;
}

/** Random references of a source: at most one per attribute, as in the refs table. */
export function randomRefsOf(rng: Rng, source: string, nodes: readonly string[], max: number): RefRow[] {
  const out = new Map<string, RefRow>();
  const n = rng.int(0, max);
  for (let i = 0; i < n; i++) {
    const r = randomRef(rng, source, nodes);
    if (r.target !== source) out.set(r.attr, r);
  }
  return [...out.values()];
}
