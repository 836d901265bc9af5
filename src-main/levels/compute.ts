/**
 * Scan-level computation (OpenKAT section 3), pure. For each level L from 4 down to 1, a BFS from
 * the objects declared at L or above and those already assigned above L follows every edge whose
 * cap is >= L; each newly reached object that is not declared gets L. Declared objects keep their
 * level and stop the walk (a declared L0 blocks inheritance). Highest level wins, no depth cap.
 *
 * Incremental recalculation (updateInherited) keeps each level's reach up to date by deleting and
 * rederiving only around the change; test/unit/levels proves it equal to a full recalculation.
 */
import type { LevelGraph } from './graph';

export type Levels = ReadonlyMap<string, number>;

/** Inherited levels (>= 1) of every non-declared object, from scratch. */
export function computeInherited(g: LevelGraph, declared: Levels): Map<string, number> {
  const assigned = new Map<string, number>();
  const seedList = [...declared];
  const reached: string[] = [];
  for (let level = 4; level >= 1; level--) {
    const queue: string[] = [];
    for (const [pk, l] of seedList) if (l >= level) queue.push(pk);
    for (const pk of reached) queue.push(pk);
    const reach = (v: string) => {
      if (assigned.has(v) || declared.has(v)) return;
      assigned.set(v, level);
      reached.push(v);
      queue.push(v);
    };
    // (flowsFrom, inlined: this loop is the whole cost of a full recalculation)
    for (let i = 0; i < queue.length; i++) {
      const u = queue[i]!;
      const out = g.outOf(u);
      if (out) for (const e of out) if (e.issue >= level) reach(e.target);
      const inc = g.inOf(u);
      if (inc) for (const e of inc) if (e.inherit >= level) reach(e.source);
    }
  }
  return assigned;
}

/**
 * Incremental update after a change, per threshold T from 4 down to 1 (an object's level is the
 * highest T whose reach holds it; the reaches are nested), in the delete-and-rederive manner:
 * 1. over-delete: the old members reachable at T from the changed objects and their neighbours
 *    (before and after), not passing objects already known to hold a higher level, may have lost
 *    their support;
 * 2. rederive: those that still have an in-flow >= T from a declared object >= T or a member, and
 *    everything newly reachable from them, from new seeds or from objects raised at a higher
 *    threshold, are members.
 * `inherited` holds the levels before the change (changed objects now declared or deleted already
 * removed); returns the objects whose inherited level changed (0 = no longer inherited), without
 * applying it. The work is proportional to what can change, not to the graph.
 */
export function updateInherited(
  g: LevelGraph,
  declared: Levels,
  inherited: Levels,
  changed: Iterable<string>,
  before: Iterable<string> = [],
  gone: ReadonlySet<string> = new Set(),
): Map<string, number> {
  const near = new Set<string>();
  for (const c of changed) {
    near.add(c);
    for (const n of g.neighbours(c)) near.add(n);
  }
  for (const b of before) near.add(b);
  for (const x of gone) near.delete(x);

  const old = (v: string) => inherited.get(v) ?? 0;
  const over: Set<string>[] = Array.from({ length: 6 }, () => new Set<string>());
  const added: Set<string>[] = Array.from({ length: 6 }, () => new Set<string>());
  const member = (v: string, level: number): boolean => {
    if (declared.has(v) || gone.has(v)) return false;
    for (let t = level; t <= 4; t++) if (added[t]!.has(v) || (old(v) >= t && !over[t]!.has(v))) return true;
    return false;
  };
  const raisedAbove: string[] = [];

  for (let level = 4; level >= 1; level--) {
    const o = over[level]!;
    const a = added[level]!;
    // 1. over-delete
    const stack: string[] = [];
    const mayLose = (v: string) => !o.has(v) && !declared.has(v) && old(v) >= level && !member(v, level + 1);
    for (const v of near) if (mayLose(v)) (o.add(v), stack.push(v));
    while (stack.length > 0) {
      for (const f of g.flowsFrom(stack.pop()!)) if (f.cap >= level && mayLose(f.node)) (o.add(f.node), stack.push(f.node));
    }
    // 2. rederive
    const queue: string[] = [...raisedAbove];
    for (const v of near) if ((declared.get(v) ?? -1) >= level) queue.push(v);
    const isSource = (u: string) => (declared.get(u) ?? -1) >= level || member(u, level);
    for (const v of [...o, ...near]) {
      if (declared.has(v) || member(v, level)) continue;
      for (const f of g.flowsInto(v)) {
        if (f.cap >= level && isSource(f.node)) {
          a.add(v);
          queue.push(v);
          break;
        }
      }
    }
    for (let i = 0; i < queue.length; i++) {
      for (const f of g.flowsFrom(queue[i]!)) {
        const w = f.node;
        if (f.cap < level || declared.has(w) || gone.has(w) || member(w, level)) continue;
        a.add(w);
        queue.push(w);
      }
    }
    raisedAbove.push(...a);
  }

  const diff = new Map<string, number>();
  const touched = new Set<string>(near);
  for (let t = 1; t <= 4; t++) for (const s of [over[t]!, added[t]!]) for (const v of s) touched.add(v);
  for (const v of touched) {
    if (declared.has(v) || gone.has(v)) continue;
    let next = 0;
    for (let t = 4; t >= 1 && next === 0; t--) if (member(v, t)) next = t;
    if (next !== old(v)) diff.set(v, next);
  }
  return diff;
}
