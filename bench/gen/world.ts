/** The objects and origins of a synthetic graph while it is being built. */
import { normalizeObject, type OOI } from '../../src-main/graph/model/index.js';
import { originId, type OriginKind, type OriginWrite } from '../../src-main/origins/types.js';

/** Origins are emitted phase by phase, so every source exists before an origin about it. */
export const Phase = {
  declaration: 0,
  subdomains: 1,
  dns: 2,
  ports: 3,
  websites: 4,
  webpages: 5,
  findings: 6,
} as const;

interface PendingOrigin {
  phase: number;
  write: OriginWrite;
  seen: Set<string>;
}

export class World {
  /** every distinct object, by primary key, in creation order */
  readonly objects = new Map<string, OOI>();
  private readonly origins = new Map<string, PendingOrigin>();

  get size(): number {
    return this.objects.size;
  }

  /** Normalises and registers an object; an object with the same key already known is returned instead. */
  add(type: string, data: Record<string, unknown>): OOI {
    const o = normalizeObject(type, data);
    const known = this.objects.get(o.pk);
    if (known) return known;
    this.objects.set(o.pk, o);
    return o;
  }

  /** The one origin for (kind, method, sourceMethod, source), created on first use. */
  origin(phase: number, kind: OriginKind, method: string, source: string, sourceMethod?: string): Origin {
    const id = originId(kind, method, source, sourceMethod);
    let o = this.origins.get(id);
    if (!o) {
      const write: OriginWrite = { kind, method, source, results: [] };
      if (sourceMethod !== undefined) write.sourceMethod = sourceMethod;
      o = { phase, write, seen: new Set() };
      this.origins.set(id, o);
    }
    return new Origin(o);
  }

  /** All origins, declarations first, then phase by phase in creation order. */
  emit(): OriginWrite[] {
    const list = [...this.origins.values()];
    // Array.prototype.sort is stable: creation order is kept within a phase.
    list.sort((a, b) => a.phase - b.phase);
    return list.map((o) => o.write);
  }
}

export class Origin {
  constructor(private readonly o: PendingOrigin) {}

  /** Adds result objects (each once). */
  result(...oois: OOI[]): this {
    for (const x of oois) {
      if (this.o.seen.has(x.pk)) continue;
      this.o.seen.add(x.pk);
      this.o.write.results.push(x);
    }
    return this;
  }

  /** Adds an inference parameter (each once). */
  parameter(pk: string): this {
    const params = (this.o.write.parameters ??= []);
    if (!params.includes(pk)) params.push(pk);
    return this;
  }
}
