import type { S3Client } from '@aws-sdk/client-s3';
import { AppError } from '../common/errors';
import { contentPath, notFound, sha256Hex, verified, type RawStore } from './store';

export interface S3StoreConfig {
  /** e.g. http://127.0.0.1:4569; omit for AWS itself */
  endpoint?: string;
  region: string;
  bucket: string;
  /** key prefix inside the bucket, e.g. "kattegat/" */
  prefix?: string;
  credentials?: { accessKeyId: string; secretAccessKey: string };
  /** path-style URLs (http://host/bucket/key), needed by most self-hosted S3 servers */
  forcePathStyle?: boolean;
}

/**
 * Raw files in an S3 bucket at `<prefix>ab/cd/<sha256>`. Checksums are only computed when the
 * protocol requires them: the default mode wraps stream bodies in aws-chunked framing that some
 * S3-compatible servers store verbatim (see ENVIRONMENT.md); the hash check on read catches that.
 * The SDK is loaded on first use, so installations on the local folder never pay for it.
 */
export class S3Store implements RawStore {
  readonly kind = 's3' as const;
  private sdk?: Promise<{ s3: typeof import('@aws-sdk/client-s3'); client: S3Client }>;

  constructor(private readonly cfg: S3StoreConfig) {}

  private connect(): Promise<{ s3: typeof import('@aws-sdk/client-s3'); client: S3Client }> {
    this.sdk ??= import('@aws-sdk/client-s3').then((s3) => ({
      s3,
      client: new s3.S3Client({
        endpoint: this.cfg.endpoint,
        region: this.cfg.region,
        credentials: this.cfg.credentials,
        forcePathStyle: this.cfg.forcePathStyle ?? true,
        requestChecksumCalculation: 'WHEN_REQUIRED',
        responseChecksumValidation: 'WHEN_REQUIRED',
      }),
    }));
    return this.sdk;
  }

  private key(sha256: string): string {
    return (this.cfg.prefix ?? '') + contentPath(sha256);
  }

  private where(): string {
    return `s3://${this.cfg.bucket}/${this.cfg.prefix ?? ''}`;
  }

  async put(bytes: Uint8Array): Promise<{ sha256: string; size: number }> {
    const sha256 = sha256Hex(bytes);
    try {
      const { s3, client } = await this.connect();
      await client.send(
        new s3.PutObjectCommand({ Bucket: this.cfg.bucket, Key: this.key(sha256), Body: bytes, ContentLength: bytes.length, ContentType: 'application/octet-stream' }),
      );
    } catch (e) {
      throw this.failed('store a raw file in', e);
    }
    return { sha256, size: bytes.length };
  }

  async get(sha256: string): Promise<Buffer> {
    let bytes: Buffer;
    try {
      const { s3, client } = await this.connect();
      const res = await client.send(new s3.GetObjectCommand({ Bucket: this.cfg.bucket, Key: this.key(sha256) }));
      if (!res.Body) throw notFound(sha256, this.where());
      bytes = Buffer.from(await res.Body.transformToByteArray());
    } catch (e) {
      if (e instanceof AppError) throw e;
      if (isMissing(e)) throw notFound(sha256, this.where());
      throw this.failed('read a raw file from', e);
    }
    return verified(sha256, bytes, this.where());
  }

  async has(sha256: string): Promise<boolean> {
    try {
      const { s3, client } = await this.connect();
      await client.send(new s3.HeadObjectCommand({ Bucket: this.cfg.bucket, Key: this.key(sha256) }));
      return true;
    } catch (e) {
      if (isMissing(e)) return false;
      throw this.failed('look up a raw file in', e);
    }
  }

  async delete(sha256: string): Promise<void> {
    try {
      const { s3, client } = await this.connect();
      await client.send(new s3.DeleteObjectCommand({ Bucket: this.cfg.bucket, Key: this.key(sha256) }));
    } catch (e) {
      if (!isMissing(e)) throw this.failed('delete a raw file from', e);
    }
  }

  async close(): Promise<void> {
    if (this.sdk) (await this.sdk).client.destroy();
  }

  /** A coded error naming the bucket and the S3 error, never the credentials. */
  private failed(what: string, e: unknown): AppError {
    const name = (e as { name?: string }).name ?? 'Error';
    const msg = e instanceof Error ? e.message : String(e);
    return new AppError('RAW_STORE_FAILED', `Could not ${what} ${this.where()} (${name}: ${msg}); check the S3 endpoint, bucket and credentials`, {
      bucket: this.cfg.bucket,
      endpoint: this.cfg.endpoint,
      s3Error: name,
    });
  }
}

function isMissing(e: unknown): boolean {
  const err = e as { name?: string; $metadata?: { httpStatusCode?: number } };
  return err?.name === 'NoSuchKey' || err?.name === 'NotFound' || err?.$metadata?.httpStatusCode === 404;
}
