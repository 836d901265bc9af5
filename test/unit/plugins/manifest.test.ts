import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { checkManifest } from '../../../src-main/plugins/manifest';
import { defaultPluginsDir, loadPlugins } from '../../../src-main/plugins/loader';

const boefje = (over: Record<string, unknown> = {}) => ({
  id: 'probe',
  name: 'Probe',
  description: 'A probe.',
  version: '1.2.3',
  kind: 'boefje',
  scan_level: 2,
  consumes: ['IPAddress'],
  produces: ['boefje/probe'],
  image: { context: '.' },
  arguments: ['/kat/run'],
  ...over,
});

const issueFields = (r: ReturnType<typeof checkManifest>) => (r.ok ? [] : r.issues.map((i) => i.field));

describe('plugins/manifest', () => {
  it('accepts a boefje and fills in defaults', () => {
    const r = checkManifest('boefje', boefje(), 'probe');
    expect(r.ok).toBe(true);
    if (r.ok && r.manifest.kind === 'boefje') {
      expect(r.manifest.image).toEqual({ context: '.', containerfile: 'Containerfile', args: {} });
      expect(r.manifest.limits).toEqual({ memoryMb: 512, cpus: 1, pids: 128, timeoutSeconds: 300 });
      expect(r.manifest.settings).toEqual({ type: 'object', properties: {} });
      expect(r.manifest.capabilities).toEqual([]);
      expect(r.manifest.multiInput).toBe(false);
      expect(r.manifest.maxInputs).toBe(1);
    }
  });
  it('multiInput: maxInputs defaults to 256, is bounded, and needs multiInput', () => {
    const max = (over: Record<string, unknown>) => {
      const r = checkManifest('boefje', boefje(over), 'probe');
      return r.ok && r.manifest.kind === 'boefje' ? r.manifest.maxInputs : null;
    };
    expect(max({ multiInput: true })).toBe(256);
    expect(max({ multiInput: true, maxInputs: 16 })).toBe(16);
    expect(issueFields(checkManifest('boefje', boefje({ multiInput: true, maxInputs: 0 }), 'probe'))).toEqual(['maxInputs']);
    expect(issueFields(checkManifest('boefje', boefje({ multiInput: true, maxInputs: 5000 }), 'probe'))).toEqual(['maxInputs']);
    expect(issueFields(checkManifest('boefje', boefje({ maxInputs: 16 }), 'probe'))).toEqual(['maxInputs']);
  });
  it('allows abstract types in consumes and rejects unknown ones', () => {
    expect(checkManifest('boefje', boefje({ consumes: ['IPAddress', 'DNSRecord'] }), 'probe').ok).toBe(true);
    expect(issueFields(checkManifest('boefje', boefje({ consumes: ['Hostname', 'Nope'] }), 'probe'))).toEqual(['consumes.1']);
  });
  it('checks normalizer produces against the model', () => {
    const n = { id: 'n1', name: 'N', description: 'd', version: '1.0', kind: 'normalizer', consumes: ['boefje/x'], produces: ['IPPort', 'Bogus'] };
    expect(issueFields(checkManifest('normalizer', n, 'n1'))).toEqual(['produces.1']);
  });
  it('reports each problem with its field', () => {
    expect(issueFields(checkManifest('boefje', boefje({ scan_level: 5 }), 'probe'))).toEqual(['scan_level']);
    expect(issueFields(checkManifest('boefje', boefje({ scan_level: 1.5 }), 'probe'))).toEqual(['scan_level']);
    expect(issueFields(checkManifest('boefje', boefje({ produces: ['not a mime'] }), 'probe'))).toEqual(['produces.0']);
    expect(issueFields(checkManifest('boefje', boefje({ version: 'latest' }), 'probe'))).toEqual(['version']);
    expect(issueFields(checkManifest('boefje', boefje({ extra: 1 }), 'probe'))).toEqual(['']);
    expect(issueFields(checkManifest('boefje', boefje({ image: { context: '/etc' } }), 'probe'))).toEqual(['image.context']);
    expect(issueFields(checkManifest('boefje', boefje({ capabilities: ['cap_net_raw'] }), 'probe'))).toEqual(['capabilities.0']);
    expect(issueFields(checkManifest('boefje', boefje(), 'other-folder'))).toEqual(['id']);
    expect(issueFields(checkManifest('normalizer', boefje(), 'probe'))).toEqual(['kind']);
    const missing = checkManifest('boefje', { ...boefje(), name: undefined }, 'probe');
    expect(missing.ok ? null : missing.issues[0]).toEqual({ field: 'name', message: 'is required' });
  });
  it('checks the settings schema', () => {
    const settings = { type: 'object', properties: { n: { type: 'integer', secret: true }, p: { type: 'string', pattern: '(' } } };
    expect(issueFields(checkManifest('boefje', boefje({ settings }), 'probe'))).toEqual(['settings.properties.n.secret', 'settings.properties.p.pattern']);
    expect(issueFields(checkManifest('boefje', boefje({ settings: { type: 'string' } }), 'probe'))).toEqual(['settings']);
    expect(issueFields(checkManifest('boefje', boefje({ settings: { type: 'object', properties: { x: { type: 'date' } } } }), 'probe'))).toEqual([
      'settings.properties.x.type',
    ]);
  });
});

