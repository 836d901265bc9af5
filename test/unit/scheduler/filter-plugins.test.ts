/** The plugins filter, evaluated in memory: selections, the missing-value rules, and checking errors with columns. */
import { describe, expect, it } from 'vitest';
import { AppError } from '../../../src-main/common/errors';
import {
  PLUGIN_ATTRIBUTE_NAMES,
  compilePluginFilter,
  filterPlugins,
  pluginAttributesOf,
  type PluginAttributes,
} from '../../../src-main/scheduler/filter';

const boefje = (id: string, scan_level: number, consumes: string[], enabled = true): PluginAttributes => ({
  id,
  name: id.toUpperCase().replace(/-/g, ' '),
  kind: 'boefje',
  version: '1.0.0',
  scan_level,
  consumes,
  produces: [`boefje/${id}`],
  enabled,
});
const PLUGINS: PluginAttributes[] = [
  boefje('dns-records', 1, ['Hostname']),
  boefje('nmap', 2, ['IPAddressV4', 'IPAddressV6']),
  boefje('ssl-certificates', 1, ['IPService', 'Hostname'], false),
  boefje('webpage-analysis', 2, ['WebURL']),
  { id: 'kat_dns_normalize', name: 'DNS normaliser', kind: 'normalizer', version: null, scan_level: null, consumes: ['boefje/dns-records'], produces: ['Hostname', 'DNSARecord'], enabled: true },
];
const ids = (filter: string) => filterPlugins(filter, PLUGINS).map((p) => p.id);

function errorOf(filter: string): { message: string; column: number; expected?: string; found?: string; known?: string[] } {
  try {
    compilePluginFilter(filter);
  } catch (e) {
    expect(e).toBeInstanceOf(AppError);
    expect((e as AppError).code).toBe('INVALID_QUERY');
    return { message: (e as AppError).message, ...((e as AppError).details as { column: number }) };
  }
  throw new Error(`expected '${filter}' to be refused`);
}

describe('selecting plugins', () => {
  it('a blank filter selects every plugin', () => {
    expect(ids('')).toHaveLength(5);
    expect(ids('  ')).toHaveLength(5);
  });

  it.each([
    ["scan_level <= 1 and id not in ('nmap')", ['dns-records', 'ssl-certificates']],
    ["consumes has 'Hostname'", ['dns-records', 'ssl-certificates']],
    ["consumes has 'hostname'", []],
    ["produces has 'Hostname'", ['kat_dns_normalize']],
    ["kind = 'boefje' and enabled = true", ['dns-records', 'nmap', 'webpage-analysis']],
    ['enabled = false', ['ssl-certificates']],
    ['enabled != true', ['ssl-certificates']],
    ["id in ('nmap', 'dns-records')", ['dns-records', 'nmap']],
    ["id = 'nmap' or id = 'webpage-analysis'", ['nmap', 'webpage-analysis']],
    ["not (id = 'nmap' or kind = 'normalizer')", ['dns-records', 'ssl-certificates', 'webpage-analysis']],
    ['scan_level > 1', ['nmap', 'webpage-analysis']],
    ['scan_level >= 2', ['nmap', 'webpage-analysis']],
    ['scan_level < 2', ['dns-records', 'ssl-certificates']],
    ['scan_level = 1', ['dns-records', 'ssl-certificates']],
    ['scan_level in (2, 3)', ['nmap', 'webpage-analysis']],
    ["name like 'dns%'", ['dns-records', 'kat_dns_normalize']],
    ["name like '%ssl_cert%'", ['ssl-certificates']],
    ["id not like '%-%'", ['nmap', 'kat_dns_normalize']],
    ["consumes not has 'Hostname' and kind = 'boefje'", ['nmap', 'webpage-analysis']],
    ["version = '1.0.0'", ['dns-records', 'nmap', 'ssl-certificates', 'webpage-analysis']],
    ['KIND = \'boefje\'', null],
  ])('%s', (filter, expected) => {
    if (expected === null) {
      expect(errorOf(filter).column).toBe(1);
      return;
    }
    expect(ids(filter)).toEqual(expected);
  });

  it('a missing value (a normalizer has no scan_level or version) fails every test but its negations', () => {
    expect(ids('scan_level = null')).toEqual(['kat_dns_normalize']);
    expect(ids('scan_level != null')).toHaveLength(4);
    expect(ids('version = null')).toEqual(['kat_dns_normalize']);
    expect(ids('scan_level < 100')).not.toContain('kat_dns_normalize');
    expect(ids('not scan_level < 100')).toEqual(['kat_dns_normalize']);
    expect(ids('scan_level != 1')).toEqual(['nmap', 'webpage-analysis', 'kat_dns_normalize']);
    expect(ids('scan_level not in (1, 2)')).toEqual(['kat_dns_normalize']);
    expect(ids("version not like '1.%'")).toEqual(['kat_dns_normalize']);
  });

  it('maps a catalogue summary to the filter attributes', () => {
    const summary = { id: 'nmap', name: 'Nmap', kind: 'boefje' as const, version: '1.2.0', scanLevel: 2, consumes: ['IPAddressV4'], produces: ['boefje/nmap'], enabled: false, broken: false };
    expect(pluginAttributesOf(summary)).toEqual({
      id: 'nmap',
      name: 'Nmap',
      kind: 'boefje',
      version: '1.2.0',
      scan_level: 2,
      consumes: ['IPAddressV4'],
      produces: ['boefje/nmap'],
      enabled: false,
    });
    expect(compilePluginFilter('scan_level = 2 and enabled = false')(pluginAttributesOf(summary))).toBe(true);
  });

  it('a compiled predicate is reusable', () => {
    const p = compilePluginFilter("consumes has 'WebURL'");
    expect(PLUGINS.map(p)).toEqual([false, false, false, true, false]);
  });
});

