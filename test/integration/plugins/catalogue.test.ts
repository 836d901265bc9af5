import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { KatEvent } from '../../../src-main/api/types';
import { testKat, type TestKat } from '../../helpers/kat';

const FIXTURES = join(import.meta.dirname, '../../fixtures/plugins/catalogue');

describe('plugin catalogue: loading', () => {
  let kat: TestKat;
  beforeEach(async () => {
    kat = await testKat({ pluginsDir: FIXTURES });
  });
  afterEach(() => kat.close());

  it('the core starts with broken plugins and lists them with coded errors naming file and field', async () => {
    expect(await kat.api('objects.list', { org: 'acme' })).toMatchObject({ total: 0 });
    const list = await kat.api('plugins.list', { org: 'acme' });
    const broken = Object.fromEntries(list.filter((p) => p.broken).map((p) => [p.id, p.errors.map((e) => [e.code, e.details?.field, e.details?.file])]));
    expect(broken).toEqual({
      'bad-json': [['PLUGIN_MANIFEST_INVALID', '', 'boefjes/bad-json/manifest.json']],
      'bad-level': [['PLUGIN_MANIFEST_INVALID', 'scan_level', 'boefjes/bad-level/manifest.json']],
      'missing-name': [['PLUGIN_MANIFEST_INVALID', 'name', 'boefjes/missing-name/manifest.json']],
      'no-manifest': [['PLUGIN_MANIFEST_INVALID', '', 'boefjes/no-manifest/manifest.json']],
      'unknown-type': [['PLUGIN_MANIFEST_INVALID', 'consumes.1', 'boefjes/unknown-type/manifest.json']],
      'wrong-folder': [['PLUGIN_MANIFEST_INVALID', 'image.context', 'boefjes/wrong-folder/manifest.json']],
      'bad-mime': [['PLUGIN_MANIFEST_INVALID', 'consumes.0', 'normalizers/bad-mime/manifest.json']],
    });
    const unknown = list.find((p) => p.id === 'unknown-type')!;
    expect(unknown).toMatchObject({ enabled: false, scanLevel: null, consumes: [] });
    expect(unknown.errors[0]!.message).toContain('"Spaceship" is not an object type');
    expect(list.find((p) => p.id === 'bad-json')!.errors[0]!.message).toContain('is not valid JSON');
  });

  it('a broken plugin cannot be enabled or configured, and says why', async () => {
    await expect(kat.api('plugins.enable', { org: 'acme', id: 'bad-level', enabled: true })).rejects.toMatchObject({
      code: 'PLUGIN_BROKEN',
      details: { id: 'bad-level' },
    });
    await expect(kat.api('plugins.settings.set', { org: 'acme', id: 'bad-json', settings: {} })).rejects.toMatchObject({ code: 'PLUGIN_BROKEN' });
    const detail = await kat.api('plugins.get', { org: 'acme', id: 'bad-level' });
    expect(detail).toMatchObject({ broken: true, manifest: null, settingsSchema: null });
  });

  it('unknown plugins and organisations are coded errors', async () => {
    await expect(kat.api('plugins.get', { org: 'acme', id: 'nope' })).rejects.toMatchObject({ code: 'PLUGIN_NOT_FOUND' });
    await expect(kat.api('plugins.list', { org: 'ghost' })).rejects.toMatchObject({ code: 'ORG_NOT_FOUND' });
  });

  it('filters by kind, enabled and search', async () => {
    const ids = async (f: { kind?: 'boefje' | 'normalizer'; enabled?: boolean; search?: string }) =>
      (await kat.api('plugins.list', { org: 'acme', ...f })).map((p) => p.id);
    expect(await ids({ kind: 'normalizer' })).toEqual(['bad-mime', 'kat_api_normalizer']);
    expect(await ids({ enabled: true })).toEqual(['kat_api_normalizer']);
    expect(await ids({ search: 'API' })).toEqual(['api-lookup', 'kat_api_normalizer']);
    expect(await ids({ search: 'finding' })).toEqual(['kat_api_normalizer']);
    expect(await ids({ kind: 'boefje', search: 'hostname' })).toEqual(['api-lookup']);
  });
});

