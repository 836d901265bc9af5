/**
 * Property tests of the level computation: the full computation equals OpenKAT's algorithm, and
 * after every random change (levels declared or reset, objects created, updated or deleted) the
 * incrementally maintained levels equal a from-scratch recalculation. Seeded, so reproducible.
 */
import { describe, expect, it } from 'vitest';
import { Rng } from '../../../bench/prng';
import { computeInherited } from '../../../src-main/levels/compute';
import type { RefRow } from '../../../src-main/levels/repository';
import { buildGraph, declareIn, objectsChangedIn, resetIn, type OrgLevels } from '../../../src-main/levels/state';
import { oracle, randomNode, randomRefsOf } from './oracle';

const sorted = (m: ReadonlyMap<string, number>) => [...m].sort((a, b) => (a[0] < b[0] ? -1 : 1));

function randomWorld(rng: Rng) {
  const n = rng.int(3, 40);
  const nodes = Array.from({ length: n }, (_, i) => randomNode(rng, i));
  const refs = new Map<string, RefRow[]>();
  for (const s of nodes) refs.set(s, randomRefsOf(rng, s, nodes, 4));
  const declared = new Map<string, number>();
  for (const pk of nodes) if (rng.chance(0.15)) declared.set(pk, rng.int(0, 4));
  return { nodes, refs, declared, next: n };
}

describe('levels: full computation', () => {
  it('equals OpenKAT\u2019s algorithm on 400 random graphs', () => {
    for (let seed = 1; seed <= 400; seed++) {
      const rng = new Rng(seed);
      const w = randomWorld(rng);
      const rows = [...w.refs.values()].flat();
      expect(sorted(computeInherited(buildGraph(rows), w.declared)), `seed ${seed}`).toEqual(sorted(oracle(rows, w.declared)));
    }
  });
});

describe('levels: incremental recalculation', () => {
  it('stays identical to a from-scratch recalculation after every random change (150 graphs x 60 steps)', () => {
    const counts: Record<string, number> = {};
    for (let seed = 1; seed <= 150; seed++) {
      const rng = new Rng(1000 + seed);
      const w = randomWorld(rng);
      const rowsNow = () => [...w.refs.values()].flat();
      const st: OrgLevels = { graph: buildGraph(rowsNow()), declared: new Map(w.declared), inherited: new Map() };
      st.inherited = computeInherited(st.graph, st.declared);
      for (let step = 0; step < 60; step++) {
        const op = rng.pick(['declare', 'declare', 'reset', 'create', 'update', 'delete'] as const);
        counts[op] = (counts[op] ?? 0) + 1;
        const some = () => Array.from({ length: rng.int(1, 3) }, () => rng.pick(w.nodes));
        if (op === 'declare' && w.nodes.length > 0) {
          const pks = some();
          const level = rng.int(0, 4);
          for (const pk of pks) w.declared.set(pk, level);
          declareIn(st, pks, level);
        } else if (op === 'reset' && w.nodes.length > 0) {
          const pks = rng.chance(0.7) && w.declared.size > 0 ? [rng.pick([...w.declared.keys()])] : some();
          for (const pk of pks) w.declared.delete(pk);
          resetIn(st, pks);
        } else if (op === 'create') {
          // a new object, sometimes also referenced by an existing one (which is then updated)
          const pk = randomNode(rng, w.next++);
          w.nodes.push(pk);
          w.refs.set(pk, randomRefsOf(rng, pk, w.nodes, 3));
          const touched = [pk];
          if (rng.chance(0.5) && w.nodes.length > 1) {
            const other = rng.pick(w.nodes.filter((x) => x !== pk));
            w.refs.set(other, randomRefsOf(rng, other, w.nodes, 4));
            touched.push(other);
          }
          objectsChangedIn(st, touched, [], touched.flatMap((s) => w.refs.get(s)!));
        } else if (op === 'update' && w.nodes.length > 0) {
          const pks = [...new Set(some())];
          for (const pk of pks) w.refs.set(pk, randomRefsOf(rng, pk, w.nodes, 4));
          objectsChangedIn(st, pks, [], pks.flatMap((s) => w.refs.get(s)!));
        } else if (op === 'delete' && w.nodes.length > 0) {
          // the object goes; what referenced it goes too (the graph's cascade) or, sometimes, only
          // drops the reference (an update in the same event)
          const gone = new Set([rng.pick(w.nodes)]);
          const cascade = rng.chance(0.5);
          for (let grew = true; grew && cascade; ) {
            grew = false;
            for (const [s, rs] of w.refs) if (!gone.has(s) && rs.some((r) => gone.has(r.target))) (gone.add(s), (grew = true));
          }
          const updated: string[] = [];
          for (const [s, rs] of w.refs) {
            if (gone.has(s) || !rs.some((r) => gone.has(r.target))) continue;
            w.refs.set(s, rs.filter((r) => !gone.has(r.target)));
            updated.push(s);
          }
          for (const pk of gone) {
            w.refs.delete(pk);
            w.declared.delete(pk);
          }
          w.nodes = w.nodes.filter((x) => !gone.has(x));
          objectsChangedIn(st, updated, [...gone], updated.flatMap((s) => w.refs.get(s)!));
        }
        const where = `seed ${seed} step ${step} (${op})`;
        expect(sorted(st.declared), where).toEqual(sorted(w.declared));
        expect(sorted(st.inherited), where).toEqual(sorted(oracle(rowsNow(), w.declared)));
      }
    }
    // every kind of change was exercised
    for (const op of ['declare', 'reset', 'create', 'update', 'delete']) expect(counts[op]).toBeGreaterThan(500);
  });
});
