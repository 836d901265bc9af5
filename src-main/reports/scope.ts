/**
 * The graph as a report sees it: the objects visible at the report's point in time (valid time V,
 * read at transaction time T), and the report's scope inside it.
 *
 * - When nothing in the organisation's history is later than (V, T) (the usual case: a report of
 *   now), the visible versions are exactly the open ones, i.e. the current tables `objects` and
 *   `refs`, and they are read directly. Otherwise the visible versions are copied once into a
 *   temporary table `rs_obj` (with the references of the related edges, read from the objects'
 *   data, in `rs_ref`), dropped at the end of the transaction. Both give the same rows.
 * - The scope: the input objects (fixed keys, or a live filter evaluated at V) and the objects
 *   related to them (src-main/findings/related.ts: DNS records, addresses, ports, services,
 *   websites, resources, headers, certificates, URLs), in the temporary table `rs_scope`. A filter
 *   that takes everything makes the whole graph the scope without copying keys.
 *
 * Must run inside a transaction (the temporary tables are ON COMMIT DROP).
 */
import type { Database, Queryable } from '../db/database';
import { visibleAt, type AsOf } from '../graph/query/as-of';
import { escapeLike, expandTypes } from '../graph/query/list';
import { relatedEdgeLabels, relatedEdges } from '../findings/related';
import type { ReportInputs } from './types';

export interface Snapshot {
  q: Queryable;
  org: string;
  at: AsOf;
  /** a table expression with columns pk, type, data: the visible objects ($1 = org) */
  objs: string;
  /** the references table expression (org, source, attr, target) */
  refs: string;
  /** whether the whole graph is in scope */
  all: boolean;
  /** SQL condition: the object key `expr` is in scope */
  inScope(expr: string): string;
  /** the input objects that resolved, sorted by key (a filter over everything: the first ROOTS_LISTED) */
  roots: { pk: string; type: string }[];
  /** how many input objects resolved */
  rootCount: number;
  /** input keys that do not exist at the report time, sorted */
  missing: string[];
  /** whether the current tables were read (nothing later than the point in time) */
  current: boolean;
}

export interface ResolvedInputs {
  roots: { pk: string; type: string }[];
  rootCount: number;
  missing: string[];
}

/**
 * Whether the organisation's history has nothing later than `at` (then the current tables are the
 * view at `at`). The latest transaction and valid times of the history are those of its open
 * versions (a closed or re-stated version ends at a later version's start): the current objects
 * and the open deletions (a small partial index).
 */
async function isCurrent(q: Queryable, org: string, at: AsOf): Promise<boolean> {
  const res = await q.query<{ later: boolean }>(
    `SELECT EXISTS (SELECT 1 FROM objects WHERE org = $1 AND tx_from > $3::timestamptz)
         OR EXISTS (SELECT 1 FROM objects WHERE org = $1 AND valid_from > $2::timestamptz)
         OR EXISTS (SELECT 1 FROM object_versions WHERE org = $1 AND data IS NULL AND tx_to = 'infinity' AND valid_to = 'infinity'
                      AND (valid_from > $2::timestamptz OR tx_from > $3::timestamptz)) AS later`,
    [org, at.validTime, at.txTime],
  );
  return !res.rows[0]?.later;
}

const byPk = <T extends { pk: string }>(a: T, b: T) => (a.pk < b.pk ? -1 : a.pk > b.pk ? 1 : 0);

