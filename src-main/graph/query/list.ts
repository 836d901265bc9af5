/**
 * Pages of objects for the object list: type filter (abstract types stand for their concrete
 * subtypes), case-insensitive substring search on the primary key, sorting, paging, a capped total,
 * and the origin kinds of the returned page. Reads the current state, or the versions visible at
 * an `asOf` point.
 */
import type { ObjectPage, ObjectSummary, OriginKind } from '../../api/types.js';
import type { Queryable } from '../../db/database.js';
import { allTypes, concreteSubtypes } from '../model/index.js';
import { iso, visibleAt, type AsOf } from './as-of.js';

export type ListSort = 'pk' | 'type' | 'changed';

export interface ListOptions {
  types?: readonly string[];
  search?: string;
  sort: ListSort;
  desc: boolean;
  offset: number;
  limit: number;
  asOf?: AsOf;
}

/** Counting stops here; a larger total is reported as this number with `totalCapped`. */
export const TOTAL_CAP = 10_000;

/** Escapes LIKE wildcards so the user's text matches literally (backslash is LIKE's escape). */
export function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => '\\' + c);
}

/** The concrete types to filter on; undefined means no filter. Throws UNKNOWN_TYPE. */
export function expandTypes(types: readonly string[] | undefined): string[] | undefined {
  if (types === undefined || types.length === 0) return undefined;
  const out = new Set<string>();
  for (const t of types) for (const c of concreteSubtypes(t)) out.add(c);
  return [...out];
}

let concreteCount: number | undefined;
function allConcreteCount(): number {
  concreteCount ??= allTypes().filter((t) => !t.abstract).length;
  return concreteCount;
}

function orderBy(sort: ListSort, desc: boolean, alias = ''): string {
  const d = desc ? ' DESC' : '';
  const a = alias ? alias + '.' : '';
  switch (sort) {
    case 'pk':
      return `${a}pk${d}`;
    case 'type':
      return `${a}type${d}, ${a}pk${d}`;
    case 'changed':
      return `${a}tx_from${d}, ${a}pk${d}`;
  }
}

interface Row {
  pk: string;
  type: string;
  valid_from: unknown;
  tx_from: unknown;
  kinds: OriginKind[] | null;
}

/** Above this many concrete types a filter is one `= ANY` condition instead of a merge of per-type scans. */
const MERGE_MAX_TYPES = 24;

export async function listObjects(q: Queryable, org: string, opts: ListOptions): Promise<ObjectPage> {
  let types = expandTypes(opts.types);
  if (types !== undefined && types.length >= allConcreteCount()) types = undefined; // everything
  const params: unknown[] = [org];
  const where: string[] = ['t.org = $1'];
  let from = 'objects t';
  if (opts.asOf) {
    params.push(opts.asOf.validTime, opts.asOf.txTime);
    from = 'object_versions t';
    where.push(visibleAt('t', 2, 3), 't.data IS NOT NULL');
  }
  if (opts.search !== undefined && opts.search !== '') {
    params.push(escapeLike(opts.search));
    where.push(`lower(t.pk) LIKE '%' || lower($${params.length}) || '%'`);
  }
  const base = where.join(' AND ');
  const cols = 't.pk, t.type, t.valid_from, t.tx_from';
  const order = orderBy(opts.sort, opts.desc, 't');
  const countParams = [...params];
  let filter: string; // FROM ... WHERE ... of the count
  let rowsSql: string; // the ordered page of rows, without origin kinds
  const lim = params.length + 1;
  const off = params.length + 2;
  params.push(opts.limit, opts.offset);
  if (types === undefined) {
    filter = `FROM ${from} WHERE ${base}`;
    rowsSql = `SELECT ${cols} ${filter} ORDER BY ${order} LIMIT $${lim} OFFSET $${off}`;
  } else if (types.length === 1 || types.length > MERGE_MAX_TYPES || opts.asOf) {
    countParams.push(types.length === 1 ? types[0] : types);
    params.push(countParams[countParams.length - 1]);
    const cond = types.length === 1 ? `t.type = $${countParams.length}` : `t.type = ANY($${countParams.length}::text[])`;
    const condPage = types.length === 1 ? `t.type = $${params.length}` : `t.type = ANY($${params.length}::text[])`;
    filter = `FROM ${from} WHERE ${base} AND ${cond}`;
    rowsSql = `SELECT ${cols} FROM ${from} WHERE ${base} AND ${condPage} ORDER BY ${order} LIMIT $${lim} OFFSET $${off}`;
  } else {
    // One ordered index scan per type on (org, type, pk), merged: far cheaper than sorting them all.
    countParams.push(types);
    filter = `FROM ${from} WHERE ${base} AND t.type = ANY($${countParams.length}::text[])`;
    const branches = types.map((t) => {
      params.push(t);
      return `(SELECT ${cols} FROM ${from} WHERE ${base} AND t.type = $${params.length} ORDER BY ${order} LIMIT $${lim}::bigint + $${off}::bigint)`;
    });
    rowsSql = `SELECT * FROM (${branches.join(' UNION ALL ')}) t ORDER BY ${order} LIMIT $${lim} OFFSET $${off}`;
  }
  const pageSql =
    `SELECT p.pk, p.type, p.valid_from, p.tx_from,` +
    ` ARRAY(SELECT DISTINCT o.kind FROM origin_results r JOIN origins o ON o.org = r.org AND o.id = r.origin` +
    ` WHERE r.org = $1 AND r.pk = p.pk ORDER BY 1) AS kinds` +
    ` FROM (${rowsSql}) p ORDER BY ${orderBy(opts.sort, opts.desc, 'p')}`;
  const page = await q.query<Row>(pageSql, params);
  const items: ObjectSummary[] = page.rows.map((r) => ({
    pk: r.pk,
    type: r.type,
    originKinds: r.kinds ?? [],
    lastChange: iso(r.tx_from),
    validFrom: iso(r.valid_from),
  }));

  let total: number;
  let totalCapped = false;
  if (items.length > 0 && items.length < opts.limit) total = opts.offset + items.length;
  else if (items.length === 0 && opts.offset === 0) total = 0;
  else {
    const c = await q.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM (SELECT 1 ${filter} LIMIT ${TOTAL_CAP + 1}) s`,
      countParams,
    );
    total = c.rows[0]?.n ?? 0;
    if (total > TOTAL_CAP) {
      total = TOTAL_CAP;
      totalCapped = true;
    }
  }
  return { items, total, totalCapped, offset: opts.offset };
}
