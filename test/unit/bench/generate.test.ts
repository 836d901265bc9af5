import { describe, expect, it } from 'vitest';
import { generateGraph } from '../../../bench/generate';
import { normalizeObject, referencesOf } from '../../../src-main/graph/model';

describe('bench graph generator', () => {
  it('is deterministic by seed', () => {
    const a = generateGraph({ objects: 3000, seed: 7 });
    const b = generateGraph({ objects: 3000, seed: 7 });
    const c = generateGraph({ objects: 3000, seed: 8 });
    expect(JSON.stringify(b.observations)).toBe(JSON.stringify(a.observations));
    expect(b.sample).toEqual(a.sample);
    expect(JSON.stringify(c.observations)).not.toBe(JSON.stringify(a.observations));
  });

  it.each([200, 2500, 20_000])('makes %i distinct objects (within 2 %)', (objects) => {
    const g = generateGraph({ objects, seed: 1 });
    const pks = new Set<string>();
    for (const o of g.observations) for (const r of o.results) pks.add(r.pk);
    expect(g.objectCount).toBe(pks.size);
    expect(Math.abs(pks.size - objects)).toBeLessThanOrEqual(objects * 0.02);
    expect(g.sample.all).toHaveLength(pks.size);
  });

  it('emits valid objects whose references and sources are created no later than they are used', () => {
    const g = generateGraph({ objects: 5000, seed: 3, org: 'Example Corp' });
    const known = new Set<string>();
    const byPk = new Map<string, string>();
    for (const [i, o] of g.observations.entries()) {
      const here = new Set(o.results.map((r) => r.pk));
      if (o.kind === 'declaration') {
        expect(o.results.map((r) => r.pk)).toEqual([o.source]);
      } else {
        expect(known.has(o.source), `origin ${i} (${o.method}) source ${o.source} is not an earlier result`).toBe(true);
      }
      for (const p of o.parameters ?? []) expect(known.has(p), `parameter ${p}`).toBe(true);
      for (const r of o.results) {
        // canonical form: normalising again changes nothing
        expect(normalizeObject(r.type, r.data)).toEqual(r);
        // one object, one content, wherever it appears
        const json = JSON.stringify(r.data);
        expect(byPk.get(r.pk) ?? json).toBe(json);
        byPk.set(r.pk, json);
        for (const ref of referencesOf(r)) {
          expect(known.has(ref.target) || here.has(ref.target), `${r.pk}.${ref.attr} -> ${ref.target}`).toBe(true);
        }
      }
      for (const pk of here) known.add(pk);
    }
  });

  it('has one origin per (kind, method, source method, source)', () => {
    const g = generateGraph({ objects: 5000, seed: 4 });
    const ids = g.observations.map((o) => [o.kind, o.method, o.sourceMethod ?? '', o.source].join('\u0000'));
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('samples objects of the kinds the benchmarks query', () => {
    const { sample } = generateGraph({ objects: 5000, seed: 5 });
    for (const [kind, prefix] of [
      ['hostnames', 'Hostname|'],
      ['ips', 'IPAddressV'],
      ['ports', 'IPPort|'],
      ['ipServices', 'IPService|'],
      ['websites', 'Website|'],
      ['resources', 'HTTPResource|'],
      ['findings', 'Finding|'],
    ] as const) {
      expect(sample[kind].length, kind).toBeGreaterThan(0);
      for (const pk of sample[kind]) expect(pk.startsWith(prefix), pk).toBe(true);
    }
  });

  it('refuses a size it cannot meet', () => {
    expect(() => generateGraph({ objects: 10, seed: 1 })).toThrow(RangeError);
  });
});
