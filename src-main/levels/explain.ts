/**
 * Why an object has its inherited level: the shortest chain of objects and edges back to a declared
 * profile that gives it (e.g. IPAddress L2 <- ResolvedHostname <- Hostname declared L2). Pure.
 */
import { typeOfPk } from '../graph/model';
import type { LevelGraph } from './graph';
import type { Levels } from './compute';
import type { ExplanationStep } from '../api/contracts/levels';

export function explainLevel(g: LevelGraph, declared: Levels, inherited: Levels, pk: string): ExplanationStep[] {
  const d = declared.get(pk);
  if (d !== undefined) return [{ pk, type: typeOfPk(pk), level: d, kind: 'declared' }];
  const level = inherited.get(pk) ?? 0;
  if (level === 0) return [];
  const parent = new Map<string, { from: string; step: ExplanationStep['via'] }>();
  const queue = [pk];
  const seen = new Set([pk]);
  for (let i = 0; i < queue.length; i++) {
    const x = queue[i]!;
    for (const f of g.flowsInto(x)) {
      const y = f.node;
      if (f.cap < level || seen.has(y)) continue;
      const dy = declared.get(y);
      const ok = dy !== undefined ? dy >= level : (inherited.get(y) ?? 0) >= level;
      if (!ok) continue;
      seen.add(y);
      const e = f.edge;
      parent.set(y, {
        from: x,
        step: { source: e.source, attr: e.attr, target: e.target, direction: e.source === x ? 'inherit' : 'issue', cap: f.cap },
      });
      if (dy !== undefined) return chain(y, pk, parent, declared, inherited);
      queue.push(y);
    }
  }
  return [];
}

function chain(
  found: string,
  start: string,
  parent: Map<string, { from: string; step: ExplanationStep['via'] }>,
  declared: Levels,
  inherited: Levels,
): ExplanationStep[] {
  // walk back from the declared object to the start, then reverse: each step's `via` is the edge
  // along which it got its level from the next step
  const back: string[] = [found];
  for (let cur = found; cur !== start; ) {
    cur = parent.get(cur)!.from;
    back.push(cur);
  }
  back.reverse();
  return back.map((p, i) => {
    const d = declared.get(p);
    const step: ExplanationStep = { pk: p, type: typeOfPk(p), level: d ?? inherited.get(p) ?? 0, kind: d !== undefined ? 'declared' : 'inherited' };
    const next = back[i + 1];
    if (next !== undefined) step.via = parent.get(next)!.step;
    return step;
  });
}