describe('plugin catalogue: enablement and settings', () => {
  let kat: TestKat;
  let events: KatEvent[];
  let logs: string[];
  beforeEach(async () => {
    logs = [];
    const line = (level: string) => (msg: string, data?: Record<string, unknown>) => logs.push(`${level} ${msg} ${JSON.stringify(data ?? {})}`);
    kat = await testKat({
      pluginsDir: FIXTURES,
      logger: { debug: line('debug'), info: line('info'), warn: line('warn'), error: line('error') },
    });
    events = [];
    kat.subscribe((e) => void events.push(e));
    await kat.api('orgs.create', { code: 'other', name: 'Other' });
  });
  afterEach(() => kat.close());

  const SECRET = 'sk_live_9f8e7d6c5b4a3210';

  it('boefjes default off, normalizers on, per organisation', async () => {
    expect(await kat.api('plugins.get', { org: 'acme', id: 'api-lookup' })).toMatchObject({ kind: 'boefje', enabled: false, scanLevel: 1 });
    expect(await kat.api('plugins.get', { org: 'acme', id: 'kat_api_normalizer' })).toMatchObject({ kind: 'normalizer', enabled: true, scanLevel: null });
    await kat.api('plugins.enable', { org: 'acme', id: 'kat_api_normalizer', enabled: false });
    expect((await kat.api('plugins.get', { org: 'acme', id: 'kat_api_normalizer' })).enabled).toBe(false);
    expect((await kat.api('plugins.get', { org: 'other', id: 'kat_api_normalizer' })).enabled).toBe(true);
    expect(events.filter((e) => e.topic === 'plugins.changed')).toEqual([
      { topic: 'plugins.changed', org: 'acme', pluginId: 'kat_api_normalizer', change: 'disabled' },
    ]);
    expect(await kat.plugins.isEnabled('acme', 'kat_api_normalizer')).toBe(false);
    expect((await kat.plugins.enabledPlugins('other')).map((m) => m.id)).toEqual(['kat_api_normalizer']);
  });

  it('a boefje with required settings cannot be enabled before they are set', async () => {
    const before = await kat.api('plugins.get', { org: 'acme', id: 'api-lookup' });
    expect(before.missingSettings).toEqual(['api_key', 'region']);
    await expect(kat.api('plugins.enable', { org: 'acme', id: 'api-lookup', enabled: true })).rejects.toMatchObject({
      code: 'PLUGIN_SETTINGS_INVALID',
      details: { field: 'api_key' },
    });
    await kat.api('plugins.settings.set', { org: 'acme', id: 'api-lookup', settings: { api_key: SECRET, region: 'eu' } });
    const on = await kat.api('plugins.enable', { org: 'acme', id: 'api-lookup', enabled: true });
    expect(on).toMatchObject({ enabled: true, missingSettings: [] });
    expect((await kat.api('plugins.list', { org: 'acme', kind: 'boefje', enabled: true })).map((p) => p.id)).toEqual(['api-lookup']);
    expect(events.flatMap((e) => (e.topic === 'plugins.changed' ? [e.change] : []))).toEqual(['settings', 'enabled']);
  });

  it('validates settings against the schema and names the field', async () => {
    const set = (settings: Record<string, unknown>) => kat.api('plugins.settings.set', { org: 'acme', id: 'api-lookup', settings: settings as never });
    const field = async (settings: Record<string, unknown>) => {
      try {
        await set(settings);
        return 'accepted';
      } catch (e) {
        expect(e).toMatchObject({ code: 'PLUGIN_SETTINGS_INVALID' });
        return (e as { details: { field: string } }).details.field;
      }
    };
    const ok = { api_key: SECRET, region: 'eu' };
    expect(await field({ region: 'eu' })).toBe('api_key');
    expect(await field({ ...ok, region: 'asia' })).toBe('region');
    expect(await field({ ...ok, max_results: 5000 })).toBe('max_results');
    expect(await field({ ...ok, max_results: '10' })).toBe('max_results');
    expect(await field({ ...ok, tags: ['ok', 'NOT OK'] })).toBe('tags.1');
    expect(await field({ ...ok, colour: 'blue' })).toBe('colour');
    expect(await field({ ...ok, api_key: 12345678 })).toBe('api_key');
    expect(await field({ ...ok, api_key: 'short' })).toBe('api_key');
    expect(await field(ok)).toBe('accepted');
    await expect(set({ ...ok, api_key: 'bad key with spaces' })).rejects.toSatisfy(
      (e: { message: string; details: unknown }) => !JSON.stringify({ m: e.message, d: e.details }).includes('bad key with spaces'),
    );
    await expect(kat.api('plugins.settings.set', { org: 'acme', id: 'kat_api_normalizer', settings: {} })).rejects.toMatchObject({
      code: 'BAD_REQUEST',
    });
    // nothing of the failed attempts was written
    expect(events.filter((e) => e.topic === 'plugins.changed')).toHaveLength(1);
  });

  it('keeps secrets encrypted at rest, masked in output, out of logs and events', async () => {
    const out = await kat.api('plugins.settings.set', {
      org: 'acme',
      id: 'api-lookup',
      settings: { api_key: SECRET, region: 'us', tags: ['edge'] },
    });
    expect(out.settings).toEqual({ api_key: '••••3210', region: 'us', tags: ['edge'] });
    expect(out.secretsSet).toEqual(['api_key']);
    expect(JSON.stringify(await kat.api('plugins.get', { org: 'acme', id: 'api-lookup' }))).not.toContain(SECRET);
    expect(JSON.stringify(await kat.api('plugins.list', { org: 'acme' }))).not.toContain(SECRET);

    const rows = await kat.db.query<{ settings: unknown; secrets: string }>(`SELECT * FROM plugin_settings`);
    expect(rows.rows).toHaveLength(1);
    expect(rows.rows[0]!.secrets).toMatch(/^v1:[A-Za-z0-9+/=]+$/);
    expect(JSON.stringify(rows.rows)).not.toContain(SECRET);
    expect(JSON.stringify(rows.rows)).not.toContain('9f8e7d6c');
    const dump = await kat.db.query<{ t: string }>(`SELECT string_agg(payload::text, ' ') AS t FROM outbox`);
    expect(dump.rows[0]!.t).not.toContain(SECRET);
    expect(logs.join('\n')).not.toContain(SECRET);

    // the runner gets the plaintext with defaults filled in
    expect(await kat.plugins.effectiveSettings('acme', 'api-lookup')).toEqual({ api_key: SECRET, region: 'us', tags: ['edge'], max_results: 100 });
  });

  it('empty or omitted secrets keep the stored value; null clears it', async () => {
    const set = (settings: Record<string, unknown>) => kat.api('plugins.settings.set', { org: 'acme', id: 'api-lookup', settings: settings as never });
    await set({ api_key: SECRET, region: 'eu', max_results: 7 });
    expect((await set({ api_key: '', region: 'us' })).settings).toEqual({ api_key: '••••3210', region: 'us' });
    expect((await set({ region: 'eu' })).secretsSet).toEqual(['api_key']);
    expect((await kat.plugins.effectiveSettings('acme', 'api-lookup')).api_key).toBe(SECRET);
    await set({ api_key: 'shortkey', region: 'eu' });
    expect((await kat.api('plugins.get', { org: 'acme', id: 'api-lookup' })).settings.api_key).toBe('••••');
    await expect(set({ api_key: null, region: 'eu' })).rejects.toMatchObject({ code: 'PLUGIN_SETTINGS_INVALID', details: { field: 'api_key' } });
  });

  it('settings are per organisation and go with the organisation', async () => {
    await kat.api('plugins.settings.set', { org: 'acme', id: 'api-lookup', settings: { api_key: SECRET, region: 'eu' } });
    await kat.api('plugins.enable', { org: 'acme', id: 'api-lookup', enabled: true });
    expect(await kat.api('plugins.get', { org: 'other', id: 'api-lookup' })).toMatchObject({ settings: {}, secretsSet: [], enabled: false });
    await kat.api('orgs.delete', { code: 'acme', confirm: 'acme' });
    const left = await kat.db.query<{ n: number }>(
      `SELECT (SELECT count(*) FROM plugin_settings WHERE org = 'acme') + (SELECT count(*) FROM plugin_enabled WHERE org = 'acme') AS n`,
    );
    expect(Number(left.rows[0]!.n)).toBe(0);
  });
});

