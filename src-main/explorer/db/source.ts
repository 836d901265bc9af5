/**
 * Where the explorer reads the graph from: the current state (objects + the refs edge table) or the
 * history as of a valid time (the versions visible then, references read from their data). Both
 * answer the same three questions, so every explorer query works at any time.
 */
import type { Queryable } from '../../db/database.js';
import { referencesOf } from '../../graph/model/index.js';
import { typeInfo } from '../../graph/model/registry.js';
import { possibleReferrers } from '../../graph/query/neighbours.js';
import type { NeighbourRow } from '../aggregate.js';
import { makeEdge, type ExplorerEdge } from '../elements.js';

export interface GraphSource {
  /** the valid time read; null: now */
  readonly asOf: string | null;
  /** the objects among `pks` that exist, with their types */
  objects(pks: readonly string[]): Promise<Map<string, string>>;
  /**
   * The references of `pks` both ways to existing objects, ordered by parent, direction, attribute,
   * other type and other pk. With maxPerGroup, each (parent, attr, dir, type) group is cut to that
   * many rows and every row carries the group's true size (groupTotal).
   */
  neighbours(pks: readonly string[], maxPerGroup?: number): Promise<NeighbourRow[]>;
  /** the references between objects of `pks` */
  edgesAmong(pks: readonly string[]): Promise<ExplorerEdge[]>;
  /** the data of the objects among `pks` that exist */
  data(pks: readonly string[]): Promise<Map<string, Record<string, unknown>>>;
  /** members of `parent`'s group (attr, dir, type), by pk: a page and the group's size */
  members(parent: string, attr: string, dir: 'out' | 'in', type: string, offset: number, limit: number): Promise<{ pks: string[]; total: number }>;
}

export const typeOf = (pk: string): string => {
  const bar = pk.indexOf('|');
  return bar < 0 ? pk : pk.slice(0, bar);
};

export function isNonTraversable(type: string): boolean {
  return typeInfo(type)?.def.nonTraversable ?? false;
}

function compareRows(a: NeighbourRow, b: NeighbourRow, parentRank: Map<string, number>): number {
  return (
    (parentRank.get(a.parent) ?? 0) - (parentRank.get(b.parent) ?? 0) ||
    cmp(a.dir, b.dir) ||
    cmp(a.attr, b.attr) ||
    cmp(a.otherType, b.otherType) ||
    cmp(a.other, b.other)
  );
}

export function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

// ---------------------------------------------------------------- current state

interface NRow {
  parent: string;
  dir: 'out' | 'in';
  attr: string;
  other: string;
  other_type: string;
  total: number;
}

/**
 * Out: the refs of the parents whose target exists. In: the refs pointing at them (a source is a
 * live object: refs are deleted with it), typed by the key's prefix. The window cuts every group.
 */
const NEIGHBOURS_SQL = `
  WITH e AS (
    SELECT r.source AS parent, 'out' AS dir, r.attr, r.target AS other, o.type AS other_type
      FROM refs r JOIN objects o ON o.org = r.org AND o.pk = r.target
     WHERE r.org = $1 AND r.source = ANY($2::text[])
    UNION ALL
    SELECT r.target, 'in', r.attr, r.source, split_part(r.source, '|', 1)
      FROM refs r
     WHERE r.org = $1 AND r.target = ANY($2::text[])
  ), x AS (
    SELECT e.*, count(*) OVER w AS total, row_number() OVER (w ORDER BY e.other) AS rn
      FROM e WINDOW w AS (PARTITION BY e.parent, e.dir, e.attr, e.other_type)
  )
  SELECT parent, dir, attr, other, other_type, total::int AS total FROM x WHERE rn <= $3`;

