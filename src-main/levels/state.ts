/**
 * One organisation's levels in memory: the level-carrying graph, the declared levels and the
 * inherited levels (>= 1). A cache of the database, patched in step with it; on any doubt the
 * service drops it and the next use reloads it with a full recalculation.
 */
import { capsOfRef } from './caps';
import { updateInherited } from './compute';
import { LevelGraph, type LevelEdge } from './graph';
import type { RefRow } from './repository';

export interface OrgLevels {
  graph: LevelGraph;
  declared: Map<string, number>;
  inherited: Map<string, number>;
}

export function toEdge(r: RefRow): LevelEdge {
  const c = capsOfRef(r.source, r.attr);
  return { source: r.source, attr: r.attr, target: r.target, issue: c.issue, inherit: c.inherit };
}

export function buildGraph(rows: readonly RefRow[]): LevelGraph {
  const g = new LevelGraph();
  for (const r of rows) {
    const c = capsOfRef(r.source, r.attr);
    if (c.issue > 0 || c.inherit > 0) g.addEdge({ source: r.source, attr: r.attr, target: r.target, issue: c.issue, inherit: c.inherit });
  }
  return g;
}

/** Replaces the outgoing edges of `sources` with the stored references `rows`. */
export function patchGraph(g: LevelGraph, sources: readonly string[], rows: readonly RefRow[]): void {
  const bySource = new Map<string, LevelEdge[]>();
  for (const r of rows) {
    const list = bySource.get(r.source);
    if (list) list.push(toEdge(r));
    else bySource.set(r.source, [toEdge(r)]);
  }
  for (const s of sources) g.setOutEdges(s, bySource.get(s) ?? []);
}

/** The inherited levels of `region` that differ from `current`, as (pk, new level) with 0 = gone. */
export function diffRegion(region: Iterable<string>, computed: ReadonlyMap<string, number>, current: ReadonlyMap<string, number>): Map<string, number> {
  const out = new Map<string, number>();
  for (const pk of region) {
    const next = computed.get(pk) ?? 0;
    if (next !== (current.get(pk) ?? 0)) out.set(pk, next);
  }
  return out;
}

/**
 * Recomputes the levels that may change after `changed` changed (declared status, references or
 * existence); `before` holds the neighbours the changed objects had before. Updates st.inherited
 * and returns what changed there (0 = no longer inherited).
 */
export function recomputeAfter(st: OrgLevels, changed: Iterable<string>, before: Iterable<string> = [], gone?: ReadonlySet<string>): Map<string, number> {
  const diff = updateInherited(st.graph, st.declared, st.inherited, changed, before, gone);
  for (const [pk, l] of diff) {
    if (l === 0) st.inherited.delete(pk);
    else st.inherited.set(pk, l);
  }
  return diff;
}

/** Declares `pks` at `level`; returns the objects whose declared level changed and the inherited diff. */
export function declareIn(st: OrgLevels, pks: readonly string[], level: number): { changed: string[]; inherited: Map<string, number> } {
  const changed = [...new Set(pks)].filter((pk) => st.declared.get(pk) !== level);
  for (const pk of changed) {
    st.declared.set(pk, level);
    st.inherited.delete(pk); // its stored row is replaced by the declared one
  }
  return { changed, inherited: recomputeAfter(st, changed) };
}

/** Removes declared levels; returns the objects that were declared and the inherited diff. */
export function resetIn(st: OrgLevels, pks: readonly string[]): { changed: string[]; inherited: Map<string, number> } {
  const changed = [...new Set(pks)].filter((pk) => st.declared.has(pk));
  for (const pk of changed) st.declared.delete(pk);
  return { changed, inherited: recomputeAfter(st, changed) };
}

/**
 * Objects were created or updated (`touched`, whose stored references are now `rows`) or deleted.
 * Deleted objects leave the state entirely; returns the inherited diff of the others.
 */
export function objectsChangedIn(st: OrgLevels, touched: readonly string[], deleted: readonly string[], rows: readonly RefRow[]): Map<string, number> {
  const before = new Set<string>();
  for (const pk of touched) for (const n of st.graph.neighbours(pk)) before.add(n);
  for (const pk of deleted) for (const n of st.graph.neighbours(pk)) before.add(n);
  for (const pk of deleted) {
    st.graph.removeNode(pk);
    st.declared.delete(pk);
    st.inherited.delete(pk);
  }
  patchGraph(st.graph, touched, rows);
  return recomputeAfter(st, touched, before, new Set(deleted));
}