describe('plugins/loader', () => {
  const tmp = mkdtempSync(join(tmpdir(), 'kat-plugins-'));
  afterAll(() => rmSync(tmp, { recursive: true, force: true }));

  it("loads the repository's plugins without errors", () => {
    const plugins = loadPlugins(defaultPluginsDir());
    expect(plugins.filter((p) => p.errors.length)).toEqual([]);
    expect(plugins.map((p) => `${p.kind}:${p.id}`)).toEqual(
      expect.arrayContaining([
        'boefje:dns-records',
        'boefje:nmap',
        'boefje:ssl-certificates',
        'boefje:webpage-analysis',
        'normalizer:kat_dns_normalizer',
        'normalizer:kat_nmap_normalizer',
        'normalizer:kat_ssl_certificates_normalizer',
        'normalizer:kat_webpage_analysis_normalizer',
      ]),
    );
  });

  it('every boefje output mime of the first four is consumed by a normalizer', () => {
    const plugins = loadPlugins(defaultPluginsDir());
    const consumed = new Set(plugins.filter((p) => p.manifest?.kind === 'normalizer').flatMap((p) => p.manifest!.consumes));
    for (const id of ['dns-records', 'nmap', 'ssl-certificates', 'webpage-analysis']) {
      const m = plugins.find((p) => p.id === id)!.manifest!;
      expect(m.produces.some((mime) => consumed.has(mime)), id).toBe(true);
    }
  });

  it('marks a duplicate id across kinds as broken and ignores files and hidden folders', () => {
    const write = (kind: string, id: string, body: object) => {
      mkdirSync(join(tmp, kind, id), { recursive: true });
      writeFileSync(join(tmp, kind, id, 'manifest.json'), JSON.stringify(body));
    };
    write('boefjes', 'same', boefje({ id: 'same' }));
    write('normalizers', 'same', { id: 'same', name: 'S', description: 'd', version: '1.0.0', kind: 'normalizer', consumes: ['a/b'], produces: ['Hostname'] });
    writeFileSync(join(tmp, 'boefjes', 'README.md'), 'not a plugin');
    mkdirSync(join(tmp, 'boefjes', '.cache'));
    const out = loadPlugins(tmp);
    expect(out.map((p) => [p.kind, p.id, p.errors.length])).toEqual([
      ['boefje', 'same', 0],
      ['normalizer', 'same', 1],
    ]);
    expect(out[1]!.errors[0]).toMatchObject({ code: 'PLUGIN_MANIFEST_INVALID', details: { field: 'id', file: 'normalizers/same/manifest.json' } });
  });

  it('a missing plugins folder is an empty catalogue', () => {
    expect(loadPlugins(join(tmp, 'nope'))).toEqual([]);
  });
});
