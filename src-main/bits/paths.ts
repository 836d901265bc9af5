/**
 * Relation paths for bits, compiled once per manifest: the forward query (from sources to the
 * objects a parameter reaches, with their data, in ONE statement) and the inverse paths (from an
 * object somewhere on the path back to the sources whose parameter it may change).
 */
import type { Queryable } from '../db/database';
import type { OOI } from '../graph/model';
import { compilePath, queryInPathOrder } from '../graph/query/path';
import { parsePath, type CompiledPath, type PathStep } from '../graph/query/path-parser';

export interface BitPath {
  text: string;
  plan: CompiledPath;
  /** the concrete types at the path's end */
  endTypes: ReadonlySet<string>;
  /** for each node after the start: its types and the path from there back to the start */
  inverses: { types: ReadonlySet<string>; plan: CompiledPath }[];
}

type RefStep = Extract<PathStep, { kind: 'out' | 'in' }>;

export function compileBitPath(text: string): BitPath {
  const plan = parsePath(text);
  const steps = plan.steps as RefStep[];
  if (plan.result !== 'object') throw new Error(`${text}: a bit path must end at objects`);
  const nodeTypes: string[][] = [plan.start, ...steps.map((s) => s.types)];
  const inverses = steps.map((_, i) => {
    const k = i + 1;
    const back: RefStep[] = [];
    for (let j = k - 1; j >= 0; j--) {
      const s = steps[j]!;
      back.push({ kind: s.kind === 'out' ? 'in' : 'out', attr: s.attr, types: nodeTypes[j]! });
    }
    return { types: new Set(nodeTypes[k]!), plan: { start: nodeTypes[k]!, steps: back, result: 'object' as const, display: [] } };
  });
  return { text, plan, endTypes: new Set(nodeTypes[nodeTypes.length - 1]!), inverses };
}

export interface Reached {
  source: string;
  object: OOI;
}

/**
 * Every (source, object) the path reaches, from `sources` (null: every object of the start types).
 * Duplicates through different intermediate objects are removed.
 */
export async function followPath(q: Queryable, org: string, plan: CompiledPath, sources: readonly string[] | null): Promise<Reached[]> {
  if (sources && sources.length === 0) return [];
  const { sql, params } = compilePath(plan, org, sources, undefined, { withData: true });
  const res = await queryInPathOrder<{ source: string; result: string; type: string; data: Record<string, unknown> }>(q, sql, params);
  const seen = new Set<string>();
  const out: Reached[] = [];
  for (const r of res.rows) {
    const k = r.source + '\u0000' + r.result;
    if (seen.has(k)) continue;
    seen.add(k);
    out.push({ source: r.source, object: { type: r.type, pk: r.result, data: r.data } });
  }
  return out;
}
