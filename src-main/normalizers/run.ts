/**
 * Runs one normalizer on one raw file and checks what it returns, at ONE boundary: every object
 * must be of a type the manifest produces and must pass the model again (the primary key it claims
 * must be the one its attributes make). Anything else fails the task and nothing is written.
 */
import { AppError, isAppError } from '../common/errors';
import { isSubtypeOf, normalizeObject, type OOI } from '../graph/model';
import type { NormalizerManifest } from '../plugins/manifest';
import { normalizerFor } from './registry';
import type { Normalize, NormalizerInput } from './types';

/** More than this many objects from one raw file is treated as hostile output. */
export const MAX_OBJECTS_PER_RAW = 200_000;

export function runNormalizer(m: NormalizerManifest, input: NormalizerInput, fn: Normalize | undefined = normalizerFor(m.id)): OOI[] {
  if (!fn) throw new AppError('NORMALIZER_FAILED', `The normalizer "${m.id}" has a manifest but no code (plugins/normalizers/${m.id}/normalize.ts)`, { id: m.id });
  let out: unknown;
  try {
    out = fn(input);
  } catch (e) {
    if (isAppError(e)) throw e;
    throw new AppError('NORMALIZER_FAILED', `${m.id} crashed: ${e instanceof Error ? e.message : String(e)}`, { id: m.id });
  }
  const objects = (out as { objects?: unknown } | null)?.objects;
  if (!Array.isArray(objects)) throw new AppError('NORMALIZER_FAILED', `${m.id} returned no objects list`, { id: m.id });
  if (objects.length > MAX_OBJECTS_PER_RAW) {
    throw new AppError('NORMALIZER_FAILED', `${m.id} returned ${objects.length} objects from one file (at most ${MAX_OBJECTS_PER_RAW})`, { id: m.id, count: objects.length });
  }
  const seen = new Map<string, OOI>();
  objects.forEach((o: unknown, index) => {
    const ooi = checkObject(m, o, index);
    seen.set(ooi.pk, ooi);
  });
  return [...seen.values()];
}

function checkObject(m: NormalizerManifest, o: unknown, index: number): OOI {
  if (!o || typeof o !== 'object' || typeof (o as OOI).type !== 'string' || typeof (o as OOI).data !== 'object') {
    throw new AppError('NORMALIZER_FAILED', `${m.id} returned something that is not an object at index ${index}`, { id: m.id, index });
  }
  const { type, data, pk } = o as OOI;
  if (!m.produces.some((p) => p === type || isSubtypeOf(type, p))) {
    throw new AppError('NORMALIZER_FAILED', `${m.id} returned a ${type}, which its manifest does not list in produces`, { id: m.id, index, type });
  }
  let checked: OOI;
  try {
    checked = normalizeObject(type, data);
  } catch (e) {
    if (isAppError(e)) throw new AppError(e.code, `${m.id} returned an invalid ${type} (object ${index}): ${e.message}`, { ...e.details, id: m.id, index });
    throw e;
  }
  if (pk !== undefined && pk !== checked.pk) {
    throw new AppError('NORMALIZER_FAILED', `${m.id} returned ${pk}, but its attributes make ${checked.pk}`, { id: m.id, index });
  }
  return checked;
}
