import { describe, expect, it } from 'vitest';
import { defaultDataDir, parseHostArgs, resolveDataLocation, UsageError } from '../../../src-main/hosts/common/options';

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
});
