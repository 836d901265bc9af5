/**
 * TEST ONLY: writes objects straight into objects, object_versions and refs (and optional origins),
 * bypassing the real save path in src-main/origins/. Replace with the real save path when it lands.
 */
import type { Queryable } from '../../src-main/db/database';
import { referencesOf, type OOI } from '../../src-main/graph/model';

export interface TestOrigin {
  id: string;
  kind: 'declaration' | 'observation' | 'inference' | 'affirmation';
  method: string;
  source: string;
  results: string[];
  parameters?: string[];
}

export async function loadGraph(
  q: Queryable,
  org: string,
  objects: readonly OOI[],
  opts: { time?: string; origins?: readonly TestOrigin[] } = {},
): Promise<void> {
  const time = opts.time ?? '2026-01-01T00:00:00.000Z';
  const chunk = 5000;
  for (let i = 0; i < objects.length; i += chunk) {
    const part = objects.slice(i, i + chunk);
    const cols = [part.map((o) => o.pk), part.map((o) => o.type), part.map((o) => JSON.stringify(o.data))];
    await q.query(
      `INSERT INTO objects (org, pk, type, data, valid_from, tx_from)
       SELECT $1, pk, type, data::jsonb, $5, $5 FROM unnest($2::text[], $3::text[], $4::text[]) AS u(pk, type, data)`,
      [org, ...cols, time],
    );
    await q.query(
      `INSERT INTO object_versions (org, pk, type, data, change, valid_from, tx_from)
       SELECT $1, pk, type, data::jsonb, 'created', $5, $5 FROM unnest($2::text[], $3::text[], $4::text[]) AS u(pk, type, data)`,
      [org, ...cols, time],
    );
    const refs = part.flatMap((o) => referencesOf(o).map((r) => [o.pk, r.attr, r.target]));
    await q.query(
      `INSERT INTO refs (org, source, attr, target) SELECT $1, s, a, t FROM unnest($2::text[], $3::text[], $4::text[]) AS u(s, a, t)`,
      [org, refs.map((r) => r[0]), refs.map((r) => r[1]), refs.map((r) => r[2])],
    );
  }
  for (const o of opts.origins ?? []) {
    await q.query(
      `INSERT INTO origins (org, id, kind, method, source, valid_from, tx_from) VALUES ($1, $2, $3, $4, $5, $6, $6)`,
      [org, o.id, o.kind, o.method, o.source, time],
    );
    await q.query(`INSERT INTO origin_results (org, origin, pk) SELECT $1, $2, unnest($3::text[])`, [org, o.id, o.results]);
    await q.query(`INSERT INTO origin_parameters (org, origin, pk) SELECT $1, $2, unnest($3::text[])`, [
      org,
      o.id,
      o.parameters ?? [],
    ]);
  }
}