describe("plugin catalogue: the repository's plugins", () => {
  it('load clean, with a write-only secret in webpage-analysis', async () => {
    const kat = await testKat();
    try {
      const list = await kat.api('plugins.list', { org: 'acme' });
      expect(list.filter((p) => p.broken)).toEqual([]);
      expect(list.filter((p) => p.kind === 'boefje').map((p) => [p.id, p.scanLevel, p.enabled])).toEqual([
        ['dns-records', 1, false],
        ['nmap', 2, false],
        ['ssl-certificates', 2, false],
        ['webpage-analysis', 2, false],
      ]);
      expect(list.filter((p) => p.kind === 'normalizer').every((p) => p.enabled)).toBe(true);
      const token = 'Bearer eyJhbGciOiJIUzI1NiJ9.staging-token';
      const wa = await kat.api('plugins.settings.set', { org: 'acme', id: 'webpage-analysis', settings: { authorization: token, max_redirects: 2 } });
      expect(wa.settings).toEqual({ authorization: '••••oken', max_redirects: 2 });
      const eff = await kat.plugins.effectiveSettings('acme', 'webpage-analysis');
      expect(eff).toMatchObject({ authorization: token, max_redirects: 2, follow_redirects: true, timeout_seconds: 30 });
      await expect(
        kat.api('plugins.settings.set', { org: 'acme', id: 'dns-records', settings: { record_types: ['A', 'SPF'] } }),
      ).rejects.toMatchObject({ code: 'PLUGIN_SETTINGS_INVALID', details: { field: 'record_types.1' } });
      await expect(kat.api('plugins.settings.set', { org: 'acme', id: 'nmap', settings: { ports: '22,80;rm' } })).rejects.toMatchObject({
        details: { field: 'ports' },
      });
      expect((await kat.api('plugins.settings.set', { org: 'acme', id: 'nmap', settings: { ports: '22,80,8000-8100' } })).settings).toEqual({
        ports: '22,80,8000-8100',
      });
    } finally {
      await kat.close();
    }
  });
});
