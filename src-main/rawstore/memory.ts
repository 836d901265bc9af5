import { contentPath, notFound, sha256Hex, verified, type RawStore } from './store';

/** Raw files in process memory: the backend of a memory:// installation, where nothing persists. */
export class MemoryStore implements RawStore {
  readonly kind = 'memory' as const;
  /** exposed so tests can damage a stored copy */
  readonly files = new Map<string, Buffer>();

  async put(bytes: Uint8Array): Promise<{ sha256: string; size: number }> {
    const sha256 = sha256Hex(bytes);
    this.files.set(sha256, Buffer.from(bytes));
    return { sha256, size: bytes.length };
  }

  async get(sha256: string): Promise<Buffer> {
    contentPath(sha256);
    const b = this.files.get(sha256);
    if (!b) throw notFound(sha256, 'memory');
    return verified(sha256, Buffer.from(b), 'memory');
  }

  async has(sha256: string): Promise<boolean> {
    contentPath(sha256);
    return this.files.has(sha256);
  }

  async delete(sha256: string): Promise<void> {
    this.files.delete(sha256);
  }

  async close(): Promise<void> {}
}
