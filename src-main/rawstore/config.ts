import { join } from 'node:path';
import { AppError } from '../common/errors';
import { LocalFolderStore } from './local';
import { MemoryStore } from './memory';
import { S3Store, type S3StoreConfig } from './s3';
import type { RawStore } from './store';

/** Which raw store backend to use. */
export type RawStoreConfig = { kind: 'local'; dir: string } | ({ kind: 's3' } & S3StoreConfig) | { kind: 'memory' };

export function createRawStore(cfg: RawStoreConfig): RawStore {
  switch (cfg.kind) {
    case 'local':
      return new LocalFolderStore(cfg.dir);
    case 's3':
      return new S3Store(cfg);
    case 'memory':
      return new MemoryStore();
  }
}

/**
 * The default for a data location: memory for memory://, else `<data>/raw-files`, unless the
 * environment selects S3 (KAT_RAW_STORE=s3 with KAT_S3_ENDPOINT, KAT_S3_REGION, KAT_S3_BUCKET,
 * KAT_S3_PREFIX, KAT_S3_ACCESS_KEY_ID, KAT_S3_SECRET_ACCESS_KEY).
 */
export function rawStoreConfigFor(dataLocation: string, env: NodeJS.ProcessEnv = process.env): RawStoreConfig {
  const kind = env.KAT_RAW_STORE ?? (dataLocation === 'memory://' || dataLocation === '' ? 'memory' : 'local');
  if (kind === 'memory') return { kind: 'memory' };
  if (kind === 'local') {
    const dir = env.KAT_RAW_DIR || join(dataLocation.startsWith('file://') ? dataLocation.slice('file://'.length) : dataLocation, 'raw-files');
    return { kind: 'local', dir };
  }
  if (kind === 's3') {
    if (!env.KAT_S3_BUCKET) throw new AppError('BAD_REQUEST', 'KAT_RAW_STORE=s3 needs KAT_S3_BUCKET (and usually KAT_S3_ENDPOINT)', { field: 'KAT_S3_BUCKET' });
    const credentials =
      env.KAT_S3_ACCESS_KEY_ID && env.KAT_S3_SECRET_ACCESS_KEY
        ? { accessKeyId: env.KAT_S3_ACCESS_KEY_ID, secretAccessKey: env.KAT_S3_SECRET_ACCESS_KEY }
        : undefined;
    return {
      kind: 's3',
      endpoint: env.KAT_S3_ENDPOINT || undefined,
      region: env.KAT_S3_REGION || 'us-east-1',
      bucket: env.KAT_S3_BUCKET,
      prefix: env.KAT_S3_PREFIX || undefined,
      credentials,
      forcePathStyle: env.KAT_S3_FORCE_PATH_STYLE !== 'false',
    };
  }
  throw new AppError('BAD_REQUEST', `KAT_RAW_STORE must be "local", "s3" or "memory", not "${kind}"`, { field: 'KAT_RAW_STORE' });
}
