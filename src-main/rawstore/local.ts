import { randomBytes } from 'node:crypto';
import { mkdir, open, readFile, rename, rm, stat } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { AppError } from '../common/errors';
import { contentPath, notFound, sha256Hex, verified, type RawStore } from './store';

/** Raw files in a local folder at `<root>/ab/cd/<sha256>`, written atomically (temp file + rename). */
export class LocalFolderStore implements RawStore {
  readonly kind = 'local' as const;

  constructor(readonly root: string) {}

  pathOf(sha256: string): string {
    return join(this.root, contentPath(sha256));
  }

  async put(bytes: Uint8Array): Promise<{ sha256: string; size: number }> {
    const sha256 = sha256Hex(bytes);
    const path = this.pathOf(sha256);
    const tmp = join(dirname(path), `.tmp-${randomBytes(8).toString('hex')}`);
    try {
      await mkdir(dirname(path), { recursive: true });
      const fh = await open(tmp, 'wx', 0o600);
      try {
        await fh.writeFile(bytes);
        await fh.sync();
      } finally {
        await fh.close();
      }
      await rename(tmp, path);
    } catch (e) {
      await rm(tmp, { force: true }).catch(() => undefined);
      throw failed(`write ${path}`, e);
    }
    return { sha256, size: bytes.length };
  }

  async get(sha256: string): Promise<Buffer> {
    const path = this.pathOf(sha256);
    let bytes: Buffer;
    try {
      bytes = await readFile(path);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') throw notFound(sha256, this.root);
      throw failed(`read ${path}`, e);
    }
    return verified(sha256, bytes, this.root);
  }

  async has(sha256: string): Promise<boolean> {
    try {
      return (await stat(this.pathOf(sha256))).isFile();
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') return false;
      throw failed(`stat ${this.pathOf(sha256)}`, e);
    }
  }

  async delete(sha256: string): Promise<void> {
    await rm(this.pathOf(sha256), { force: true });
  }

  async close(): Promise<void> {}
}

function failed(what: string, e: unknown): AppError {
  return new AppError('RAW_STORE_FAILED', `Could not ${what}: ${e instanceof Error ? e.message : String(e)}`);
}
