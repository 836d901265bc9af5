import { randomBytes } from 'node:crypto';
import { mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { LocalFolderStore } from '../../../src-main/rawstore/local';
import { S3Store } from '../../../src-main/rawstore/s3';
import { contentPath, sha256Hex, type RawStore } from '../../../src-main/rawstore/store';
import { tryStartS3 } from './backends';

interface Backend {
  store: RawStore;
  /** damages the stored copy of sha256 behind the store's back */
  corrupt(sha256: string, bytes: Uint8Array): Promise<void>;
}

/** The one suite every backend must pass. */
function rawStoreSuite(name: string, make: () => Backend, skip = '') {
  describe.skipIf(skip !== '')(skip ? `${name} — SKIPPED: ${skip}` : name, () => {
    const b = skip ? (null as unknown as Backend) : make();
    afterAll(() => b?.store.close());

    it('stores content-addressed and reads back exactly', async () => {
      const bytes = Buffer.from('<nmaprun>hello</nmaprun>\n');
      const put = await b.store.put(bytes);
      expect(put).toEqual({ sha256: sha256Hex(bytes), size: bytes.length });
      expect(await b.store.get(put.sha256)).toEqual(bytes);
      expect(await b.store.has(put.sha256)).toBe(true);
    });

    it('round-trips binary, empty and multi-megabyte content', async () => {
      for (const bytes of [Buffer.alloc(0), Buffer.from([0, 255, 0, 1, 128]), randomBytes(3 * 1024 * 1024 + 7)]) {
        const { sha256, size } = await b.store.put(bytes);
        expect(size).toBe(bytes.length);
        expect((await b.store.get(sha256)).equals(bytes)).toBe(true);
      }
    });

    it('is idempotent, also for concurrent writers of the same content', async () => {
      const bytes = randomBytes(64 * 1024);
      const puts = await Promise.all(Array.from({ length: 6 }, () => b.store.put(bytes)));
      expect(new Set(puts.map((p) => p.sha256)).size).toBe(1);
      expect((await b.store.get(puts[0]!.sha256)).equals(bytes)).toBe(true);
    });

    it('a missing file is RAW_NOT_FOUND; a malformed address is refused', async () => {
      const absent = sha256Hex(Buffer.from('never stored ' + name));
      expect(await b.store.has(absent)).toBe(false);
      await expect(b.store.get(absent)).rejects.toMatchObject({ code: 'RAW_NOT_FOUND', details: { sha256: absent } });
      await expect(b.store.get('../../etc/passwd')).rejects.toMatchObject({ code: 'BAD_REQUEST' });
      await expect(b.store.get(absent.toUpperCase())).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    });

    it('detects a corrupted stored file by its hash, and a new put repairs it', async () => {
      const bytes = Buffer.from('{"answer": 42}');
      const { sha256 } = await b.store.put(bytes);
      await b.corrupt(sha256, Buffer.from('{"answer": 43}'));
      await expect(b.store.get(sha256)).rejects.toMatchObject({ code: 'RAW_CORRUPT', details: { sha256, actual: sha256Hex(Buffer.from('{"answer": 43}')) } });
      await b.corrupt(sha256, Buffer.alloc(0));
      await expect(b.store.get(sha256)).rejects.toMatchObject({ code: 'RAW_CORRUPT' });
      await b.store.put(bytes);
      expect((await b.store.get(sha256)).equals(bytes)).toBe(true);
    });

    it('deletes, and deleting twice is fine', async () => {
      const { sha256 } = await b.store.put(Buffer.from('to be deleted ' + name));
      await b.store.delete(sha256);
      expect(await b.store.has(sha256)).toBe(false);
      await b.store.delete(sha256);
      await expect(b.store.get(sha256)).rejects.toMatchObject({ code: 'RAW_NOT_FOUND' });
    });
  });
}

const localDir = mkdtempSync(join(tmpdir(), 'kat-raw-'));
afterAll(() => rmSync(localDir, { recursive: true, force: true }));
const local = new LocalFolderStore(localDir);
rawStoreSuite('raw store: local folder', () => ({
  store: local,
  corrupt: async (sha256, bytes) => writeFileSync(join(localDir, contentPath(sha256)), bytes),
}));

const { s3, why } = await tryStartS3();
afterAll(() => s3?.stop());
rawStoreSuite(
  'raw store: S3 (s3rver)',
  () => {
    const store = new S3Store(s3!.config);
    return { store, corrupt: (sha256, bytes) => s3!.overwrite(`${s3!.config.prefix}${contentPath(sha256)}`, bytes) };
  },
  why,
);

describe('raw store: local folder layout', () => {
  it('writes ab/cd/<sha256>, owner-only, without leftover temp files', async () => {
    const { sha256 } = await local.put(Buffer.from('layout'));
    const path = join(localDir, sha256.slice(0, 2), sha256.slice(2, 4), sha256);
    expect(statSync(path).mode & 0o777).toBe(0o600);
    expect(readdirSync(join(localDir, sha256.slice(0, 2), sha256.slice(2, 4)))).toEqual([sha256]);
  });
});

describe('raw store: S3 errors', () => {
  it.skipIf(!s3)(`an unreachable or wrong bucket is RAW_STORE_FAILED, without credentials in the message${s3 ? '' : ` — SKIPPED: ${why}`}`, async () => {
    const wrong = new S3Store({ ...s3!.config, bucket: 'no-such-bucket' });
    try {
      const err = await wrong.put(Buffer.from('x')).catch((e: unknown) => e);
      expect(err).toMatchObject({ code: 'RAW_STORE_FAILED', details: { bucket: 'no-such-bucket' } });
      expect(JSON.stringify(err) + String((err as Error).message)).not.toContain('S3RVER');
    } finally {
      await wrong.close();
    }
  });
});
