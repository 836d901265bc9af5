import { AppError } from '../common/errors';
import type { Queryable } from '../db/database';
import { objectFromPk, referencesOf, type OOI } from '../graph/model';
import { cascadeDelete } from './delete';
import { canonicalJson, chunks, uniq } from './sql-util';
import { originId, type ChangeSet, type OriginWrite } from './types';
import { appendVersions, type VersionWrite } from './versions';

interface PendingObject {
  ooi: OOI;
  validFrom: string;
  origin: string;
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
  const nowIso = tx;

  // 1. Origins, their results (with derived referenced objects), merged across the batch.
  const originResults = new Map<string, { item: OriginWrite; id: string; validFrom: string; pks: Set<string> }>();
  const pending = new Map<string, PendingObject>();
  for (const item of items) {
    const id = originId(item.kind, item.method, item.source, item.sourceMethod);
    const validFrom = (item.validTime ?? txTime).toISOString();
    if (item.kind === 'declaration' && !item.results.some((r) => r.pk === item.source)) {
      throw new AppError('INVALID_OBJECT', `A declaration's result must be its source (${item.source})`, { source: item.source });
    }
    const entry = originResults.get(id) ?? { item, id, validFrom, pks: new Set<string>() };
    entry.item = item;
    entry.validFrom = validFrom;
    // the same origin twice in one batch: the union of both result sets
    originResults.set(id, entry);
    for (const ooi of item.results) {
      entry.pks.add(ooi.pk);
      const prev = pending.get(ooi.pk);
      pending.set(ooi.pk, {
        ooi: prev ? { ...ooi, data: { ...prev.ooi.data, ...ooi.data } } : ooi,
        validFrom,
        origin: id,
      });
    }
  }

  // 2. Sources of non-declarations must exist (in the database or in this batch).
  const needSources = uniq([...originResults.values()].filter((o) => o.item.kind !== 'declaration').map((o) => o.item.source)).filter(
    (pk) => !pending.has(pk),
  );
  if (needSources.length > 0) {
    const found = await existing(q, org, needSources);
    const missing = needSources.filter((pk) => !found.has(pk));
    if (missing.length > 0) {
      throw new AppError('ORIGIN_SOURCE_MISSING', `The source object ${missing[0]} does not exist`, { source: missing[0], missing: missing.slice(0, 20) });
    }
  }

  // 3. Referenced objects: existing ones are fine; missing ones are derived from their keys.
  let frontier = [...pending.values()];
  const knownMissing = new Set<string>();
  while (frontier.length > 0) {
    const wanted = new Map<string, PendingObject>(); // target -> the referencing pending object
    for (const p of frontier) {
      for (const r of referencesOf(p.ooi)) if (!pending.has(r.target) && !wanted.has(r.target)) wanted.set(r.target, p);
    }
    if (wanted.size === 0) break;
    const found = await existing(q, org, [...wanted.keys()]);
    const next: PendingObject[] = [];
    for (const [target, by] of wanted) {
      if (found.has(target) || knownMissing.has(target)) continue;
      let derived: OOI;
      try {
        derived = objectFromPk(target);
      } catch (e) {
        throw new AppError('REFERENCE_MISSING', `${by.ooi.pk} references ${target}, which does not exist and cannot be derived from its key`, {
          object: by.ooi.pk,
          target,
          reason: e instanceof Error ? e.message : String(e),
        });
      }
      const p: PendingObject = { ooi: derived, validFrom: by.validFrom, origin: by.origin };
      pending.set(target, p);
      originResults.get(by.origin)!.pks.add(target);
      knownMissing.add(target);
      next.push(p);
    }
    frontier = next;
  }

  // 4. Compare with what is stored: created, updated (merged), unchanged.
  const pks = [...pending.keys()];
  const stored = new Map<string, Record<string, unknown>>();
  for (const part of chunks(pks)) {
    const res = await q.query<{ pk: string; data: Record<string, unknown> }>(`SELECT pk, data FROM objects WHERE org = $1 AND pk = ANY($2::text[])`, [
      org,
      part,
    ]);
    for (const r of res.rows) stored.set(r.pk, r.data);
  }
  const created: string[] = [];
  const updated: string[] = [];
  const writes: { pk: string; type: string; data: string; validFrom: string; origin: string; change: 'created' | 'updated'; refs: boolean }[] = [];
  for (const [pk, p] of pending) {
    const old = stored.get(pk);
    if (!old) {
      created.push(pk);
      writes.push({ pk, type: p.ooi.type, data: JSON.stringify(p.ooi.data), validFrom: p.validFrom, origin: p.origin, change: 'created', refs: true });
      continue;
    }
    const merged = mergeData(old, p.ooi.data);
    if (canonicalJson(merged) === canonicalJson(old)) continue;
    updated.push(pk);
    writes.push({ pk, type: p.ooi.type, data: JSON.stringify(merged), validFrom: p.validFrom, origin: p.origin, change: 'updated', refs: true });
  }

