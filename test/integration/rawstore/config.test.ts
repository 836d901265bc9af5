import { describe, expect, it } from 'vitest';
import { createRawStore, rawStoreConfigFor } from '../../../src-main/rawstore/config';

describe('raw store configuration', () => {
  it('defaults: memory for memory://, a folder inside the data folder otherwise', () => {
    expect(rawStoreConfigFor('memory://', {})).toEqual({ kind: 'memory' });
    expect(rawStoreConfigFor('/data/kat', {})).toEqual({ kind: 'local', dir: '/data/kat/raw-files' });
    expect(rawStoreConfigFor('file:///data/kat', {})).toEqual({ kind: 'local', dir: '/data/kat/raw-files' });
    expect(rawStoreConfigFor('/data/kat', { KAT_RAW_DIR: '/big/raw' })).toEqual({ kind: 'local', dir: '/big/raw' });
  });

  it('S3 from the environment', () => {
    const env = {
      KAT_RAW_STORE: 's3',
      KAT_S3_ENDPOINT: 'http://127.0.0.1:9000',
      KAT_S3_BUCKET: 'raw',
      KAT_S3_ACCESS_KEY_ID: 'id',
      KAT_S3_SECRET_ACCESS_KEY: 'secret',
    };
    const cfg = rawStoreConfigFor('/data', env);
    expect(cfg).toEqual({
      kind: 's3',
      endpoint: 'http://127.0.0.1:9000',
      region: 'us-east-1',
      bucket: 'raw',
      prefix: undefined,
      credentials: { accessKeyId: 'id', secretAccessKey: 'secret' },
      forcePathStyle: true,
    });
    expect(createRawStore(cfg).kind).toBe('s3');
    expect(() => rawStoreConfigFor('/data', { KAT_RAW_STORE: 's3' })).toThrow(expect.objectContaining({ code: 'BAD_REQUEST' }));
    expect(() => rawStoreConfigFor('/data', { KAT_RAW_STORE: 'ftp' })).toThrow(expect.objectContaining({ code: 'BAD_REQUEST' }));
  });
});
