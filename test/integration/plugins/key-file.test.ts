import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import { FakeClock } from '../../../src-main/common/clock';
import { silentLogger } from '../../../src-main/common/logger';
import { createKat } from '../../../src-main/core/kat';
import { SecretBox } from '../../../src-main/plugins/secrets';

const FIXTURES = join(import.meta.dirname, '../../fixtures/plugins/catalogue');
const SECRET = 'sk_live_0123456789abcdef';

describe('plugin secrets in a data folder', () => {
  const dir = mkdtempSync(join(tmpdir(), 'kat-data-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const open = () => createKat({ data: dir, pluginsDir: FIXTURES, logger: silentLogger, clock: new FakeClock('2026-03-01T10:00:00Z') });

  it('creates an owner-only key file, keeps secrets across restarts, and survives a replaced key', async () => {
    let kat = await open();
    await kat.call('orgs.create', { code: 'acme', name: 'Acme' });
    await kat.call('plugins.settings.set', { org: 'acme', id: 'api-lookup', settings: { api_key: SECRET, region: 'eu' } });
    expect(statSync(SecretBox.keyFilePath(dir)).mode & 0o777).toBe(0o600);
    await kat.close();

    kat = await open();
    expect(await kat.call('plugins.get', { org: 'acme', id: 'api-lookup' })).toMatchObject({ settings: { api_key: '••••cdef' }, secretsSet: ['api_key'] });
    expect((await kat.plugins.effectiveSettings('acme', 'api-lookup')).api_key).toBe(SECRET);
    await kat.close();

    // Another key: the stored secret cannot be read; the app still runs and asks for it again.
    writeFileSync(SecretBox.keyFilePath(dir), randomBytes(32).toString('hex'));
    kat = await open();
    expect(await kat.call('plugins.get', { org: 'acme', id: 'api-lookup' })).toMatchObject({ secretsSet: [], missingSettings: ['api_key'] });
    await expect(kat.plugins.effectiveSettings('acme', 'api-lookup')).rejects.toMatchObject({ code: 'SECRETS_UNAVAILABLE' });
    await kat.call('plugins.settings.set', { org: 'acme', id: 'api-lookup', settings: { api_key: SECRET, region: 'eu' } });
    expect((await kat.plugins.effectiveSettings('acme', 'api-lookup')).api_key).toBe(SECRET);
    await kat.close();
  });
});