export function currentSource(q: Queryable, org: string): GraphSource {
  return {
    asOf: null,
    async objects(pks) {
      if (pks.length === 0) return new Map();
      const res = await q.query<{ pk: string; type: string }>(`SELECT pk, type FROM objects WHERE org = $1 AND pk = ANY($2::text[])`, [org, [...pks]]);
      return new Map(res.rows.map((r) => [r.pk, r.type]));
    },
    async neighbours(pks, maxPerGroup) {
      if (pks.length === 0) return [];
      const res = await q.query<NRow>(NEIGHBOURS_SQL, [org, [...pks], maxPerGroup ?? 2_147_483_647]);
      const rank = new Map(pks.map((p, i) => [p, i]));
      return res.rows
        .map((r) => ({ parent: r.parent, dir: r.dir, attr: r.attr, other: r.other, otherType: r.other_type, groupTotal: Number(r.total) }))
        .sort((a, b) => compareRows(a, b, rank));
    },
    async edgesAmong(pks) {
      if (pks.length === 0) return [];
      const res = await q.query<{ source: string; attr: string; target: string }>(
        `SELECT source, attr, target FROM refs WHERE org = $1 AND source = ANY($2::text[]) AND target = ANY($2::text[]) ORDER BY source, attr`,
        [org, [...pks]],
      );
      return res.rows.map((r) => makeEdge(r.source, r.attr, r.target));
    },
    async data(pks) {
      if (pks.length === 0) return new Map();
      const res = await q.query<{ pk: string; data: Record<string, unknown> }>(`SELECT pk, data FROM objects WHERE org = $1 AND pk = ANY($2::text[])`, [
        org,
        [...pks],
      ]);
      return new Map(res.rows.map((r) => [r.pk, r.data]));
    },
    async members(parent, attr, dir, type, offset, limit) {
      const sql =
        dir === 'in'
          ? `SELECT r.source AS pk, count(*) OVER () AS total FROM refs r
              WHERE r.org = $1 AND r.target = $2 AND r.attr = $3 AND split_part(r.source, '|', 1) = $4
              ORDER BY r.source OFFSET $5 LIMIT $6`
          : `SELECT r.target AS pk, count(*) OVER () AS total FROM refs r JOIN objects o ON o.org = r.org AND o.pk = r.target
              WHERE r.org = $1 AND r.source = $2 AND r.attr = $3 AND o.type = $4
              ORDER BY r.target OFFSET $5 LIMIT $6`;
      const res = await q.query<{ pk: string; total: number }>(sql, [org, parent, attr, type, offset, limit]);
      let total = res.rows[0] ? Number(res.rows[0].total) : 0;
      if (res.rows.length === 0 && offset > 0) {
        const c = await q.query<{ n: number }>(
          dir === 'in'
            ? `SELECT count(*)::int AS n FROM refs r WHERE r.org = $1 AND r.target = $2 AND r.attr = $3 AND split_part(r.source, '|', 1) = $4`
            : `SELECT count(*)::int AS n FROM refs r JOIN objects o ON o.org = r.org AND o.pk = r.target WHERE r.org = $1 AND r.source = $2 AND r.attr = $3 AND o.type = $4`,
          [org, parent, attr, type],
        );
        total = c.rows[0]?.n ?? 0;
      }
      return { pks: res.rows.map((r) => r.pk), total };
    },
  };
}

// ---------------------------------------------------------------- as of a valid time

interface VRow {
  pk: string;
  type: string;
  data: Record<string, unknown>;
}

/**
 * The history as of valid time `validTime`, as known now: the versions valid then whose knowledge
 * has not been superseded (tx_to open).
 */
