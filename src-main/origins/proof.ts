/**
 * "Why does this exist": the proof tree of an object. Its origins, and for each what it rests on:
 * an inference its source and parameters (the bit's inputs), an observation its source (the object
 * the boefje scanned) with the normalizer task, the raw file it parsed (hash, mime types) and the
 * boefje task behind that file; a declaration is a leaf (or, for an object derived from the key of
 * a declared one, leads to that object). Affirmations are listed but marked as not
 * keeping the object alive, and their sources are not followed.
 *
 * Walked breadth first, one level per round of two set-based queries (never one per node). An
 * object is explained once, at its shallowest place; later occurrences (cycles, shared inputs) are
 * `seen` stubs. Objects below maxDepth are `truncated` stubs.
 */
import type { Queryable } from '../db/database.js';
import type { ProofNode, ProofOrigin, ProofRawFile, ProofTask, ProofTree } from '../api/contracts/findings.js';
import { iso } from '../graph/query/as-of.js';
import { typeOfPk } from '../graph/model/index.js';
import type { OriginRow as NeighbourOriginRow } from '../graph/query/neighbours.js';

/** An origin row as the neighbours query reads it, for one result, with its normalizer task. */
interface OriginRow extends Omit<NeighbourOriginRow, 'results'> {
  result: string;
  nt_id: string | null;
  nt_plugin: string | null;
  nt_status: string | null;
  nt_input: string | null;
  nt_ended: unknown;
  raw_id: string | null;
  raw_sha256: string | null;
  raw_size: string | number | null;
  raw_mimes: string[] | null;
  raw_source: 'boefje' | 'upload' | null;
  bt_id: string | null;
  bt_plugin: string | null;
  bt_status: string | null;
  bt_input: string | null;
  bt_ended: unknown;
}

/** The origins of a level's objects, with the task, raw file and boefje task behind observations. */
const ORIGINS_SQL = `
  SELECT r.pk AS result, o.id, o.kind, o.method, o.source, o.source_method, o.task_id, o.valid_from, o.tx_from,
         ARRAY(SELECT p.pk FROM origin_parameters p WHERE p.org = o.org AND p.origin = o.id ORDER BY p.pk) AS parameters,
         nt.id AS nt_id, nt.plugin_id AS nt_plugin, nt.status AS nt_status, nt.input_pk AS nt_input, nt.ended_at AS nt_ended,
         rf.id AS raw_id, rf.sha256 AS raw_sha256, rf.size AS raw_size, rf.mime_types AS raw_mimes, rf.source AS raw_source,
         bt.id AS bt_id, bt.plugin_id AS bt_plugin, bt.status AS bt_status, bt.input_pk AS bt_input, bt.ended_at AS bt_ended
    FROM origin_results r
    JOIN origins o ON o.org = r.org AND o.id = r.origin
    LEFT JOIN tasks nt ON nt.org = o.org AND nt.id = o.task_id AND nt.kind = 'normalizer'
    LEFT JOIN raw_files rf ON rf.org = nt.org AND rf.id = nt.raw_id
    LEFT JOIN tasks bt ON bt.org = rf.org AND bt.id = rf.task_id
   WHERE r.org = $1 AND r.pk = ANY($2::text[])
   ORDER BY r.pk, (o.source = r.pk AND o.kind = 'declaration') DESC, array_position(ARRAY['declaration', 'observation', 'inference', 'affirmation']::text[], o.kind), o.id`;

const isoOrNull = (v: unknown): string | null => (v === null || v === undefined ? null : iso(v));

function task(id: string | null, kind: ProofTask['kind'], pluginId: string | null, status: string | null, inputPk: string | null, ended: unknown): ProofTask | null {
  return id && pluginId && status ? { id, kind, pluginId, status, inputPk, endedAt: isoOrNull(ended) } : null;
}

function rawFile(r: OriginRow): ProofRawFile | null {
  if (!r.raw_id || !r.raw_sha256) return null;
  return {
    id: r.raw_id,
    sha256: r.raw_sha256,
    size: Number(r.raw_size ?? 0),
    mimeTypes: r.raw_mimes ?? [],
    source: r.raw_source ?? 'boefje',
    boefjeTask: task(r.bt_id, 'boefje', r.bt_plugin, r.bt_status, r.bt_input, r.bt_ended),
  };
}

export async function proofTree(q: Queryable, org: string, pk: string, maxDepth: number): Promise<ProofTree | null> {
  const stub = (p: string): ProofNode => ({ pk: p, type: typeOfPk(p), exists: false, origins: [] });
  const root = stub(pk);
  /** every object placed in the tree, by key: the first (shallowest) occurrence is expanded */
  const placed = new Map<string, ProofNode>([[pk, root]]);
  let frontier: ProofNode[] = [root];
  let truncated = false;

  for (let depth = 0; frontier.length > 0; depth++) {
    const pks = frontier.map((n) => n.pk);
    const objects = await q.query<{ pk: string; type: string }>(`SELECT pk, type FROM objects WHERE org = $1 AND pk = ANY($2::text[])`, [org, pks]);
    for (const o of objects.rows) {
      const n = placed.get(o.pk)!;
      n.exists = true;
      n.type = o.type;
    }
    if (depth === 0 && !root.exists) {
      // a deleted object may still be named by origins; an unknown key is simply not found
      const any = await q.query(`SELECT 1 FROM origin_results WHERE org = $1 AND pk = $2 LIMIT 1`, [org, pk]);
      if (any.rows.length === 0) return null;
    }
    if (depth >= maxDepth) {
      for (const n of frontier) n.truncated = true;
      truncated = true;
      break;
    }
    const rows = await q.query<OriginRow>(ORIGINS_SQL, [org, pks]);
    const next: ProofNode[] = [];
    /** a child node for `p`: a fresh node the first time, a `seen` stub after */
    const child = (p: string): ProofNode => {
      const known = placed.get(p);
      if (known) return { pk: p, type: known.type, exists: known.exists, seen: true, origins: [] };
      const n = stub(p);
      placed.set(p, n);
      next.push(n);
      return n;
    };
    for (const r of rows.rows) {
      const node = placed.get(r.result)!;
      // a declaration of another object names this one in its key: that declared object is the support
      const follows = r.kind !== 'affirmation' && r.source !== r.result;
      const origin: ProofOrigin = {
        id: r.id,
        kind: r.kind,
        method: r.method,
        sourceMethod: r.source_method,
        validFrom: iso(r.valid_from),
        txFrom: iso(r.tx_from),
        keepsAlive: r.kind !== 'affirmation',
        source: follows ? child(r.source) : null,
        parameters: r.kind === 'inference' ? (r.parameters ?? []).filter((p) => p !== r.result).map(child) : [],
        taskId: r.task_id,
        task: task(r.nt_id, 'normalizer', r.nt_plugin, r.nt_status, r.nt_input, r.nt_ended),
        rawFile: r.kind === 'observation' ? rawFile(r) : null,
      };
      node.origins.push(origin);
    }
    frontier = next;
  }
  return { root, truncated, nodes: placed.size };
}
