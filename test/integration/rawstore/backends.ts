import { inCI } from '../../helpers/ci';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import S3rver from 's3rver';
import type { S3StoreConfig } from '../../../src-main/rawstore/s3';

/** A real S3-protocol server (s3rver) on loopback with a fresh bucket in a temp folder. */
export interface S3Fixture {
  config: S3StoreConfig;
  /** writes bytes at a key behind the store's back (to damage a stored object) */
  overwrite(key: string, bytes: Uint8Array): Promise<void>;
  stop(): Promise<void>;
}

export async function startS3(): Promise<S3Fixture> {
  const dir = mkdtempSync(join(tmpdir(), 'kat-s3rver-'));
  const server = new S3rver({ address: '127.0.0.1', port: 0, silent: true, directory: dir, configureBuckets: [{ name: 'kat-raw' }] });
  const { port } = await server.run();
  const config: S3StoreConfig = {
    endpoint: `http://127.0.0.1:${port}`,
    region: 'us-east-1',
    bucket: 'kat-raw',
    prefix: 'raw/',
    credentials: { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' },
    forcePathStyle: true,
  };
  const client = new S3Client({ ...config, requestChecksumCalculation: 'WHEN_REQUIRED', responseChecksumValidation: 'WHEN_REQUIRED' });
  return {
    config,
    overwrite: async (key, bytes) => {
      await client.send(new PutObjectCommand({ Bucket: config.bucket, Key: key, Body: bytes }));
    },
    stop: async () => {
      client.destroy();
      await server.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/**
 * Starts s3rver, or explains why not. With CI=true a failure is a test failure; locally the S3
 * suites are skipped with the reason in their name.
 */
export async function tryStartS3(): Promise<{ s3: S3Fixture | null; why: string }> {
  try {
    return { s3: await startS3(), why: '' };
  } catch (e) {
    if (inCI()) throw e;
    return { s3: null, why: `s3rver could not start: ${e instanceof Error ? e.message : String(e)}` };
  }
}
