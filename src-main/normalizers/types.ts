/**
 * The normalizer contract. A normalizer is a pure function (no I/O, no clock, no database): the raw
 * bytes of one file plus the object the boefje ran on, in; the objects that file proves, out. The
 * task runner saves them as ONE observation (source = the input object, method = the normalizer id,
 * source method = the boefje id), which replaces the previous observation for that source, so what
 * a new scan no longer sees disappears.
 *
 * Normalizers live in plugins/normalizers/<id>/normalize.ts beside their manifest.json and
 * fixtures/, and are registered in src-main/normalizers/registry.ts.
 *
 * Errors: a raw file that cannot be parsed throws `malformed(...)` (AppError RAW_MALFORMED, with
 * the reason and where). An object that fails the model throws INVALID_OBJECT (normalizeObject does
 * this). Either way the task fails and nothing is written. Everything a normalizer returns is
 * validated again by the runner (type in the manifest's `produces`, attributes through the model).
 */
import { AppError } from '../common/errors';
import type { OOI } from '../graph/model';

export interface NormalizerInput {
  /** the raw file's bytes */
  raw: Uint8Array;
  /** the raw file's mime types, e.g. ['boefje/nmap'] */
  mimeTypes: readonly string[];
  /** the object the boefje ran on (references as primary keys); null for an upload about no object */
  input: OOI | null;
}

export interface NormalizerOutput {
  /** every object the raw file proves; referenced objects that a key implies are created anyway */
  objects: OOI[];
}

export type Normalize = (input: NormalizerInput) => NormalizerOutput;

/** A raw file the normalizer cannot read. */
export function malformed(message: string, details: Record<string, unknown> = {}): AppError {
  return new AppError('RAW_MALFORMED', message, details);
}

/**
 * Decodes bytes as UTF-8, strictly: invalid UTF-8 (a file in another encoding, or binary garbage)
 * is RAW_MALFORMED with the byte offset, instead of text full of replacement characters.
 */
export function decodeUtf8(raw: Uint8Array, what = 'the raw file'): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(raw);
  } catch {
    let offset = 0;
    // find the first bad byte for the error message (cheap: stops at the first failure)
    const dec = new TextDecoder('utf-8', { fatal: true });
    for (let step = 1 << 16; offset < raw.length; offset += step) {
      try {
        dec.decode(raw.subarray(offset, Math.min(raw.length, offset + step)), { stream: true });
      } catch {
        break;
      }
    }
    throw malformed(`${what} is not valid UTF-8 text (near byte ${offset})`, { reason: 'encoding', offset });
  }
}

/** Parses JSON, or RAW_MALFORMED saying where it broke. */
export function parseJson(text: string, what = 'the raw file'): unknown {
  try {
    return JSON.parse(text);
  } catch (e) {
    throw malformed(`${what} is not valid JSON: ${e instanceof Error ? e.message : String(e)}`, { reason: 'json' });
  }
}
