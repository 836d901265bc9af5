/**
 * Runs one bit on one source and checks what it returns, at ONE boundary (as for normalizers):
 * every object must be of a type the manifest produces and must pass the model again. A bit that
 * throws or returns something invalid fails with BIT_FAILED; only that run fails.
 */
import { AppError, isAppError } from '../common/errors';
import { isSubtypeOf, normalizeObject, type OOI } from '../graph/model';
import type { BitManifest } from '../plugins/manifest';
import { bitFor } from './registry';
import type { BitFn, BitInput } from './types';

/** More than this many objects from one source is treated as a runaway rule. */
export const MAX_OBJECTS_PER_BIT_RUN = 10_000;

export function runBit(m: BitManifest, input: BitInput, fn: BitFn | undefined = bitFor(m.id)): OOI[] {
  if (!fn) throw new AppError('BIT_FAILED', `The bit "${m.id}" has a manifest but no code (plugins/bits/${m.id}/bit.ts)`, { id: m.id });
  let out: unknown;
  try {
    out = fn(input);
  } catch (e) {
    throw new AppError('BIT_FAILED', `${m.id} failed on ${input.source.pk}: ${isAppError(e) ? e.message : e instanceof Error ? e.message : String(e)}`, {
      id: m.id,
      source: input.source.pk,
      ...(isAppError(e) ? { cause: e.code } : {}),
    });
  }
  if (!Array.isArray(out)) throw new AppError('BIT_FAILED', `${m.id} returned no list of objects`, { id: m.id, source: input.source.pk });
  if (out.length > MAX_OBJECTS_PER_BIT_RUN) {
    throw new AppError('BIT_FAILED', `${m.id} returned ${out.length} objects for one source (at most ${MAX_OBJECTS_PER_BIT_RUN})`, { id: m.id, count: out.length });
  }
  const seen = new Map<string, OOI>();
  out.forEach((o: unknown, index) => {
    const ooi = checkObject(m, o, index, input.source.pk);
    const prev = seen.get(ooi.pk);
    seen.set(ooi.pk, prev ? { ...ooi, data: { ...prev.data, ...ooi.data } } : ooi);
  });
  return [...seen.values()];
}

function checkObject(m: BitManifest, o: unknown, index: number, source: string): OOI {
  if (!o || typeof o !== 'object' || typeof (o as OOI).type !== 'string' || typeof (o as OOI).data !== 'object') {
    throw new AppError('BIT_FAILED', `${m.id} returned something that is not an object at index ${index}`, { id: m.id, index, source });
  }
  const { type, data, pk } = o as OOI;
  if (!m.produces.some((p) => p === type || isSubtypeOf(type, p))) {
    throw new AppError('BIT_FAILED', `${m.id} returned a ${type}, which its manifest does not list in produces`, { id: m.id, index, type, source });
  }
  let checked: OOI;
  try {
    checked = normalizeObject(type, data);
  } catch (e) {
    if (isAppError(e)) throw new AppError('BIT_FAILED', `${m.id} returned an invalid ${type} (object ${index}): ${e.message}`, { ...e.details, id: m.id, index, source });
    throw e;
  }
  if (pk !== undefined && pk !== checked.pk) {
    throw new AppError('BIT_FAILED', `${m.id} returned ${pk}, but its attributes make ${checked.pk}`, { id: m.id, index, source });
  }
  return checked;
}
