/**
 * The reference graph as far as scan levels care: only references along which a level can flow
 * (issue or inherit cap >= 1). Pure and in memory; the service keeps one per organisation in step
 * with the database (loaded once, then patched from objects.changed events).
 */

/** One stored reference `source.attr -> target` with its caps (see caps.ts). */
export interface LevelEdge {
  readonly source: string;
  readonly attr: string;
  readonly target: string;
  /** most the source passes to the target */
  readonly issue: number;
  /** most the source takes from the target */
  readonly inherit: number;
}

/** A neighbour a level can flow to (or from), the edge and the cap along it. */
export interface Flow {
  readonly node: string;
  readonly cap: number;
  readonly edge: LevelEdge;
}

export class LevelGraph {
  private readonly out = new Map<string, LevelEdge[]>();
  private readonly in = new Map<string, Set<LevelEdge>>();

  get edgeCount(): number {
    let n = 0;
    for (const es of this.out.values()) n += es.length;
    return n;
  }

  /** Replaces every outgoing reference of `source` (edges that carry nothing are dropped). */
  setOutEdges(source: string, edges: readonly LevelEdge[]): void {
    this.clearOut(source);
    const keep = edges.filter((e) => e.source === source && (e.issue > 0 || e.inherit > 0));
    if (keep.length === 0) return;
    this.out.set(source, keep);
    for (const e of keep) {
      let s = this.in.get(e.target);
      if (!s) this.in.set(e.target, (s = new Set()));
      s.add(e);
    }
  }

  /** Adds one edge (bulk loading); edges that carry nothing are dropped. */
  addEdge(e: LevelEdge): void {
    if (e.issue <= 0 && e.inherit <= 0) return;
    const list = this.out.get(e.source);
    if (list) list.push(e);
    else this.out.set(e.source, [e]);
    let s = this.in.get(e.target);
    if (!s) this.in.set(e.target, (s = new Set()));
    s.add(e);
  }

  /** Removes an object: its references and the references to it. */
  removeNode(pk: string): void {
    this.clearOut(pk);
    const incoming = this.in.get(pk);
    if (!incoming) return;
    this.in.delete(pk);
    for (const e of incoming) {
      const list = this.out.get(e.source);
      if (!list) continue;
      const rest = list.filter((x) => x !== e);
      if (rest.length === 0) this.out.delete(e.source);
      else this.out.set(e.source, rest);
    }
  }

  private clearOut(source: string): void {
    const old = this.out.get(source);
    if (!old) return;
    this.out.delete(source);
    for (const e of old) {
      const s = this.in.get(e.target);
      if (!s) continue;
      s.delete(e);
      if (s.size === 0) this.in.delete(e.target);
    }
  }

  /** The level-carrying references of `pk` (as source) and to it (as target), for hot loops. */
  outOf(pk: string): readonly LevelEdge[] | undefined {
    return this.out.get(pk);
  }
  inOf(pk: string): ReadonlySet<LevelEdge> | undefined {
    return this.in.get(pk);
  }

  /** Where a level held by `pk` can go: its targets (issue cap) and its referrers (their inherit cap). */
  *flowsFrom(pk: string): Generator<Flow> {
    for (const e of this.out.get(pk) ?? []) if (e.issue > 0) yield { node: e.target, cap: e.issue, edge: e };
    for (const e of this.in.get(pk) ?? []) if (e.inherit > 0) yield { node: e.source, cap: e.inherit, edge: e };
  }

  /** Where `pk` can take a level from: its targets (its inherit cap) and its referrers (their issue cap). */
  *flowsInto(pk: string): Generator<Flow> {
    for (const e of this.out.get(pk) ?? []) if (e.inherit > 0) yield { node: e.target, cap: e.inherit, edge: e };
    for (const e of this.in.get(pk) ?? []) if (e.issue > 0) yield { node: e.source, cap: e.issue, edge: e };
  }

  /** Neighbours along any edge that carries a level either way. */
  *neighbours(pk: string): Generator<string> {
    for (const e of this.out.get(pk) ?? []) yield e.target;
    for (const e of this.in.get(pk) ?? []) yield e.source;
  }

  /** Every object with at least one level-carrying edge. */
  *nodes(): Generator<string> {
    for (const k of this.out.keys()) yield k;
    for (const k of this.in.keys()) if (!this.out.has(k)) yield k;
  }
}
