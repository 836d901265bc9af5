import { randomUUID } from 'node:crypto';
import type { Clock } from '../common/clock';
import { AppError } from '../common/errors';
import type { Database, Queryable } from '../db/database';
import type { RawFileInfo, RawPreview } from '../api/contracts/plugins';
import type { KatEvent } from '../api/types';
import * as repo from './repository';
import type { RawStore } from './store';

export interface StoreRawInput {
  org: string;
  bytes: Uint8Array;
  mimeTypes: string[];
  fileName?: string | null;
  source: 'boefje' | 'upload';
  taskId?: string | null;
  inputPk?: string | null;
  pluginId?: string | null;
  startedAt?: Date | null;
  endedAt?: Date | null;
}

export interface RawFilesDeps {
  db: Database;
  clock: Clock;
  store: RawStore;
  recordEvent: (q: Queryable, event: KatEvent) => Promise<void>;
  afterCommit: () => Promise<void>;
}

/** 50 MiB: larger outputs are refused rather than stored. */
export const MAX_RAW_BYTES = 50 * 1024 * 1024;

/**
 * Raw files: bytes in the content-addressed store, metadata in raw_files. Storing emits
 * `raw.stored` (normalizers are triggered from that event).
 */
export class RawFiles {
  constructor(private readonly d: RawFilesDeps) {}

  get store(): RawStore {
    return this.d.store;
  }

  async save(input: StoreRawInput): Promise<RawFileInfo> {
    if (input.bytes.length > MAX_RAW_BYTES) {
      throw new AppError('RAW_TOO_LARGE', `A raw file may be at most ${MAX_RAW_BYTES / 1024 / 1024} MiB; this one is ${input.bytes.length} bytes`, {
        size: input.bytes.length,
        max: MAX_RAW_BYTES,
      });
    }
    // Bytes first: a crash in between leaves an unreferenced blob (harmless), never a dangling row.
    const { sha256, size } = await this.d.store.put(input.bytes);
    const id = randomUUID();
    const info = await this.d.db.transaction(async (tx) => {
      const row = await repo.insertRawFile(tx, {
        org: input.org,
        id,
        sha256,
        size,
        mimeTypes: [...new Set(input.mimeTypes)],
        fileName: input.fileName ?? null,
        source: input.source,
        taskId: input.taskId ?? null,
        inputPk: input.inputPk ?? null,
        pluginId: input.pluginId ?? null,
        startedAt: input.startedAt ?? null,
        endedAt: input.endedAt ?? null,
        createdAt: this.d.clock.now(),
      });
      await this.d.recordEvent(tx, { topic: 'raw.stored', org: input.org, rawId: id, mimeTypes: row.mimeTypes });
      return row;
    });
    await this.d.afterCommit();
    return info;
  }

  async info(org: string, id: string): Promise<RawFileInfo> {
    const f = await repo.getRawFile(this.d.db, org, id);
    if (!f) throw new AppError('RAW_NOT_FOUND', `No raw file "${id}" in organisation "${org}"`, { org, id });
    return f;
  }

  /** The file's metadata and its full bytes, hash-checked. */
  async read(org: string, id: string): Promise<{ file: RawFileInfo; bytes: Buffer }> {
    const file = await this.info(org, id);
    return { file, bytes: await this.d.store.get(file.sha256) };
  }

  async preview(org: string, id: string, as: 'text' | 'base64', maxBytes: number): Promise<RawPreview> {
    const { file, bytes } = await this.read(org, id);
    const head = bytes.subarray(0, maxBytes);
    return {
      file,
      as,
      content: as === 'base64' ? head.toString('base64') : head.toString('utf8'),
      truncated: bytes.length > head.length,
      binary: looksBinary(head, bytes.length > head.length),
    };
  }

  list(org: string, filter: repo.RawFileFilter): Promise<{ items: RawFileInfo[]; total: number }> {
    return repo.listRawFiles(this.d.db, org, filter);
  }

  objectExists(org: string, pk: string): Promise<boolean> {
    return repo.objectExists(this.d.db, org, pk);
  }

  close(): Promise<void> {
    return this.d.store.close();
  }
}

/** NUL bytes or invalid UTF-8 (a sequence cut at the end of a truncated preview is allowed). */
export function looksBinary(bytes: Buffer, truncated: boolean): boolean {
  if (bytes.includes(0)) return true;
  try {
    // stream: a multi-byte character cut off by the preview limit is not an error
    new TextDecoder('utf-8', { fatal: true }).decode(bytes, { stream: truncated });
    return false;
  } catch {
    return true;
  }
}
