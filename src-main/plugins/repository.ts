import type { Queryable } from '../db/database';

/** SQL for per-organisation plugin state (plugin_enabled, plugin_settings). */

export interface StoredSettings {
  settings: Record<string, unknown>;
  /** the encrypted secrets blob, or null */
  secrets: string | null;
  updatedAt: string;
}

export async function enabledMap(q: Queryable, org: string): Promise<Map<string, boolean>> {
  const res = await q.query<{ plugin_id: string; enabled: boolean }>(`SELECT plugin_id, enabled FROM plugin_enabled WHERE org = $1`, [org]);
  return new Map(res.rows.map((r) => [r.plugin_id, r.enabled]));
}

export async function setEnabled(q: Queryable, org: string, pluginId: string, enabled: boolean, at: Date): Promise<void> {
  await q.query(
    `INSERT INTO plugin_enabled (org, plugin_id, enabled, updated_at) VALUES ($1, $2, $3, $4::timestamptz)
     ON CONFLICT (org, plugin_id) DO UPDATE SET enabled = EXCLUDED.enabled, updated_at = EXCLUDED.updated_at`,
    [org, pluginId, enabled, at.toISOString()],
  );
}

export async function getSettings(q: Queryable, org: string, pluginId: string): Promise<StoredSettings | null> {
  const res = await q.query<{ settings: Record<string, unknown>; secrets: string | null; updated_at: string }>(
    `SELECT settings, secrets, updated_at::text FROM plugin_settings WHERE org = $1 AND plugin_id = $2`,
    [org, pluginId],
  );
  const r = res.rows[0];
  return r ? { settings: r.settings, secrets: r.secrets, updatedAt: new Date(r.updated_at).toISOString() } : null;
}

/** Plugin ids that have stored settings in the organisation. */
export async function pluginsWithSettings(q: Queryable, org: string): Promise<Map<string, StoredSettings>> {
  const res = await q.query<{ plugin_id: string; settings: Record<string, unknown>; secrets: string | null; updated_at: string }>(
    `SELECT plugin_id, settings, secrets, updated_at::text FROM plugin_settings WHERE org = $1`,
    [org],
  );
  return new Map(res.rows.map((r) => [r.plugin_id, { settings: r.settings, secrets: r.secrets, updatedAt: new Date(r.updated_at).toISOString() }]));
}

export async function putSettings(
  q: Queryable,
  org: string,
  pluginId: string,
  settings: Record<string, unknown>,
  secrets: string | null,
  at: Date,
): Promise<void> {
  await q.query(
    `INSERT INTO plugin_settings (org, plugin_id, settings, secrets, updated_at) VALUES ($1, $2, $3::jsonb, $4, $5::timestamptz)
     ON CONFLICT (org, plugin_id) DO UPDATE SET settings = EXCLUDED.settings, secrets = EXCLUDED.secrets, updated_at = EXCLUDED.updated_at`,
    [org, pluginId, JSON.stringify(settings), secrets, at.toISOString()],
  );
}