export function asOfSource(q: Queryable, org: string, validTime: string): GraphSource {
  const visible = `v.valid_from <= $3::timestamptz AND v.valid_to > $3::timestamptz AND v.tx_to = 'infinity'`;
  const versions = async (pks: readonly string[]): Promise<VRow[]> => {
    if (pks.length === 0) return [];
    const res = await q.query<VRow>(
      `SELECT v.pk, v.type, v.data FROM object_versions v WHERE v.org = $1 AND v.pk = ANY($2::text[]) AND ${visible} AND v.data IS NOT NULL`,
      [org, [...pks], validTime],
    );
    return res.rows;
  };
  /** versions visible then that reference one of `targets` (the types that may, over the fields that may) */
  const referrers = async (targets: readonly string[]): Promise<VRow[]> => {
    const types = new Set<string>();
    const attrs = new Set<string>();
    for (const t of new Set(targets.map(typeOf))) {
      const r = possibleReferrers(t);
      r.types.forEach((x) => types.add(x));
      r.attrs.forEach((x) => attrs.add(x));
    }
    if (types.size === 0) return [];
    const res = await q.query<VRow>(
      `SELECT v.pk, v.type, v.data FROM object_versions v
        WHERE v.org = $1 AND ${visible} AND v.data IS NOT NULL AND v.type = ANY($4::text[])
          AND EXISTS (SELECT 1 FROM unnest($5::text[]) a WHERE v.data->>a = ANY($2::text[]))`,
      [org, [...targets], validTime, [...types], [...attrs]],
    );
    return res.rows;
  };
  const refs = (v: VRow) => {
    try {
      return referencesOf({ type: v.type, pk: v.pk, data: v.data });
    } catch {
      return []; // a type no longer in the registry
    }
  };
  const src: GraphSource = {
    asOf: validTime,
    async objects(pks) {
      return new Map((await versions(pks)).map((v) => [v.pk, v.type]));
    },
    async neighbours(pks, maxPerGroup) {
      if (pks.length === 0) return [];
      const wanted = new Set(pks);
      const [own, inc] = await Promise.all([versions(pks), referrers(pks)]);
      const outRefs = own.flatMap((v) => refs(v).map((r) => ({ parent: v.pk, attr: r.attr, other: r.target })));
      const targets = await src.objects([...new Set(outRefs.map((r) => r.other))]);
      const rows: NeighbourRow[] = [];
      for (const r of outRefs) {
        const t = targets.get(r.other);
        if (t !== undefined) rows.push({ parent: r.parent, dir: 'out', attr: r.attr, other: r.other, otherType: t });
      }
      for (const v of inc) {
        for (const r of refs(v)) if (wanted.has(r.target)) rows.push({ parent: r.target, dir: 'in', attr: r.attr, other: v.pk, otherType: v.type });
      }
      const rank = new Map(pks.map((p, i) => [p, i]));
      rows.sort((a, b) => compareRows(a, b, rank));
      return cutGroups(rows, maxPerGroup);
    },
    async edgesAmong(pks) {
      const set = new Set(pks);
      const out: ExplorerEdge[] = [];
      for (const v of await versions(pks)) for (const r of refs(v)) if (set.has(r.target)) out.push(makeEdge(v.pk, r.attr, r.target));
      return out;
    },
    async data(pks) {
      return new Map((await versions(pks)).map((v) => [v.pk, v.data]));
    },
    async members(parent, attr, dir, type, offset, limit) {
      const rows = (await src.neighbours([parent])).filter((r) => r.attr === attr && r.dir === dir && r.otherType === type);
      return { pks: rows.slice(offset, offset + limit).map((r) => r.other), total: rows.length };
    },
  };
  return src;
}

/** Sets groupTotal on sorted rows and keeps at most `max` rows per group. */
function cutGroups(rows: NeighbourRow[], max: number | undefined): NeighbourRow[] {
  const out: NeighbourRow[] = [];
  let i = 0;
  while (i < rows.length) {
    const a = rows[i]!;
    let j = i;
    while (j < rows.length && rows[j]!.parent === a.parent && rows[j]!.dir === a.dir && rows[j]!.attr === a.attr && rows[j]!.otherType === a.otherType) j++;
    const total = j - i;
    for (let k = i; k < j && k - i < (max ?? Infinity); k++) out.push({ ...rows[k]!, groupTotal: total });
    i = j;
  }
  return out;
}
