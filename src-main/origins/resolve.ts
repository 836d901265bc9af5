import { AppError } from '../common/errors';
import type { Queryable } from '../db/database';
import { objectFromPk, referencesOf, type ObjectReference, type OOI } from '../graph/model';
import type { Batch, PendingObject } from './collect';
import { lookupObjects } from './lookup';
import { uniq } from './sql-util';

export interface Resolved {
  /** the stored data of the batch's objects that already exist */
  stored: Map<string, Record<string, unknown>>;
  /** the references of every batch object as given (derived objects included) */
  refs: Map<string, ObjectReference[]>;
}

/**
 * Checks the batch against what is stored, in one lookup for the common case: sources of
 * non-declarations must exist (stored or in the batch); referenced objects that do not exist are
 * derived from their keys, added to the batch and supported by the origin of the first object that
 * referenced them (repeated for what the derived objects reference). Referenced objects that do
 * exist are supported by that origin as well (except the origin's own source), so an object stays
 * alive as long as anything standing on it does.
 */
export async function resolveBatch(q: Queryable, org: string, batch: Batch): Promise<Resolved> {
  const { origins, objects } = batch;
  const refs = new Map<string, ObjectReference[]>();
  const needSources = uniq([...origins.values()].filter((o) => o.item.kind !== 'declaration').map((o) => o.item.source)).filter(
    (pk) => !objects.has(pk),
  );
  let wanted = wantedTargets(objects.values(), objects, refs);
  const first = await lookupObjects(q, org, uniq([...objects.keys(), ...needSources, ...wanted.keys()]), (pk) => objects.has(pk));
  const missing = needSources.filter((pk) => !first.found.has(pk));
  if (missing.length > 0) {
    throw new AppError('ORIGIN_SOURCE_MISSING', `The source object ${missing[0]} does not exist`, { source: missing[0], missing: missing.slice(0, 20) });
  }
  let found = first.found;
  const walked = new Set<string>();
  const inputs = new Map<string, Set<string>>();
  while (wanted.size > 0) {
    const next: PendingObject[] = [];
    const existing: [string, PendingObject][] = [];
    for (const [target, by] of wanted) {
      const origin = origins.get(by.origin)!;
      if (target === origin.item.source) {
        // the origin's own source is not supported by it (nor is what it stands on, below)
      } else if (origin.item.kind === 'inference' && found.has(target) && inputsOf(inputs, origin.id, origin.item.source, origin.item.parameters).has(target)) {
        // An inference does not keep its own inputs alive: a bit's finding on a port must not keep
        // the port when the scan that saw it no longer does (the finding goes with the port).
        continue;
      } else origin.pks.add(target);
      if (found.has(target)) {
        existing.push([target, by]);
        continue;
      }
      const p: PendingObject = { ooi: derive(target, by), validFrom: by.validFrom, origin: by.origin };
      objects.set(target, p);
      next.push(p);
    }
    wanted = wantedTargets(next, objects, refs);
    // Objects that already exist are supported too, and so is what their keys reference
    // (IPPort -> IPAddress -> Network): an origin supports everything its results stand on.
    for (const [target, by] of existing) {
      if (walked.has(`${by.origin}\u0000${target}`)) continue;
      walked.add(`${by.origin}\u0000${target}`);
      for (const r of keyReferences(target)) if (!objects.has(r) && !wanted.has(r)) wanted.set(r, by);
    }
    const unknown = [...wanted.keys()].filter((pk) => !found.has(pk));
    if (unknown.length > 0) {
      const more = (await lookupObjects(q, org, unknown, () => false)).found;
      found = new Set([...found, ...more]);
    }
  }
  return { stored: first.data, refs };
}

/** Targets of the references of `frontier` that are not in the batch -> the first object referencing each. */
function wantedTargets(frontier: Iterable<PendingObject>, objects: Map<string, PendingObject>, refs: Map<string, ObjectReference[]>): Map<string, PendingObject> {
  const wanted = new Map<string, PendingObject>();
  for (const p of frontier) {
    const rs = referencesOf(p.ooi);
    refs.set(p.ooi.pk, rs);
    for (const r of rs) if (!objects.has(r.target) && !wanted.has(r.target)) wanted.set(r.target, p);
  }
  return wanted;
}

/** An inference's inputs: its source and parameters, and everything their keys stand on. */
function inputsOf(cache: Map<string, Set<string>>, id: string, source: string, parameters: readonly string[] | undefined): Set<string> {
  let s = cache.get(id);
  if (s) return s;
  s = new Set<string>();
  const stack = [source, ...(parameters ?? [])];
  while (stack.length > 0) {
    const pk = stack.pop()!;
    if (s.has(pk)) continue;
    s.add(pk);
    for (const r of keyReferences(pk)) if (!s.has(r)) stack.push(r);
  }
  cache.set(id, s);
  return s;
}

/** What an existing object's key references (derivable from its primary key alone). */
function keyReferences(pk: string): string[] {
  try {
    return referencesOf(objectFromPk(pk)).map((r) => r.target);
  } catch {
    return [];
  }
}

function derive(target: string, by: PendingObject): OOI {
  try {
    return objectFromPk(target);
  } catch (e) {
    throw new AppError('REFERENCE_MISSING', `${by.ooi.pk} references ${target}, which does not exist and cannot be derived from its key`, {
      object: by.ooi.pk,
      target,
      reason: e instanceof Error ? e.message : String(e),
    });
  }
}