/** Opens the snapshot of `org` at `at` with the scope of `inputs`. `forceHistory` reads the history even when current (tests). */
export async function openSnapshot(q: Queryable, org: string, inputs: ReportInputs, at: AsOf, opts: { forceHistory?: boolean } = {}): Promise<Snapshot> {
  const current = !opts.forceHistory && (await isCurrent(q, org, at));
  let objs = `(SELECT pk, type, data FROM objects WHERE org = $1)`;
  let refs = 'refs';
  if (!current) {
    await q.query(`DROP TABLE IF EXISTS rs_obj`);
    await q.query(`DROP TABLE IF EXISTS rs_ref`);
    await q.query(
      `CREATE TEMP TABLE rs_obj ON COMMIT DROP AS
         SELECT v.pk, v.type, v.data FROM object_versions v WHERE v.org = $1 AND ${visibleAt('v', 2, 3)} AND v.data IS NOT NULL`,
      [org, at.validTime, at.txTime],
    );
    await q.query(`CREATE INDEX ON rs_obj (pk)`);
    await q.query(`CREATE INDEX ON rs_obj (type, pk)`);
    const edges = relatedEdges();
    const attrsByType = new Map<string, Set<string>>();
    for (const e of edges) {
      const s = attrsByType.get(e.type) ?? new Set<string>();
      s.add(e.attr);
      attrsByType.set(e.type, s);
    }
    const types = [...attrsByType.keys()];
    const attrs = types.map((t) => [...attrsByType.get(t)!]);
    // one row per (object, related attribute) that holds a reference
    await q.query(
      `CREATE TEMP TABLE rs_ref ON COMMIT DROP AS
         SELECT $1::text AS org, o.pk AS source, a.attr, o.data->>a.attr AS target
           FROM rs_obj o
           JOIN (SELECT t, unnest(string_to_array(a, ',')) AS attr FROM unnest($2::text[], $3::text[]) AS x(t, a)) a ON a.t = o.type
          WHERE o.data->>a.attr IS NOT NULL`,
      [org, types, attrs.map((a) => a.join(','))],
    );
    await q.query(`CREATE INDEX ON rs_ref (target)`);
    await q.query(`CREATE INDEX ON rs_ref (source)`);
    // $1 is referenced so every statement has the same parameters whichever table it reads
    objs = `(SELECT pk, type, data FROM rs_obj WHERE $1::text IS NOT NULL)`;
    refs = 'rs_ref';
  }

  // --- the inputs ---
  let all = false;
  let roots: { pk: string; type: string }[] = [];
  let missing: string[] = [];
  if ('objects' in inputs) {
    const wanted = [...new Set(inputs.objects)].sort();
    const res = await q.query<{ pk: string; type: string }>(`SELECT o.pk, o.type FROM ${objs} o WHERE o.pk = ANY($2::text[]) ORDER BY o.pk`, [org, wanted]);
    roots = res.rows;
    const found = new Set(roots.map((r) => r.pk));
    missing = wanted.filter((pk) => !found.has(pk));
  } else {
    const f = inputs.filter;
    const types = expandTypes(f.types);
    const search = f.search?.trim() ?? '';
    const minLevel = f.minLevel ?? 0;
    all = types === undefined && search === '' && minLevel <= 0;
    if (all) {
      // everything: the roots are not needed for the scope; list the first ones and count them
      const listed = await q.query<{ pk: string; type: string }>(`SELECT o.pk, o.type FROM ${objs} o ORDER BY o.pk LIMIT ${ROOTS_LISTED}`, [org]);
      const count = await q.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${objs} o`, [org]);
      return snapshot(q, org, at, objs, refs, true, current, listed.rows, count.rows[0]?.n ?? 0, []);
    }
    const params: unknown[] = [org];
    const where: string[] = [];
    if (types) {
      params.push(types);
      where.push(`o.type = ANY($${params.length}::text[])`);
    }
    if (search !== '') {
      params.push(escapeLike(search));
      where.push(`lower(o.pk) LIKE '%' || lower($${params.length}) || '%'`);
    }
    if (minLevel > 0) {
      // scan levels have no history: the current level decides
      params.push(minLevel);
      where.push(`EXISTS (SELECT 1 FROM scan_profiles sp WHERE sp.org = $1 AND sp.pk = o.pk AND sp.level >= $${params.length})`);
    }
    const res = await q.query<{ pk: string; type: string }>(
      `SELECT o.pk, o.type FROM ${objs} o ${where.length ? 'WHERE ' + where.join(' AND ') : ''} ORDER BY o.pk`,
      params,
    );
    roots = res.rows;
  }

  // --- the scope: the roots and their related objects ---
  if (!all) {
    await q.query(`DROP TABLE IF EXISTS rs_scope`);
    await q.query(`CREATE TEMP TABLE rs_scope (pk text PRIMARY KEY) ON COMMIT DROP`);
    const labels = relatedEdgeLabels();
    await q.query(
      `WITH RECURSIVE scope(pk) AS (
         SELECT unnest($2::text[])
         UNION
         SELECT x.pk FROM scope s CROSS JOIN LATERAL (
           SELECT r.source AS pk FROM ${refs} r
            WHERE r.org = $1 AND r.target = s.pk AND split_part(r.source, '|', 1) || '.' || r.attr = ANY($3::text[])
           UNION ALL
           SELECT r.target FROM ${refs} r
            WHERE r.org = $1 AND r.source = s.pk AND split_part(r.source, '|', 1) || '.' || r.attr = ANY($4::text[])
         ) x)
       INSERT INTO rs_scope (pk) SELECT s.pk FROM scope s JOIN ${objs} o ON o.pk = s.pk`,
      [org, roots.map((r) => r.pk), labels.in, labels.out],
    );
    await q.query(`ANALYZE rs_scope`);
  }
  return snapshot(q, org, at, objs, refs, all, current, roots.sort(byPk), roots.length, missing);
}

/** Roots listed when the inputs take everything. */
export const ROOTS_LISTED = 1000;

function snapshot(q: Queryable, org: string, at: AsOf, objs: string, refs: string, all: boolean, current: boolean, roots: Snapshot['roots'], rootCount: number, missing: string[]): Snapshot {
  return { q, org, at, objs, refs, all, current, roots, rootCount, missing, inScope: (expr) => (all ? 'TRUE' : `${expr} IN (SELECT pk FROM rs_scope)`) };
}

/** The inputs as they resolve at `at` (for reports.check): read in a transaction that is rolled back. */
export async function resolveInputs(db: Database, org: string, inputs: ReportInputs, at: AsOf): Promise<ResolvedInputs & { scope: string[] }> {
  return db.transaction(async (tx) => {
    const s = await openSnapshot(tx, org, inputs, at);
    const scope = s.all
      ? (await tx.query<{ pk: string }>(`SELECT pk FROM ${s.objs} o ORDER BY pk`, [org])).rows.map((r) => r.pk)
      : (await tx.query<{ pk: string }>(`SELECT pk FROM rs_scope ORDER BY pk`)).rows.map((r) => r.pk);
    return { roots: s.roots, rootCount: s.rootCount, missing: s.missing, scope };
  });
}
