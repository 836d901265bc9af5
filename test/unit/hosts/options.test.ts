import { describe, expect, it } from 'vitest';
import { defaultDataDir, parseHostArgs, resolveDataLocation, scanOptions, UsageError } from '../../../src-main/hosts/common/options';

describe('host options', () => {
  it('parses --data-dir, --port, --memory in both forms and skips unknown switches', () => {
    expect(parseHostArgs(['--data-dir', '/d', '--port=8080', '--enable-logging', '--memory'])).toEqual({
      dataDir: '/d',
      port: 8080,
      memory: true,
      help: false,
    });
  });
  it('refuses a bad port or a missing value', () => {
    expect(() => parseHostArgs(['--port', 'http'])).toThrow(UsageError);
    expect(() => parseHostArgs(['--port', '70000'])).toThrow(UsageError);
    expect(() => parseHostArgs(['--data-dir'])).toThrow(UsageError);
  });
  it('picks the data location: --memory, --data-dir, KAT_DATA_DIR, default', () => {
    const fallback = () => '/default';
    expect(resolveDataLocation(parseHostArgs(['--memory', '--data-dir', '/x']), {}, fallback)).toBe('memory://');
    expect(resolveDataLocation(parseHostArgs(['--data-dir', '/x']), { KAT_DATA_DIR: '/env' }, fallback)).toBe('/x');
    expect(resolveDataLocation(parseHostArgs([]), { KAT_DATA_DIR: '/env' }, fallback)).toBe('/env');
    expect(resolveDataLocation(parseHostArgs([]), {}, fallback)).toBe('/default');
  });
  it('defaults to the platform data folder', () => {
    expect(defaultDataDir('linux', {}, '/home/u')).toBe('/home/u/.local/share/kattegat');
    expect(defaultDataDir('linux', { XDG_DATA_HOME: '/xdg' }, '/home/u')).toBe('/xdg/kattegat');
    expect(defaultDataDir('darwin', {}, '/Users/u')).toBe('/Users/u/Library/Application Support/kattegat/data');
  });
  it('passes scanning options on: --no-engine / KAT_NO_ENGINE, --concurrency / KAT_CONCURRENCY', () => {
    expect(scanOptions(parseHostArgs([]), {})).toEqual({ runner: { concurrency: 2 } });
    expect(scanOptions(parseHostArgs(['--no-engine', '--concurrency=4']), {})).toEqual({ engine: false, runner: { concurrency: 4 } });
    expect(scanOptions(parseHostArgs([]), { KAT_NO_ENGINE: '1', KAT_CONCURRENCY: '3' })).toEqual({ engine: false, runner: { concurrency: 3 } });
    expect(() => parseHostArgs(['--concurrency', '0'])).toThrow(UsageError);
    expect(() => scanOptions(parseHostArgs([]), { KAT_CONCURRENCY: 'many' })).toThrow(UsageError);
  });
});
