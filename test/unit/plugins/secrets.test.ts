import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { maskSecret, SecretBox, secretBoxFor } from '../../../src-main/plugins/secrets';

describe('plugins/secrets', () => {
  const tmp = mkdtempSync(join(tmpdir(), 'kat-secrets-'));
  afterAll(() => rmSync(tmp, { recursive: true, force: true }));

  it('round-trips and never contains the plaintext', () => {
    const box = SecretBox.inMemory();
    const sealed = box.encrypt('{"token":"hunter2-hunter2"}', 'a');
    expect(sealed.startsWith('v1:')).toBe(true);
    expect(sealed).not.toContain('hunter2');
    expect(box.decrypt(sealed, 'a')).toBe('{"token":"hunter2-hunter2"}');
    expect(box.encrypt('x', 'a')).not.toBe(box.encrypt('x', 'a'));
  });

  it('refuses another row, a tampered value and another key', () => {
    const box = SecretBox.inMemory();
    const sealed = box.encrypt('secret', 'org1|p');
    expect(() => box.decrypt(sealed, 'org2|p')).toThrow(expect.objectContaining({ code: 'SECRETS_UNAVAILABLE' }));
    const raw = Buffer.from(sealed.slice(3), 'base64');
    raw[raw.length - 1] ^= 1;
    expect(() => box.decrypt('v1:' + raw.toString('base64'), 'org1|p')).toThrow(expect.objectContaining({ code: 'SECRETS_UNAVAILABLE' }));
    expect(() => SecretBox.inMemory().decrypt(sealed, 'org1|p')).toThrow(expect.objectContaining({ code: 'SECRETS_UNAVAILABLE' }));
    expect(() => box.decrypt('plain', 'org1|p')).toThrow(expect.objectContaining({ code: 'SECRETS_UNAVAILABLE' }));
  });

  it('creates the key file once, owner-only, and reuses it', () => {
    const dir = join(tmp, 'data');
    const a = SecretBox.fromKeyFile(dir);
    const path = SecretBox.keyFilePath(dir);
    expect(statSync(path).mode & 0o777).toBe(0o600);
    expect(readFileSync(path, 'utf8').trim()).toMatch(/^[0-9a-f]{64}$/);
    const b = secretBoxFor(dir);
    expect(b.decrypt(a.encrypt('v', 'x'), 'x')).toBe('v');
  });

  it('a damaged key file is a coded error', () => {
    const dir = join(tmp, 'bad');
    SecretBox.fromKeyFile(dir);
    writeFileSync(SecretBox.keyFilePath(dir), 'not a key');
    expect(() => SecretBox.fromKeyFile(dir)).toThrow(expect.objectContaining({ code: 'SECRETS_UNAVAILABLE' }));
  });

  it('masks: at most the last 4 characters, only of long values', () => {
    expect(maskSecret('sk_live_ABCDEFGH1234')).toBe('••••1234');
    expect(maskSecret('short')).toBe('••••');
    expect(maskSecret('elevenchars')).toBe('••••');
  });
});
