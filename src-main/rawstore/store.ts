import { createHash } from 'node:crypto';
import { AppError } from '../common/errors';

/**
 * Content-addressed storage of raw file bytes. The address is the sha256 of the content, and every
 * read re-hashes what comes back: a file changed at rest (or mangled in transit) is RAW_CORRUPT,
 * never silently returned.
 */
export interface RawStore {
  readonly kind: 'local' | 's3' | 'memory';
  /** Stores bytes (idempotent: the same content has the same address; a rewrite repairs a corrupt copy). */
  put(bytes: Uint8Array): Promise<{ sha256: string; size: number }>;
  /** The bytes, re-hashed: RAW_NOT_FOUND if absent, RAW_CORRUPT on a hash mismatch. */
  get(sha256: string): Promise<Buffer>;
  has(sha256: string): Promise<boolean>;
  delete(sha256: string): Promise<void>;
  close(): Promise<void>;
}

const SHA256 = /^[0-9a-f]{64}$/;

export function sha256Hex(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** Guards every address before it becomes a path or an object key. */
export function assertSha256(sha256: string): void {
  if (!SHA256.test(sha256)) throw new AppError('BAD_REQUEST', 'A raw file address must be 64 lowercase hex digits (sha256)', { field: 'sha256' });
}

/** `ab/cd/abcd…`: two levels of fan-out keep folders (and S3 listings) small. */
export function contentPath(sha256: string): string {
  assertSha256(sha256);
  return `${sha256.slice(0, 2)}/${sha256.slice(2, 4)}/${sha256}`;
}

/** Returns the bytes if they hash to the address, else throws RAW_CORRUPT. */
export function verified(sha256: string, bytes: Buffer, where: string): Buffer {
  const actual = sha256Hex(bytes);
  if (actual !== sha256) {
    throw new AppError('RAW_CORRUPT', `Raw file ${sha256.slice(0, 12)}… in ${where} is corrupt: its content no longer matches its sha256`, {
      sha256,
      actual,
      size: bytes.length,
    });
  }
  return bytes;
}

export function notFound(sha256: string, where: string): AppError {
  return new AppError('RAW_NOT_FOUND', `Raw file ${sha256.slice(0, 12)}… is not in ${where}`, { sha256 });
}
