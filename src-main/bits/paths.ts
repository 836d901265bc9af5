/**
 * Relation paths for bits, compiled once per manifest: the forward query (from sources to the
 * objects a parameter reaches, with their data, in ONE statement) and the inverse paths (from an
 * object somewhere on the path back to the sources whose parameter it may change).
 */
import type { Queryable } from '../db/database';
import type { OOI } from '../graph/model';
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
  const params: unknown[] = [org, plan.start];
  const p = (v: unknown): string => {
    params.push(v);
    return `$${params.length}`;
  };
  const joins: string[] = [];
  let prev = 'o0';
  (plan.steps as RefStep[]).forEach((step, i) => {
    const o = `o${i + 1}`;
    const r = `r${i + 1}`;
    const attr = p(step.attr);
    const types = p(step.types);
    joins.push(
      step.kind === 'out'
        ? `JOIN refs ${r} ON ${r}.org = $1 AND ${r}.source = ${prev}.pk AND ${r}.attr = ${attr} JOIN objects ${o} ON ${o}.org = $1 AND ${o}.pk = ${r}.target AND ${o}.type = ANY(${types}::text[])`
        : `JOIN refs ${r} ON ${r}.org = $1 AND ${r}.target = ${prev}.pk AND ${r}.attr = ${attr} JOIN objects ${o} ON ${o}.org = $1 AND ${o}.pk = ${r}.source AND ${o}.type = ANY(${types}::text[])`,
    );
    prev = o;
  });
  const where = [`o0.org = $1`, `o0.type = ANY($2::text[])`];
  // The sources as a relation the plan starts from (a materialised CTE): with `o0.pk = ANY(array)`
  // the planner may start at the far end of the path and test every row against the whole array.
  const from = sources ? `WITH s AS MATERIALIZED (SELECT DISTINCT unnest(${p([...new Set(sources)])}::text[]) AS pk) SELECT` : 'SELECT';
  const start = sources ? `s JOIN objects o0 ON o0.org = $1 AND o0.pk = s.pk` : 'objects o0';
  const res = await q.query<{ source: string; pk: string; type: string; data: Record<string, unknown> }>(
    `${from} o0.pk AS source, ${prev}.pk, ${prev}.type, ${prev}.data FROM ${start} ${joins.join(' ')} WHERE ${where.join(' AND ')}`,
    params,
  );
  const seen = new Set<string>();
  const out: Reached[] = [];
  for (const r of res.rows) {
    const k = r.source + '\u0000' + r.pk;
    if (seen.has(k)) continue;
    seen.add(k);
    out.push({ source: r.source, object: { type: r.type, pk: r.pk, data: r.data } });
  }
  return out;
}
