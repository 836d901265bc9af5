import { AppError } from '../common/errors';
import type { Queryable } from '../db/database';
import type { Organisation } from '../api/types';

const ORG_TABLES = ['objects', 'object_versions', 'refs', 'origins', 'origin_results', 'origin_parameters'] as const;

export async function listOrgs(q: Queryable): Promise<Organisation[]> {
  const res = await q.query<{ code: string; name: string; created_at: string; n: number }>(
    `SELECT o.code, o.name, o.created_at::text, (SELECT count(*)::int FROM objects x WHERE x.org = o.code) AS n
       FROM organisations o ORDER BY lower(o.name), o.code`,
  );
  return res.rows.map((r) => ({ code: r.code, name: r.name, createdAt: new Date(r.created_at).toISOString(), objectCount: r.n }));
}

export async function getOrg(q: Queryable, code: string): Promise<Organisation> {
  const all = await q.query<{ code: string; name: string; created_at: string; n: number }>(
    `SELECT o.code, o.name, o.created_at::text, (SELECT count(*)::int FROM objects x WHERE x.org = o.code) AS n FROM organisations o WHERE o.code = $1`,
    [code],
  );
  const r = all.rows[0];
  if (!r) throw new AppError('ORG_NOT_FOUND', `No organisation "${code}"`, { org: code });
  return { code: r.code, name: r.name, createdAt: new Date(r.created_at).toISOString(), objectCount: r.n };
}

export async function assertOrg(q: Queryable, code: string): Promise<void> {
  const res = await q.query(`SELECT 1 FROM organisations WHERE code = $1`, [code]);
  if (res.rows.length === 0) throw new AppError('ORG_NOT_FOUND', `No organisation "${code}"; create it first or pick another`, { org: code });
}

export async function createOrg(q: Queryable, code: string, name: string, at: Date): Promise<Organisation> {
  const res = await q.query(`INSERT INTO organisations (code, name, created_at) VALUES ($1, $2, $3::timestamptz) ON CONFLICT (code) DO NOTHING RETURNING code`, [
    code,
    name,
    at.toISOString(),
  ]);
  if (res.rows.length === 0) throw new AppError('ORG_EXISTS', `An organisation with code "${code}" already exists`, { field: 'code', org: code });
  return getOrg(q, code);
}

export async function renameOrg(q: Queryable, code: string, name: string): Promise<Organisation> {
  const res = await q.query(`UPDATE organisations SET name = $2 WHERE code = $1 RETURNING code`, [code, name]);
  if (res.rows.length === 0) throw new AppError('ORG_NOT_FOUND', `No organisation "${code}"`, { org: code });
  return getOrg(q, code);
}

export async function deleteOrg(q: Queryable, code: string): Promise<number> {
  const org = await getOrg(q, code);
  for (const t of ORG_TABLES) await q.query(`DELETE FROM ${t} WHERE org = $1`, [code]);
  // tasks have no foreign key to organisations (migration 0011): they go here
  await q.query(`DELETE FROM tasks WHERE org = $1`, [code]);
  await q.query(`DELETE FROM outbox WHERE org = $1 AND dispatched_at IS NOT NULL`, [code]);
  await q.query(`DELETE FROM organisations WHERE code = $1`, [code]);
  return org.objectCount;
}
