/**
 * Saved explorer views (table saved_views, migration 0009): start objects, filters, layout,
 * positions and as-of time, per organisation. The rows go with the organisation (ON DELETE CASCADE).
 */
import { randomUUID } from 'node:crypto';
import { AppError } from '../../common/errors.js';
import type { Queryable } from '../../db/database.js';
import type { SavedView, ViewState } from '../../api/contracts/explorer.js';
import { iso } from '../../graph/query/as-of.js';

interface Row {
  org: string;
  id: string;
  name: string;
  state: ViewState;
  created_at: unknown;
  updated_at: unknown;
}

const COLS = 'org, id, name, state, created_at, updated_at';

function toView(r: Row): SavedView {
  return { id: r.id, org: r.org, name: r.name, createdAt: iso(r.created_at), updatedAt: iso(r.updated_at), state: r.state };
}

function notFound(org: string, id: string): AppError {
  return new AppError('NOT_FOUND', `No saved view "${id}" in "${org}"`, { org, id, field: 'id' });
}

export async function listViews(q: Queryable, org: string): Promise<SavedView[]> {
  const res = await q.query<Row>(`SELECT ${COLS} FROM saved_views WHERE org = $1 ORDER BY updated_at DESC, id`, [org]);
  return res.rows.map(toView);
}

export async function getView(q: Queryable, org: string, id: string): Promise<SavedView> {
  const res = await q.query<Row>(`SELECT ${COLS} FROM saved_views WHERE org = $1 AND id = $2`, [org, id]);
  const row = res.rows[0];
  if (!row) throw notFound(org, id);
  return toView(row);
}

/** Creates a view (no id) or replaces the named one (an unknown id is NOT_FOUND, nothing is written). */
export async function saveView(q: Queryable, org: string, at: Date, v: { id?: string; name: string; state: ViewState }): Promise<SavedView> {
  const now = at.toISOString();
  if (v.id === undefined) {
    const res = await q.query<Row>(
      `INSERT INTO saved_views (org, id, name, state, created_at, updated_at) VALUES ($1, $2, $3, $4::jsonb, $5::timestamptz, $5::timestamptz)
       RETURNING ${COLS}`,
      [org, randomUUID(), v.name, JSON.stringify(v.state), now],
    );
    return toView(res.rows[0]!);
  }
  const res = await q.query<Row>(
    `UPDATE saved_views SET name = $3, state = $4::jsonb, updated_at = $5::timestamptz WHERE org = $1 AND id = $2 RETURNING ${COLS}`,
    [org, v.id, v.name, JSON.stringify(v.state), now],
  );
  const row = res.rows[0];
  if (!row) throw notFound(org, v.id);
  return toView(row);
}

export async function deleteView(q: Queryable, org: string, id: string): Promise<void> {
  const res = await q.query(`DELETE FROM saved_views WHERE org = $1 AND id = $2 RETURNING id`, [org, id]);
  if (res.rows.length === 0) throw notFound(org, id);
}