  // 5. Objects, versions, references.
  for (const part of chunks(writes)) {
    await q.query(
      `INSERT INTO objects (org, pk, type, data, valid_from, tx_from)
       SELECT $1, u.pk, u.type, u.data::jsonb, u.vf::timestamptz, $5::timestamptz
         FROM unnest($2::text[], $3::text[], $4::text[], $6::text[]) AS u(pk, type, data, vf)
       ON CONFLICT (org, pk) DO UPDATE SET data = EXCLUDED.data, valid_from = EXCLUDED.valid_from, tx_from = EXCLUDED.tx_from`,
      [org, part.map((w) => w.pk), part.map((w) => w.type), part.map((w) => w.data), tx, part.map((w) => w.validFrom)],
    );
  }
  const versionRows: VersionWrite[] = writes.map((w) => ({ pk: w.pk, type: w.type, data: w.data, change: w.change, origin: w.origin, validFrom: w.validFrom }));
  for (const part of chunks(versionRows)) await appendVersions(q, org, part, tx, () => true);
  if (updated.length > 0) {
    for (const part of chunks(updated)) await q.query(`DELETE FROM refs WHERE org = $1 AND source = ANY($2::text[])`, [org, part]);
  }
  const refRows: { source: string; attr: string; target: string }[] = [];
  for (const w of writes) {
    const p = pending.get(w.pk)!;
    const data = w.change === 'updated' ? (JSON.parse(w.data) as Record<string, unknown>) : p.ooi.data;
    for (const r of referencesOf({ type: w.type, pk: w.pk, data })) refRows.push({ source: w.pk, attr: r.attr, target: r.target });
  }
  for (const part of chunks(refRows)) {
    await q.query(
      `INSERT INTO refs (org, source, attr, target) SELECT $1, u.s, u.a, u.t FROM unnest($2::text[], $3::text[], $4::text[]) AS u(s, a, t)
       ON CONFLICT (org, source, attr) DO UPDATE SET target = EXCLUDED.target`,
      [org, part.map((r) => r.source), part.map((r) => r.attr), part.map((r) => r.target)],
    );
  }

  // 6. Origins and their result sets (replace), parameters.
  const origins = [...originResults.values()];
  await q.query(
    `INSERT INTO origins (org, id, kind, method, source, source_method, task_id, valid_from, tx_from)
     SELECT $1, u.id, u.kind, u.method, u.source, u.sm, u.task, u.vf::timestamptz, $9::timestamptz
       FROM unnest($2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[]) AS u(id, kind, method, source, sm, task, vf)
     ON CONFLICT (org, id) DO UPDATE SET task_id = EXCLUDED.task_id, valid_from = EXCLUDED.valid_from, tx_from = EXCLUDED.tx_from`,
    [
      org,
      origins.map((o) => o.id),
      origins.map((o) => o.item.kind),
      origins.map((o) => o.item.method),
      origins.map((o) => o.item.source),
      origins.map((o) => o.item.sourceMethod ?? null),
      origins.map((o) => o.item.taskId ?? null),
      origins.map((o) => o.validFrom),
      tx,
    ],
  );
  const previous = await q.query<{ origin: string; pk: string }>(`SELECT origin, pk FROM origin_results WHERE org = $1 AND origin = ANY($2::text[])`, [
    org,
    origins.map((o) => o.id),
  ]);
  const before = new Map<string, Set<string>>();
  for (const r of previous.rows) {
    let s = before.get(r.origin);
    if (!s) before.set(r.origin, (s = new Set()));
    s.add(r.pk);
  }
  const removedPairs: [string, string][] = [];
  const addedPairs: [string, string][] = [];
  for (const o of origins) {
    const old = before.get(o.id) ?? new Set<string>();
    for (const pk of old) if (!o.pks.has(pk)) removedPairs.push([o.id, pk]);
    for (const pk of o.pks) if (!old.has(pk)) addedPairs.push([o.id, pk]);
  }
  for (const part of chunks(removedPairs)) {
    await q.query(
      `DELETE FROM origin_results r USING unnest($2::text[], $3::text[]) AS u(origin, pk) WHERE r.org = $1 AND r.origin = u.origin AND r.pk = u.pk`,
      [org, part.map((p) => p[0]), part.map((p) => p[1])],
    );
  }
  for (const part of chunks(addedPairs)) {
    await q.query(
      `INSERT INTO origin_results (org, origin, pk) SELECT $1, u.origin, u.pk FROM unnest($2::text[], $3::text[]) AS u(origin, pk) ON CONFLICT DO NOTHING`,
      [org, part.map((p) => p[0]), part.map((p) => p[1])],
    );
  }
  const withParams = origins.filter((o) => o.item.parameters !== undefined);
  if (withParams.length > 0) {
    await q.query(`DELETE FROM origin_parameters WHERE org = $1 AND origin = ANY($2::text[])`, [org, withParams.map((o) => o.id)]);
    const pairs = withParams.flatMap((o) => uniq(o.item.parameters ?? []).map((pk) => [o.id, pk] as const));
    if (pairs.length > 0) {
      await q.query(
        `INSERT INTO origin_parameters (org, origin, pk) SELECT $1, u.origin, u.pk FROM unnest($2::text[], $3::text[]) AS u(origin, pk) ON CONFLICT DO NOTHING`,
        [org, pairs.map((p) => p[0]), pairs.map((p) => p[1])],
      );
    }
  }

  // 7. What an origin dropped and nothing else supports goes, with everything depending on it.
  const deletedSet: string[] = [];
  if (removedPairs.length > 0) {
    const validTime = origins.reduce((m, o) => (o.validFrom > m ? o.validFrom : m), nowIso);
    const res = await cascadeDelete(q, org, [], removedPairs.map((p) => p[1]), tx, validTime);
    deletedSet.push(...res.deleted);
  }
  return { created, updated, deleted: deletedSet, origins: origins.map((o) => o.id) };
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

async function existing(q: Queryable, org: string, pks: string[]): Promise<Set<string>> {
  const out = new Set<string>();
  for (const part of chunks(pks)) {
    const res = await q.query<{ pk: string }>(`SELECT pk FROM objects WHERE org = $1 AND pk = ANY($2::text[])`, [org, part]);
    for (const r of res.rows) out.add(r.pk);
  }
  return out;
}
