/** Shared checks for normalizer tests: hostile inputs must fail fast with a coded error, never partly. */
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { expect } from 'vitest';
import { AppError } from '../../src-main/common/errors';
import type { Normalize, NormalizerInput } from '../../src-main/normalizers/types';

/** The bytes of a fixture file next to a normalizer. */
export function fixture(normalizerId: string, name: string): Buffer {
  return readFileSync(new URL(`../../plugins/normalizers/${normalizerId}/fixtures/${name}`, import.meta.url));
}

/** `size` random bytes (deterministic enough for a test: crypto-random, but never valid input). */
export function garbage(size: number): Buffer {
  return randomBytes(size);
}

/**
 * Runs the normalizer and asserts it threw an AppError with one of `codes` within `maxMs`
 * (returning anything, even an empty list, fails). The default bound is generous for a shared
 * 2-core machine: it catches hangs and quadratic work, 50 MB take ~1 s here. Returns the error.
 */
export function expectRejected(normalize: Normalize, input: NormalizerInput, codes: string[] = ['RAW_MALFORMED'], maxMs = 10_000): AppError {
  const t0 = performance.now();
  let thrown: unknown;
  let returned: unknown;
  try {
    returned = normalize(input);
  } catch (e) {
    thrown = e;
  }
  const ms = performance.now() - t0;
  expect(returned, 'the normalizer returned output for bad input').toBeUndefined();
  expect(thrown).toBeInstanceOf(AppError);
  const err = thrown as AppError;
  expect(codes, `unexpected ${err.code}: ${err.message}`).toContain(err.code);
  expect(err.message.length).toBeGreaterThan(0);
  expect(ms, `took ${Math.round(ms)} ms`).toBeLessThan(maxMs);
  return err;
}

/** fn throws RAW_MALFORMED (with details.reason when given). */
export function expectMalformed(fn: () => unknown, reason?: string): void {
  let thrown: unknown;
  try {
    fn();
  } catch (e) {
    thrown = e;
  }
  expect(thrown, 'expected an error').toBeDefined();
  expect(thrown).toMatchObject({ name: 'AppError', code: 'RAW_MALFORMED', ...(reason ? { details: expect.objectContaining({ reason }) } : {}) });
}
