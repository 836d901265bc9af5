/** SQL of schedules that run on raw files (migration 0008): the files a run reads, and the normalizer runs on them. */
import type { Queryable } from '../db/database';
import type { MimePattern } from './mime';

export interface CandidateFile {
  id: string;
  mimeTypes: string[];
  inputPk: string | null;
}

/**
 * Raw files of `org` with a mime type matching the pattern, never error files, and only files whose
 * input object still exists (or that are about no object). With `rawIds` (a file was just stored):
 * those files. Without (a re-run over what is stored): of the files about an object, only the newest
 * run (all files of the newest boefje task, or the newest upload) per boefje and object, because its
 * observation is the one that counts and re-reading an older file would bring stale objects back;
 * and every upload about no object (each is its own declarations).
 */
export async function candidateFiles(q: Queryable, org: string, pattern: MimePattern, rawIds: readonly string[] | null): Promise<CandidateFile[]> {
  const r = await q.query<{ id: string; mime_types: string[]; input_pk: string | null }>(
    `WITH f AS (
       SELECT r.id, r.mime_types, r.input_pk, COALESCE(r.plugin_id, '') AS by_plugin, COALESCE(r.task_id, r.id) AS run, r.created_at FROM raw_files r
       WHERE r.org = $1 AND ($2::text[] IS NULL OR r.id = ANY($2::text[]))
         AND EXISTS (SELECT 1 FROM unnest(r.mime_types) m WHERE $3::boolean OR lower(m) = $4::text OR starts_with(lower(m), $5::text))
         AND NOT EXISTS (SELECT 1 FROM unnest(r.mime_types) m WHERE starts_with(m, 'error/'))
         AND (r.input_pk IS NULL OR EXISTS (SELECT 1 FROM objects o WHERE o.org = r.org AND o.pk = r.input_pk))
     ),
     latest AS (
       SELECT DISTINCT ON (by_plugin, input_pk) run FROM f WHERE input_pk IS NOT NULL
       ORDER BY by_plugin, input_pk, created_at DESC, id DESC
     )
     SELECT id, mime_types, input_pk FROM f
     WHERE $2::text[] IS NOT NULL OR input_pk IS NULL OR run IN (SELECT run FROM latest)
     ORDER BY created_at, id`,
    [org, rawIds, pattern.any, pattern.exact, pattern.prefix],
  );
  return r.rows.map((x) => ({ id: x.id, mimeTypes: x.mime_types, inputPk: x.input_pk }));
}

/**
 * For the given normalizers: the version of the newest ended run on each raw file, and the
 * normalizer/file pairs queued or running now. Keys are `${pluginId}|${rawId}`.
 */
export async function normalizerRunsOf(
  q: Queryable,
  org: string,
  pluginIds: readonly string[],
  rawIds: readonly string[],
): Promise<{ lastVersion: Map<string, string | null>; active: Set<string> }> {
  const lastVersion = new Map<string, string | null>();
  const active = new Set<string>();
  if (pluginIds.length === 0 || rawIds.length === 0) return { lastVersion, active };
  const r = await q.query<{ plugin_id: string; raw_id: string; plugin_version: string | null; status: string }>(
    `SELECT plugin_id, raw_id, plugin_version, status FROM (
       SELECT DISTINCT ON (plugin_id, raw_id) plugin_id, raw_id, plugin_version, status FROM tasks
       WHERE org = $1 AND kind = 'normalizer' AND status IN ('completed', 'failed') AND plugin_id = ANY($2::text[]) AND raw_id = ANY($3::text[])
       ORDER BY plugin_id, raw_id, ended_at DESC
     ) ended
     UNION ALL
     SELECT plugin_id, raw_id, plugin_version, status FROM tasks
     WHERE org = $1 AND kind = 'normalizer' AND status IN ('queued', 'running') AND plugin_id = ANY($2::text[]) AND raw_id = ANY($3::text[])`,
    [org, pluginIds, rawIds],
  );
  for (const x of r.rows) {
    const key = `${x.plugin_id}|${x.raw_id}`;
    if (x.status === 'queued' || x.status === 'running') active.add(key);
    else lastVersion.set(key, x.plugin_version);
  }
  return { lastVersion, active };
}
