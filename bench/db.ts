/**
 * The benchmarks' own SQL: the physical baseline (a plain bulk insert of object rows) and a direct
 * loader for when the real save path is unavailable. Parameterised, 5,000 rows per statement.
 */
import type { Queryable } from '../src-main/db/database.js';
import { referencesOf, type OOI } from '../src-main/graph/model/index.js';

export const BULK_BATCH = 5000;
const TIME = '2026-01-01T00:00:00.000Z';

/** INSERT ... SELECT FROM unnest of (pk, type, data) rows into `objects`, nothing else. */
export async function bulkInsertObjects(q: Queryable, org: string, objects: readonly OOI[]): Promise<void> {
  for (let i = 0; i < objects.length; i += BULK_BATCH) {
    const part = objects.slice(i, i + BULK_BATCH);
    await q.query(
      `INSERT INTO objects (org, pk, type, data, valid_from, tx_from)
       SELECT $1, u.pk, u.type, u.data, $5::timestamptz, $5::timestamptz
         FROM unnest($2::text[], $3::text[], $4::jsonb[]) AS u(pk, type, data)`,
      [org, part.map((o) => o.pk), part.map((o) => o.type), part.map((o) => JSON.stringify(o.data)), TIME],
    );
  }
}

/** Objects, their first versions and their reference edges, without origins (fallback only). */
export async function bulkLoadGraph(q: Queryable, org: string, objects: readonly OOI[]): Promise<void> {
  await bulkInsertObjects(q, org, objects);
  for (let i = 0; i < objects.length; i += BULK_BATCH) {
    const part = objects.slice(i, i + BULK_BATCH);
    await q.query(
      `INSERT INTO object_versions (org, pk, type, data, change, valid_from, tx_from)
       SELECT $1, u.pk, u.type, u.data, 'created', $5::timestamptz, $5::timestamptz
         FROM unnest($2::text[], $3::text[], $4::jsonb[]) AS u(pk, type, data)`,
      [org, part.map((o) => o.pk), part.map((o) => o.type), part.map((o) => JSON.stringify(o.data)), TIME],
    );
    const refs = part.flatMap((o) => referencesOf(o).map((r) => [o.pk, r.attr, r.target] as const));
    await q.query(
      `INSERT INTO refs (org, source, attr, target) SELECT $1, u.s, u.a, u.t FROM unnest($2::text[], $3::text[], $4::text[]) AS u(s, a, t)`,
      [org, refs.map((r) => r[0]), refs.map((r) => r[1]), refs.map((r) => r[2])],
    );
  }
}

export async function countObjects(q: Queryable, org: string): Promise<number> {
  const r = await q.query<{ n: number }>('SELECT count(*)::int AS n FROM objects WHERE org = $1', [org]);
  return r.rows[0]!.n;
}

/** The tables the origin write path fills for an ingest, with every index they have. */
export const WRITE_PATH_TABLES = ['objects', 'object_versions', 'refs', 'origins', 'origin_results', 'origin_parameters'] as const;

export interface TableRows {
  table: string;
  columns: { name: string; type: string }[];
  /** column-major: one array of text values (or null) per column */
  values: (string | null)[][];
  count: number;
}

/** Every row of the write-path tables of `org`, as text, for replaying them with {@link bulkInsertRows}. */
export async function readWritePathRows(q: Queryable, org: string): Promise<TableRows[]> {
  const out: TableRows[] = [];
  for (const table of WRITE_PATH_TABLES) {
    // every column but serial ids (a fresh database numbers its own)
    const cols = await q.query<{ name: string; type: string }>(
      `SELECT a.attname AS name, format_type(a.atttypid, a.atttypmod) AS type
         FROM pg_attribute a LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
        WHERE a.attrelid = $1::regclass AND a.attnum > 0 AND NOT a.attisdropped
          AND coalesce(pg_get_expr(d.adbin, d.adrelid), '') NOT LIKE 'nextval(%'
        ORDER BY a.attnum`,
      [table],
    );
    const columns = cols.rows;
    const res = await q.query<Record<string, string | null>>(
      `SELECT ${columns.map((c) => `${c.name}::text AS ${c.name}`).join(', ')} FROM ${table} WHERE org = $1`,
      [org],
    );
    out.push({ table, columns, values: columns.map((c) => res.rows.map((r) => r[c.name] ?? null)), count: res.rows.length });
  }
  return out;
}

/** Plain INSERT ... SELECT FROM unnest of the given rows, BULK_BATCH rows per statement, table by table. */
export async function bulkInsertRows(q: Queryable, tables: readonly TableRows[]): Promise<Record<string, number>> {
  const ms: Record<string, number> = {};
  for (const t of tables) {
    const start = performance.now();
    const cols = t.columns.map((c) => c.name).join(', ');
    const sel = t.columns.map((c, i) => `u.c${i}::${c.type}`).join(', ');
    const un = t.columns.map((_, i) => `$${i + 1}::text[]`).join(', ');
    const names = t.columns.map((_, i) => `c${i}`).join(', ');
    for (let i = 0; i < t.count; i += BULK_BATCH) {
      await q.query(
        `INSERT INTO ${t.table} (${cols}) SELECT ${sel} FROM unnest(${un}) AS u(${names})`,
        t.values.map((v) => v.slice(i, i + BULK_BATCH)),
      );
    }
    ms[t.table] = Math.round(performance.now() - start);
  }
  return ms;
}
