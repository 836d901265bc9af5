import type { Queryable } from '../db/database';
import type { RawFileInfo } from '../api/contracts/plugins';

/** SQL for raw file metadata (the bytes live in the RawStore). */

export interface NewRawFile {
  org: string;
  id: string;
  sha256: string;
  size: number;
  mimeTypes: string[];
  fileName: string | null;
  source: 'boefje' | 'upload';
  taskId: string | null;
  inputPk: string | null;
  pluginId: string | null;
  startedAt: Date | null;
  endedAt: Date | null;
  createdAt: Date;
}

interface Row {
  org: string;
  id: string;
  sha256: string;
  size: string;
  mime_types: string[];
  file_name: string | null;
  source: 'boefje' | 'upload';
  task_id: string | null;
  input_pk: string | null;
  plugin_id: string | null;
  started_at: string | null;
  ended_at: string | null;
  created_at: string;
}

const COLUMNS = `org, id, sha256, size::text, mime_types, file_name, source, task_id, input_pk, plugin_id,
  started_at::text, ended_at::text, created_at::text`;

const iso = (t: string | null) => (t === null ? null : new Date(t).toISOString());

function toInfo(r: Row): RawFileInfo {
  return {
    id: r.id,
    org: r.org,
    sha256: r.sha256,
    size: Number(r.size),
    mimeTypes: r.mime_types,
    fileName: r.file_name,
    source: r.source,
    taskId: r.task_id,
    inputPk: r.input_pk,
    pluginId: r.plugin_id,
    startedAt: iso(r.started_at),
    endedAt: iso(r.ended_at),
    createdAt: iso(r.created_at)!,
  };
}

export async function insertRawFile(q: Queryable, f: NewRawFile): Promise<RawFileInfo> {
  const res = await q.query<Row>(
    `INSERT INTO raw_files (org, id, sha256, size, mime_types, file_name, source, task_id, input_pk, plugin_id, started_at, ended_at, created_at)
     VALUES ($1, $2, $3, $4, $5::text[], $6, $7, $8, $9, $10, $11::timestamptz, $12::timestamptz, $13::timestamptz)
     RETURNING ${COLUMNS}`,
    [
      f.org,
      f.id,
      f.sha256,
      f.size,
      f.mimeTypes,
      f.fileName,
      f.source,
      f.taskId,
      f.inputPk,
      f.pluginId,
      f.startedAt?.toISOString() ?? null,
      f.endedAt?.toISOString() ?? null,
      f.createdAt.toISOString(),
    ],
  );
  return toInfo(res.rows[0]!);
}

export async function getRawFile(q: Queryable, org: string, id: string): Promise<RawFileInfo | null> {
  const res = await q.query<Row>(`SELECT ${COLUMNS} FROM raw_files WHERE org = $1 AND id = $2`, [org, id]);
  return res.rows[0] ? toInfo(res.rows[0]) : null;
}

export interface RawFileFilter {
  taskId?: string;
  inputPk?: string;
  offset?: number;
  limit?: number;
}

export async function listRawFiles(q: Queryable, org: string, f: RawFileFilter = {}): Promise<{ items: RawFileInfo[]; total: number }> {
  const where = `org = $1 AND ($2::text IS NULL OR task_id = $2) AND ($3::text IS NULL OR input_pk = $3)`;
  const params = [org, f.taskId ?? null, f.inputPk ?? null];
  const items = await q.query<Row>(`SELECT ${COLUMNS} FROM raw_files WHERE ${where} ORDER BY created_at DESC, id LIMIT $4 OFFSET $5`, [
    ...params,
    f.limit ?? 100,
    f.offset ?? 0,
  ]);
  const total = await q.query<{ n: number }>(`SELECT count(*)::int AS n FROM raw_files WHERE ${where}`, params);
  return { items: items.rows.map(toInfo), total: total.rows[0]?.n ?? 0 };
}

/** Whether an object exists in the organisation (uploads may name the object they are about). */
export async function objectExists(q: Queryable, org: string, pk: string): Promise<boolean> {
  const res = await q.query(`SELECT 1 FROM objects WHERE org = $1 AND pk = $2`, [org, pk]);
  return res.rows.length > 0;
}
