/**
 * Input filters compiled to SQL and run on a real PGlite with a migrated schema: exact result sets per
 * attribute kind, scan levels (declared / inherited / empty), abstract types, organisation isolation,
 * parameter numbering, and injection attempts that stay data.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compileInputFilter, selectObjectsSql, OBJECTS_FROM } from '../../../src-main/scheduler/filter';
import { tableCounts, testKat, type TestKat } from '../../helpers/kat';

const NET = 'Network|internet';
const H1 = 'Hostname|internet|example.org';
const H2 = 'Hostname|internet|www.example.org';
const H3 = 'Hostname|internet|mail.example.org';
const IP1 = 'IPAddressV4|internet|10.0.0.1';
const IP2 = 'IPAddressV4|internet|10.0.0.2';
const IP3 = 'IPAddressV4|internet|192.0.2.10';
const IP6 = 'IPAddressV6|internet|fd00::1';
const P443 = 'IPPort|internet|10.0.0.1|tcp|443';
const P22 = 'IPPort|internet|10.0.0.1|tcp|22';
const P53 = 'IPPort|internet|192.0.2.10|udp|53';
const KFT = 'KATFindingType|KAT-NO-CSP';
const CVE = 'CVEFindingType|CVE-2024-0001';
const RD = 'ReportData|acme';
const RECIPE = 'ReportRecipe|8a4c1b2e-1f0d-4c3b-9a6e-0123456789ab';
const REPORT = `Report|${RECIPE.slice('ReportRecipe|'.length)}`;
const API = 'RESTAPI|https|internet|example.org|443|/';
const PASSED = `APIDesignRuleResult|${API.slice('RESTAPI|'.length)}|API-01`;
const FAILED = `APIDesignRuleResult|${API.slice('RESTAPI|'.length)}|API-02`;

let kat: TestKat;
let counts: Record<string, number>;
let profiles: number;

beforeAll(async () => {
  kat = await testKat();
  const declare = (type: string, data: Record<string, unknown>, org = 'acme') => kat.api('objects.declare', { org, object: { type, data } });
  for (const h of [H1, H2, H3]) await kat.api('objects.declare', { org: 'acme', pk: h });
  for (const ip of [IP1, IP2, IP3, IP6]) await kat.api('objects.declare', { org: 'acme', pk: ip });
  await declare('IPPort', { address: IP1, protocol: 'tcp', port: 443, state: 'open' });
  await declare('IPPort', { address: IP1, protocol: 'tcp', port: 22 });
  await declare('IPPort', { address: IP3, protocol: 'udp', port: 53, state: 'filtered' });
  await declare('KATFindingType', { id: 'KAT-NO-CSP', risk_score: 4.5, risk_severity: 'medium', description: "No CSP; it's 50% done \\o/" });
  await declare('CVEFindingType', { id: 'CVE-2024-0001', risk_score: 9.8, risk_severity: 'critical' });
  await declare('ReportData', { organization_code: 'acme', organization_name: 'Acme', organization_tags: ['prod', 'eu'], data: { x: 1 } });
  await declare('ReportRecipe', {
    recipe_id: '8a4c1b2e-1f0d-4c3b-9a6e-0123456789ab',
    report_name_format: 'Weekly',
    input_recipe: {},
    report_type: 'dns-report',
    asset_report_types: [],
  });
  await declare('Report', {
    name: 'Weekly',
    date_generated: '2026-02-27T09:00:00+01:00',
    reference_date: '2026-02-27T00:00:00Z',
    organization_code: 'acme',
    organization_name: 'Acme',
    organization_tags: [],
    data_raw_id: 'raw-1',
    observed_at: '2026-02-27T08:00:00Z',
    report_recipe: RECIPE,
    report_type: 'dns-report',
    input_oois: [H1],
  });
  await declare('HostnameHTTPURL', { network: NET, scheme: 'https', netloc: H1, port: 443, path: '/' });
  await declare('APIDesignRuleResult', { rest_api: API, rule: 'APIDesignRule|API-01', passed: true, message: 'ok' });
  await declare('APIDesignRuleResult', { rest_api: API, rule: 'APIDesignRule|API-02', passed: false, message: 'no' });
  await kat.api('orgs.clearance.acknowledge', { org: 'acme', maxLevel: 4, acknowledgedBy: 'test' });
  await kat.api('levels.declare', { org: 'acme', pks: [H1], level: 2 });
  await kat.api('levels.declare', { org: 'acme', pks: [H3], level: 0 });
  await kat.api('levels.declare', { org: 'acme', pks: [IP1], level: 3 }); // the ports on it inherit L3
  await kat.api('levels.declare', { org: 'acme', pks: [IP2], level: 1 });
  await kat.api('levels.declare', { org: 'acme', pks: [IP6], level: 2 });
  // another organisation with the same hostname at a high level: never selected for acme
  await kat.api('orgs.create', { code: 'other', name: 'Other' });
  await kat.api('objects.declare', { org: 'other', pk: H1 });
  await kat.api('orgs.clearance.acknowledge', { org: 'other', maxLevel: 4, acknowledgedBy: 'test' });
  await kat.api('levels.declare', { org: 'other', pks: [H1], level: 4 });
  counts = await tableCounts(kat);
  profiles = await profileCount();
});

async function profileCount(): Promise<number> {
  return (await kat.db.query<{ n: number }>('SELECT count(*)::int AS n FROM scan_profiles')).rows[0]!.n;
}
afterAll(async () => {
  await kat?.close();
});

async function select(input: string, org = 'acme'): Promise<string[]> {
  const q = selectObjectsSql(org, input);
  const r = await kat.db.query<{ pk: string; type: string }>(q.sql, q.params);
  for (const row of r.rows) expect(row.pk.startsWith(`${row.type}|`)).toBe(true);
  return r.rows.map((x) => x.pk).sort();
}
const sorted = (...pks: string[]) => [...pks].sort();

describe('the fixture', () => {
  it('has the levels the tests rely on', async () => {
    const r = await kat.db.query<{ pk: string; level: number; kind: string }>(`SELECT pk, level, kind FROM scan_profiles WHERE org = 'acme' ORDER BY pk`);
    expect(Object.fromEntries(r.rows.map((x) => [x.pk, `${x.kind} L${x.level}`]))).toMatchObject({
      [H1]: 'declared L2',
      [H3]: 'declared L0',
      [IP1]: 'declared L3',
      [IP2]: 'declared L1',
      [IP6]: 'declared L2',
      [P443]: 'inherited L3',
      [P22]: 'inherited L3',
    });
    expect(r.rows.map((x) => x.pk)).not.toContain(H2);
    expect(r.rows.map((x) => x.pk)).not.toContain(P53);
  });
});

describe('selecting objects', () => {
  it.each<[string, string[]]>([
    ['Hostname', [H1, H2, H3]],
    ['Hostname: scan_level > 0', [H1]],
    ['Hostname: scan_level = 0', [H2, H3]],
    ["Hostname: scan_profile = 'empty'", [H2]],
    ["Hostname: scan_profile = 'declared'", [H1, H3]],
    ["IPPort: scan_profile = 'inherited'", [P22, P443]],
    ["IPPort: scan_profile in ('inherited', 'declared')", [P22, P443]],
    ['IPAddress: scan_level >= 2', [IP1, IP6]],
    ["IPAddress: scan_level >= 1 and address like '10.%'", [IP1, IP2]],
    ["IPAddress: address like 'FD00:%'", [IP6]],
    ["IPAddress: type = 'IPAddressV6'", [IP6]],
    ["IPAddress: type != 'IPAddressV6' and scan_level = 0", [IP3]],
    ["IPAddressV4: address in ('10.0.0.2', '192.0.2.10')", [IP2, IP3]],
    ["IPAddressV4: address not in ('10.0.0.2', '192.0.2.10')", [IP1]],
    ["IPAddressV4: netblock = null", [IP1, IP2, IP3]],
    ['IPPort: port in (22, 443)', [P22, P443]],
    ['IPPort: port not in (22, 443)', [P53]],
    ['IPPort: port > 100', [P443]],
    ['IPPort: port <= 53', [P22, P53]],
    ["IPPort: protocol = 'udp'", [P53]],
    ["IPPort: address = 'IPAddressV4|internet|10.0.0.1'", [P22, P443]],
    ["IPPort: state = 'open'", [P443]],
    ["IPPort: state != 'open'", [P22, P53]],
    ['IPPort: state = null', [P22]],
    ['IPPort: state != null', [P443, P53]],
    ["IPPort: not state = 'open'", [P22, P53]],
    ["IPPort: not (state = 'open' or port = 22)", [P53]],
    ["IPPort: state like 'f%'", [P53]],
    ["IPPort: state not like 'f%'", [P22, P443]],
    ['FindingType: risk_score >= 7', [CVE]],
    ['FindingType: risk_score > 4', [CVE, KFT]],
    ['FindingType: risk_score < 5', [KFT]],
    ["FindingType: risk_severity in ('critical', 'high')", [CVE]],
    ['FindingType: description = null', [CVE]],
    ["FindingType: description like '%50\\% done%'", [KFT]],
    ["FindingType: description like '%\\\\o/'", [KFT]],
    ["FindingType: description like '%it''s%'", [KFT]],
    ["ReportData: organization_tags has 'prod'", [RD]],
    ["ReportData: organization_tags has 'PROD'", []],
    ["ReportData: organization_tags not has 'test'", [RD]],
    ['ReportData: data != null', [RD]],
    ["Hostname: pk = 'Hostname|internet|example.org'", [H1]],
    ["Hostname: pk like '%.example.org'", [H2, H3]],
    ["Hostname: name like 'example\\.org'", [H1]],
    ["Hostname: name like 'example_org'", [H1]],
    ["Hostname: name = 'EXAMPLE.ORG'", []],
    ["Hostname: network = 'Network|internet'", [H1, H2, H3]],
    ['Hostname: scan_level > 0; IPAddress: scan_level >= 2', [H1, IP1, IP6]],
    ['Hostname: scan_level > 0; Hostname: scan_level = 0', [H1, H2, H3]],
    ['Network; IPPort: port = 53', [NET, P53]],
    ['OOI: scan_level >= 3', [IP1, P22, P443]],
    ['APIDesignRuleResult: passed = true', [PASSED]],
    ['APIDesignRuleResult: passed != true', [FAILED]],
    ['APIDesignRuleResult: passed = false or message = null', [FAILED]],
    ["APIDesignRuleResult: rule = 'APIDesignRule|API-02' and passed = false", [FAILED]],
    ["Report: observed_at = '2026-02-27T09:00:00+01:00'", [REPORT]],
    ["Report: observed_at >= '2026-02-27' and observed_at < '2026-02-28'", [REPORT]],
    ["Report: date_generated > '2026-02-27 08:00'", []],
    ["Report: date_generated >= '2026-02-27 08:00'", [REPORT]],
    ["BaseReport: reference_date < '2026-02-27T00:00:00.001Z'", [REPORT]],
    ["Report: input_oois has 'Hostname|internet|example.org'", [REPORT]],
    ['ReportRecipe: cron_expression = null', [RECIPE]],
    ["OOI: name = 'example.org'", [H1]],
  ])('%s', async (input, expected) => {
    expect(await select(input)).toEqual(sorted(...expected));
  });

  it('selects only the given organisation', async () => {
    expect(await select('Hostname: scan_level >= 4')).toEqual([]);
    expect(await select('Hostname: scan_level >= 4', 'other')).toEqual([H1]);
    expect(await select('Hostname', 'nobody')).toEqual([]);
  });

  it('a fragment numbers its parameters from the given index, after the caller\'s', async () => {
    const where = compileInputFilter("IPPort: port in (22, 443) and protocol = 'tcp'", 3);
    expect(where.sql).toContain('$3::text[]');
    expect(where.sql).not.toMatch(/\$[12]\b/);
    const r = await kat.db.query<{ pk: string }>(`SELECT o.pk FROM ${OBJECTS_FROM} WHERE o.org = $1 AND o.pk <> $2 AND ${where.sql} ORDER BY o.pk`, [
      'acme',
      P22,
      ...where.params,
    ]);
    expect(r.rows.map((x) => x.pk)).toEqual([P443]);
  });
});

describe('injection attempts stay data', () => {
  it.each([
    "Hostname: name = 'x'' or 1=1 --'",
    "Hostname: name = 'x'' OR ''1''=''1'",
    "Hostname: name = '''; DROP TABLE objects; --'",
    "Hostname: name like '%''; DELETE FROM scan_profiles; --%'",
    "Hostname: pk = 'Hostname|internet|example.org'' OR ''a''=''a'",
    "Hostname: name in ('a'');TRUNCATE objects;--', 'b')",
    "Hostname: name = 'example.org\\'",
    "Hostname: name = 'example.org\\'' or 1=1 --'",
    "Hostname: name like 'example.org\\\\'",
    "Hostname: name = '$1'",
    "Hostname: name = '$2 OR true'",
    "Hostname: name = 'ëxample.org'",
    "Hostname: name = 'example\u2019.org'",
    "Hostname: name = '例え.jp'",
    "Hostname: name = '🦀''); --'",
    "Hostname: name = 'example.org\u200b'",
    "Hostname: name = 'x\"; DROP TABLE objects; --'",
    "ReportData: organization_tags has 'prod\"]'",
    "ReportData: organization_tags has '\"prod\"'",
    "IPPort: state = null and address = 'x'' or ''1''=''1'",
  ])('%s selects nothing', async (input) => {
    const q = selectObjectsSql('acme', input);
    for (const p of q.params.slice(1)) {
      const values = Array.isArray(p) ? p : [p];
      for (const v of values) if (typeof v === 'string' && v.length > 3) expect(q.sql).not.toContain(v);
    }
    expect(await select(input)).toEqual([]);
  });

  it('the tables are intact afterwards', async () => {
    expect(await tableCounts(kat)).toEqual(counts);
    expect(await profileCount()).toBe(profiles);
    expect(await select('Hostname')).toEqual(sorted(H1, H2, H3));
  });
});
