import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { chmodSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { AppError } from '../common/errors';

const KEY_FILE = 'kat-secrets.key';
const PREFIX = 'v1:';

/**
 * Encrypts plugin secrets at rest with AES-256-GCM. The associated data binds a ciphertext to its
 * organisation and plugin, so a value copied to another row does not decrypt. Plaintext never
 * leaves this module except to the caller that asked for it.
 */
export class SecretBox {
  private constructor(private readonly key: Buffer) {}

  /** A key that lives only as long as the process: for memory:// databases. */
  static inMemory(): SecretBox {
    return new SecretBox(randomBytes(32));
  }

  /**
   * The key from `<dir>/kat-secrets.key`, created on first use (32 random bytes, hex, mode 0600).
   * `wx` makes creation atomic: two processes never write two different keys.
   */
  static fromKeyFile(dir: string): SecretBox {
    const path = join(dir, KEY_FILE);
    mkdirSync(dirname(path), { recursive: true });
    try {
      writeFileSync(path, randomBytes(32).toString('hex') + '\n', { flag: 'wx', mode: 0o600 });
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw unavailable(path, e);
    }
    try {
      if ((statSync(path).mode & 0o077) !== 0) chmodSync(path, 0o600);
      const hex = readFileSync(path, 'utf8').trim();
      if (!/^[0-9a-f]{64}$/.test(hex)) throw new Error('the key file does not hold a 256-bit hex key');
      return new SecretBox(Buffer.from(hex, 'hex'));
    } catch (e) {
      throw unavailable(path, e);
    }
  }

  static keyFilePath(dir: string): string {
    return join(dir, KEY_FILE);
  }

  encrypt(plain: string, aad: string): string {
    const iv = randomBytes(12);
    const c = createCipheriv('aes-256-gcm', this.key, iv);
    c.setAAD(Buffer.from(aad, 'utf8'));
    const body = Buffer.concat([c.update(plain, 'utf8'), c.final()]);
    return PREFIX + Buffer.concat([iv, c.getAuthTag(), body]).toString('base64');
  }

  decrypt(sealed: string, aad: string): string {
    if (!sealed.startsWith(PREFIX)) throw new AppError('SECRETS_UNAVAILABLE', 'A stored secret has an unknown format');
    const buf = Buffer.from(sealed.slice(PREFIX.length), 'base64');
    try {
      const d = createDecipheriv('aes-256-gcm', this.key, buf.subarray(0, 12));
      d.setAAD(Buffer.from(aad, 'utf8'));
      d.setAuthTag(buf.subarray(12, 28));
      return Buffer.concat([d.update(buf.subarray(28)), d.final()]).toString('utf8');
    } catch {
      throw new AppError(
        'SECRETS_UNAVAILABLE',
        'Stored plugin secrets cannot be decrypted with this installation\'s key (was kat-secrets.key replaced?); enter the secrets again',
      );
    }
  }
}

function unavailable(path: string, e: unknown): AppError {
  return new AppError('SECRETS_UNAVAILABLE', `The secret key file ${path} cannot be used: ${e instanceof Error ? e.message : String(e)}`, {
    file: path,
  });
}

/** What the API shows of a secret: never more than its last 4 characters, and only for long values. */
export function maskSecret(value: string): string {
  return value.length >= 12 ? `••••${value.slice(-4)}` : '••••';
}

/** The secret box for a data location: a process-lifetime key for memory://, else the key file in the data folder. */
export function secretBoxFor(dataLocation: string): SecretBox {
  if (dataLocation === 'memory://' || dataLocation === '') return SecretBox.inMemory();
  return SecretBox.fromKeyFile(dataLocation.startsWith('file://') ? dataLocation.slice('file://'.length) : dataLocation);
}
