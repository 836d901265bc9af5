import type { Queryable } from '../db/database';
import { referencesOf } from '../graph/model';
import { collectBatch } from './collect';
import { cascadeDelete } from './delete';
import { maintainAfterWrite } from './maintenance';
import { resolveBatch } from './resolve';
import { rowsByKey } from './lookup';
import { saveOriginRows } from './results';
import { canonicalJson, chunks } from './sql-util';
import type { ChangeSet, OriginWrite } from './types';
import { appendVersions, type VersionWrite } from './versions';

interface ObjectWrite extends VersionWrite {
  data: string;
  change: 'created' | 'updated';
  refs: { attr: string; target: string }[];
}

/**
 * Saves a batch of origins, each with its complete result set, inside the caller's transaction:
 * objects are created or updated (attributes merge; nothing is overwritten in history), objects
 * referenced but missing are derived from their keys and supported by the same origin, each
 * origin's result set REPLACES its previous one, and objects left without support are deleted with
 * everything that depended on them. Set-based SQL throughout: the cost is per batch, not per object.
 */
export async function saveOrigins(q: Queryable, org: string, items: OriginWrite[], txTime: Date): Promise<ChangeSet> {
  const tx = txTime.toISOString();

  // 1. Origins and objects merged across the batch; sources checked, missing references derived.
  const batch = collectBatch(items, txTime);
  const { stored, refs } = await resolveBatch(q, org, batch);

  // 2. Compare with what is stored: created, updated (merged), unchanged.
  const created: string[] = [];
  const updated: string[] = [];
  const writes: ObjectWrite[] = [];
  for (const [pk, p] of batch.objects) {
    const base = { pk, type: p.ooi.type, validFrom: p.validFrom, origin: p.origin };
    const old = stored.get(pk);
    if (!old) {
      created.push(pk);
      writes.push({ ...base, data: JSON.stringify(p.ooi.data), change: 'created', refs: refs.get(pk)! });
      continue;
    }
    const merged = mergeData(old, p.ooi.data);
    if (canonicalJson(merged) === canonicalJson(old)) continue;
    updated.push(pk);
    writes.push({ ...base, data: JSON.stringify(merged), change: 'updated', refs: referencesOf({ type: p.ooi.type, pk, data: merged }) });
  }

  // 3. Objects, versions, references.
  await writeObjects(q, org, writes, stored, tx);

  // 4. Origins and their result sets (replace), parameters.
  const origins = [...batch.origins.values()];
  const removedPairs = await saveOriginRows(q, org, origins, tx);

  // 5. What an origin dropped and nothing else supports goes, with everything depending on it.
  const deleted: string[] = [];
  const touchedOrigins: string[] = [];
  if (removedPairs.length > 0) {
    const validTime = origins.reduce((m, o) => (o.validFrom > m ? o.validFrom : m), tx);
    const res = await cascadeDelete(q, org, [], removedPairs.map((p) => p[1]), tx, validTime);
    deleted.push(...res.deleted);
    touchedOrigins.push(...res.touchedOrigins);
  }
  await maintainAfterWrite(q, writes.length);
  return { created, updated, deleted, origins: origins.map((o) => o.id), touchedOrigins };
}

/** New attributes win; attributes the new data does not mention are kept; explicit null clears. */
export function mergeData(old: Record<string, unknown>, next: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = { ...old };
  for (const [k, v] of Object.entries(next)) {
    if (v === undefined) continue;
    if (v === null) delete out[k];
    else out[k] = v;
  }
  return out;
}

/*
 * Created objects have no row in objects, refs or (as results) origin_results: the lookup just
 * showed they do not exist, and deleting an object deletes its rows everywhere. So their rows are
 * plain INSERTs, without the speculative-insertion work of ON CONFLICT.
 */
async function writeObjects(q: Queryable, org: string, writes: ObjectWrite[], stored: Map<string, unknown>, tx: string): Promise<void> {
  for (const part of chunks(writes)) {
    for (const change of ['created', 'updated'] as const) {
      const rows = part.filter((w) => w.change === change);
      if (rows.length === 0) continue;
      await q.query(
        `INSERT INTO objects (org, pk, type, data, valid_from, tx_from)
         SELECT $1, u.pk, u.type, u.data::jsonb, u.vf::timestamptz, $5::timestamptz
           FROM unnest($2::text[], $3::text[], $4::text[], $6::text[]) AS u(pk, type, data, vf)` +
          (change === 'updated' ? ` ON CONFLICT (org, pk) DO UPDATE SET data = EXCLUDED.data, valid_from = EXCLUDED.valid_from, tx_from = EXCLUDED.tx_from` : ''),
        [org, rows.map((w) => w.pk), rows.map((w) => w.type), rows.map((w) => w.data), tx, rows.map((w) => w.validFrom)],
      );
    }
    await appendVersions(q, org, part, tx, (pk) => stored.has(pk));
  }
  const updated = writes.filter((w) => w.change === 'updated').map((w) => w.pk);
  for (const part of chunks(updated)) await q.query(`DELETE FROM refs WHERE ctid = ANY(${rowsByKey('refs', 'source')})`, [org, part]);
  const sources: string[] = [];
  const attrs: string[] = [];
  const targets: string[] = [];
  for (const w of writes) {
    for (const r of w.refs) {
      sources.push(w.pk);
      attrs.push(r.attr);
      targets.push(r.target);
    }
  }
  for (let i = 0; i < sources.length; i += 20_000) {
    await q.query(
      // updated objects' references were deleted above, created objects have none
      `INSERT INTO refs (org, source, attr, target) SELECT $1, u.s, u.a, u.t FROM unnest($2::text[], $3::text[], $4::text[]) AS u(s, a, t)`,
      [org, sources.slice(i, i + 20_000), attrs.slice(i, i + 20_000), targets.slice(i, i + 20_000)],
    );
  }
}