describe('checking against the plugin attributes', () => {
  it('an unknown attribute is named, with its column and the known attributes', () => {
    const e = errorOf("kind = 'boefje' and level > 1");
    expect(e).toMatchObject({ column: 21, found: 'level', known: [...PLUGIN_ATTRIBUTE_NAMES] });
    expect(e.message).toBe(
      "Unknown attribute 'level' at column 21 for plugins; known attributes: id, name, kind, version, scan_level, consumes, produces, enabled.",
    );
    expect(PLUGIN_ATTRIBUTE_NAMES).toEqual(['id', 'name', 'kind', 'version', 'scan_level', 'consumes', 'produces', 'enabled']);
  });

  it.each([
    ["scan_level = '2'", 14, 'a number'],
    ['id = 3', 6, "a quoted string such as 'text'"],
    ["enabled = 'yes'", 11, 'true or false'],
    ["kind = 'bit'", 8, "one of 'boefje', 'normalizer'"],
    ["kind in ('boefje', 'plugin')", 20, "one of 'boefje', 'normalizer'"],
    ["id < 'b'", 4, '= != in like'],
    ['enabled > false', 9, '= !='],
    ["consumes = 'Hostname'", 12, "'has'"],
    ["consumes like 'Host%'", 10, "'has'"],
    ["id has 'x'", 4, '= != in like'],
    ['scan_level like 1', 12, '= != < <= > >= in'],
    ['consumes has 1', 14, "a quoted string such as 'Hostname'"],
    ['name like 5', 11, "a quoted pattern such as '10.%'"],
    ["name like 'x\\'", 11, "a character after '\\'"],
    ['scan_level in (1, null)', 19, undefined],
    ['scan_level > null', 12, "'= null' or '!= null' to test for a missing value"],
    ['enabled in (true)', 9, '= !='],
    ["scan_level = 1 and (id = 'a' or enabled = 1)", 43, 'true or false'],
  ])('%s -> column %i', (filter, column, expected) => {
    const e = errorOf(filter);
    expect(e.column).toBe(column);
    if (expected !== undefined) expect(e.expected).toBe(expected);
  });

  it('messages say what to do', () => {
    expect(errorOf("consumes = 'Hostname'").message).toBe("'consumes' is a list (column 12); test it with 'has', e.g. consumes has 'value'.");
    expect(errorOf("scan_level = '2'").message).toBe("'scan_level' is a number: expected a number at column 14, found '2'.");
    expect(errorOf("kind = 'bit'").message).toBe("'bit' is not a value of 'kind' (column 8); expected one of 'boefje', 'normalizer'.");
    expect(errorOf("id < 'b'").message).toBe("'<' does not apply to 'id', which is text (column 4); use = != in like.");
  });
});
