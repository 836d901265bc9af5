/**
 * Bitemporal "as of" reads. A version of an object is visible at (validTime V, txTime T) when
 * valid_from <= V < valid_to and tx_from <= T < tx_to; the object exists then if that version's
 * data is not null. At most one version per object is visible at any (V, T).
 */
import type { Clock } from '../../common/clock.js';

/** A fully resolved point in both time dimensions (ISO strings). */
export interface AsOf {
  validTime: string;
  txTime: string;
}

/** Fills the defaults of an API `asOf` (either time missing means now). */
export function resolveAsOf(input: { validTime?: string; txTime?: string }, clock: Clock): AsOf {
  const now = clock.now().toISOString();
  return {
    validTime: new Date(input.validTime ?? now).toISOString(),
    txTime: new Date(input.txTime ?? now).toISOString(),
  };
}

/**
 * SQL condition selecting versions visible at (V, T) for alias `v`, with V and T bound to the
 * placeholders `$vp` and `$tp` (numbers of the caller's parameter list).
 */
export function visibleAt(alias: string, vp: number, tp: number): string {
  return (
    `${alias}.valid_from <= $${vp}::timestamptz AND ${alias}.valid_to > $${vp}::timestamptz` +
    ` AND ${alias}.tx_from <= $${tp}::timestamptz AND ${alias}.tx_to > $${tp}::timestamptz`
  );
}

/** ISO string of a timestamp column value (PGlite returns Date for timestamptz). */
export function iso(v: unknown): string {
  if (v instanceof Date) return v.toISOString();
  return new Date(String(v)).toISOString();
}
