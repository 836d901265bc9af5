import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { normalizeObject } from '../../../src-main/graph/model';
import {
  SEVERITIES,
  buildCatalogue,
  catalogueVersions,
  findingTypeMetadata,
  listFindingTypes,
  scoreForSeverity,
  severityForCvss,
  severityRank,
} from '../../../src-main/findings/catalogue';

const readJson = (name: string) => JSON.parse(readFileSync(new URL(`../../../plugins/finding-types/${name}`, import.meta.url), 'utf8'));
const kat = readJson('kat.json');
const cve = readJson('cve.json');

/** Ids other bits emit; the catalogue must describe each. */
const EMITTED = [
  'KAT-NO-SPF', 'KAT-NO-DMARC', 'KAT-NO-DKIM', 'KAT-NO-CAA', 'KAT-INVALID-SPF', 'KAT-DEPRECATED-SPF-MECHANISM', 'KAT-NXDOMAIN',
  'KAT-WEBSERVER-NO-IPV6', 'KAT-NAMESERVER-NO-IPV6', 'KAT-NO-HSTS', 'KAT-NO-CSP', 'KAT-NO-X-FRAME-OPTIONS', 'KAT-NO-PERMISSIONS-POLICY',
  'KAT-NO-REFERRER-POLICY', 'KAT-NO-X-CONTENT-TYPE-OPTIONS', 'KAT-NONSTANDARD-HEADERS', 'KAT-HSTS-VULNERABILITIES', 'KAT-CSP-VULNERABILITIES',
  'KAT-HTTPS-NOT-AVAILABLE', 'KAT-NO-HTTPS-REDIRECT', 'KAT-CERTIFICATE-EXPIRED', 'KAT-CERTIFICATE-EXPIRING-SOON', 'KAT-SSL-CERT-HOSTNAME-MISMATCH',
  'KAT-OPEN-SYSADMIN-PORT', 'KAT-OPEN-DATABASE-PORT', 'KAT-REMOTE-DESKTOP-PORT', 'KAT-UNCOMMON-OPEN-PORT',
];

/** CVSS v3.x base score from a vector (the specification's formulas), to check the catalogue's numbers. */
function cvss3(vector: string): number {
  const m = Object.fromEntries(vector.split('/').slice(1).map((p) => p.split(':') as [string, string]));
  const changed = m.S === 'C';
  const av = { N: 0.85, A: 0.62, L: 0.55, P: 0.2 }[m.AV!]!;
  const ac = { L: 0.77, H: 0.44 }[m.AC!]!;
  const pr = { N: 0.85, L: changed ? 0.68 : 0.62, H: changed ? 0.5 : 0.27 }[m.PR!]!;
  const ui = { N: 0.85, R: 0.62 }[m.UI!]!;
  const cia = (x: string) => ({ H: 0.56, L: 0.22, N: 0 })[x]!;
  const iss = 1 - (1 - cia(m.C!)) * (1 - cia(m.I!)) * (1 - cia(m.A!));
  const impact = changed ? 7.52 * (iss - 0.029) - 3.25 * (iss - 0.02) ** 15 : 6.42 * iss;
  const exploitability = 8.22 * av * ac * pr * ui;
  if (impact <= 0) return 0;
  const raw = Math.min(changed ? 1.08 * (impact + exploitability) : impact + exploitability, 10);
  const n = Math.round(raw * 100_000);
  return n % 10_000 === 0 ? n / 100_000 : (Math.floor(n / 10_000) + 1) / 10;
}

/** CVSS v2 base score from a vector. */
function cvss2(vector: string): number {
  const m = Object.fromEntries(vector.split('/').map((p) => p.split(':') as [string, string]));
  const cia = (x: string) => ({ N: 0, P: 0.275, C: 0.66 })[x]!;
  const impact = 10.41 * (1 - (1 - cia(m.C!)) * (1 - cia(m.I!)) * (1 - cia(m.A!)));
  const exploitability = 20 * { L: 0.395, A: 0.646, N: 1 }[m.AV!]! * { H: 0.35, M: 0.61, L: 0.71 }[m.AC!]! * { M: 0.45, S: 0.56, N: 0.704 }[m.Au!]!;
  return Math.round((0.6 * impact + 0.4 * exploitability - 1.5) * (impact === 0 ? 0 : 1.176) * 10) / 10;
}

describe('finding-type catalogue', () => {
  it('loads, and describes every finding type the bits emit', () => {
    expect(catalogueVersions()).toEqual({ kat: '1.0.0', cve: '1.0.0' });
    const known = new Set(listFindingTypes().map((e) => e.pk));
    for (const id of EMITTED) expect(known, id).toContain(`KATFindingType|${id}`);
    for (const id of ['CVE-2021-41773', 'CVE-2021-42013']) expect(known, id).toContain(`CVEFindingType|${id}`);
    expect(known.size).toBe(Object.keys(kat.types).length + Object.keys(cve.types).length);
  });

  it('gives every entry complete metadata that is a valid object of its finding type', () => {
    for (const e of listFindingTypes()) {
      const data = findingTypeMetadata(e.pk)!;
      expect(normalizeObject(e.type, data).pk).toBe(e.pk);
      for (const f of ['id', 'name', 'description', 'recommendation', 'risk_severity']) expect(data[f], `${e.pk}.${f}`).toBeTruthy();
      expect(SEVERITIES, e.pk).toContain(data.risk_severity);
      if (e.type === 'KATFindingType') {
        expect(data.impact, e.pk).toBeTruthy();
        expect(data.risk_score).toBe(scoreForSeverity(data.risk_severity as never));
      }
    }
  });

  it('writes a KAT entry with its severity and the score of that severity', () => {
    expect(findingTypeMetadata('KATFindingType|KAT-CERTIFICATE-EXPIRED')).toMatchObject({
      id: 'KAT-CERTIFICATE-EXPIRED',
      name: 'Certificate expired',
      risk_severity: 'high',
      risk_score: 8.9,
    });
    expect(findingTypeMetadata('KATFindingType|KAT-NO-HSTS')).toMatchObject({ risk_severity: 'medium', risk_score: 6.9, source: 'https://www.rfc-editor.org/rfc/rfc6797' });
    expect(findingTypeMetadata('KATFindingType|KAT-OPEN-DATABASE-PORT')?.risk_severity).toBe('high');
    expect(findingTypeMetadata('KATFindingType|KAT-REMOTE-DESKTOP-PORT')?.risk_severity).toBe('high');
    expect(findingTypeMetadata('KATFindingType|KAT-NXDOMAIN')).not.toHaveProperty('source');
  });

  it('writes a CVE entry with the severity of its CVSS score and its NVD page', () => {
    expect(findingTypeMetadata('CVEFindingType|CVE-2021-41773')).toMatchObject({
      id: 'CVE-2021-41773',
      source: 'https://nvd.nist.gov/vuln/detail/CVE-2021-41773',
      risk_score: 7.5,
      risk_severity: 'high',
    });
    expect(findingTypeMetadata('CVEFindingType|CVE-2021-42013')).toMatchObject({ risk_score: 9.8, risk_severity: 'critical' });
    expect(findingTypeMetadata('CVEFindingType|cve-2021-42013')?.id).toBe('CVE-2021-42013');
  });

  it('states CVSS scores that agree with their vectors', () => {
    for (const [id, t] of Object.entries(cve.types) as [string, { cvss?: { version: string; score: number; vector: string } }][]) {
      if (!t.cvss) continue;
      expect(t.cvss.version === '2.0' ? cvss2(t.cvss.vector) : cvss3(t.cvss.vector), id).toBe(t.cvss.score);
    }
  });

  it('returns null for a finding type it does not know', () => {
    expect(findingTypeMetadata('KATFindingType|KAT-DOES-NOT-EXIST')).toBeNull();
    expect(findingTypeMetadata('CVEFindingType|CVE-1999-0001')).toBeNull();
    expect(findingTypeMetadata('KATFindingType|CVE-2021-41773')).toBeNull();
    expect(findingTypeMetadata('KAT-NO-HSTS')).toBeNull();
    expect(findingTypeMetadata('')).toBeNull();
  });

  it('hands out copies, so a caller cannot change the catalogue', () => {
    const a = findingTypeMetadata('KATFindingType|KAT-NO-SPF')!;
    a.name = 'changed';
    expect(findingTypeMetadata('KATFindingType|KAT-NO-SPF')!.name).toBe('No SPF record');
  });
});

describe('a broken catalogue', () => {
  const expectInvalid = (katRaw: unknown, cveRaw: unknown, file: string, field: string) => {
    try {
      buildCatalogue(katRaw, cveRaw);
      expect.unreachable();
    } catch (e) {
      expect(e).toMatchObject({ code: 'PLUGIN_MANIFEST_INVALID', details: { file, field } });
      expect((e as Error).message).toContain(file);
    }
  };
  const katWith = (id: string, entry: Record<string, unknown>) => ({ ...kat, types: { ...kat.types, [id]: entry } });
  const good = kat.types['KAT-NO-SPF'];

  it('is a clear error naming the file and the field', () => {
    expectInvalid(katWith('KAT-X', { ...good, risk: 'severe' }), cve, 'plugins/finding-types/kat.json', 'types.KAT-X.risk');
    expectInvalid(katWith('KAT-X', { ...good, name: '' }), cve, 'plugins/finding-types/kat.json', 'types.KAT-X.name');
    expectInvalid(katWith('KAT-X', { ...good, typo: 1 }), cve, 'plugins/finding-types/kat.json', 'types.KAT-X');
    expectInvalid(katWith('NO-SPF', good), cve, 'plugins/finding-types/kat.json', 'types.NO-SPF');
    expectInvalid({ types: kat.types }, cve, 'plugins/finding-types/kat.json', 'version');
    const cveEntry = cve.types['CVE-2021-41773'];
    const cveWith = (entry: Record<string, unknown>) => ({ ...cve, types: { ...cve.types, 'CVE-2020-0001': entry } });
    expectInvalid(kat, cveWith({ ...cveEntry, cvss: { ...cveEntry.cvss, score: 11 } }), 'plugins/finding-types/cve.json', 'types.CVE-2020-0001.cvss.score');
    expectInvalid(kat, cveWith({ ...cveEntry, cvss: { ...cveEntry.cvss, vector: 'AV:N/AC:L/Au:N/C:P/I:P/A:P' } }), 'plugins/finding-types/cve.json', 'types.CVE-2020-0001.cvss.vector');
    expectInvalid(kat, null, 'plugins/finding-types/cve.json', '');
  });

  it('allows a CVE without metrics, whose severity is unknown', () => {
    const c = buildCatalogue(kat, { version: '1.0.0', types: { 'CVE-2020-0001': { name: 'x', description: 'y', recommendation: 'z' } } });
    expect(c.entries.get('CVEFindingType|CVE-2020-0001')?.data).toEqual({
      id: 'CVE-2020-0001',
      name: 'x',
      description: 'y',
      recommendation: 'z',
      source: 'https://nvd.nist.gov/vuln/detail/CVE-2020-0001',
      risk_severity: 'unknown',
    });
  });
});

describe('severities', () => {
  it('are ordered from unknown to critical', () => {
    expect(SEVERITIES).toEqual(['unknown', 'pending', 'recommendation', 'low', 'medium', 'high', 'critical']);
    expect(severityRank('critical')).toBeGreaterThan(severityRank('high'));
    expect(severityRank('recommendation')).toBeGreaterThan(severityRank('pending'));
    expect(severityRank('pending')).toBeGreaterThan(severityRank('unknown'));
    expect(severityRank('bogus')).toBe(severityRank('unknown'));
    expect(severityRank(undefined)).toBe(0);
  });

  it('map to scores at the top of their CVSS band', () => {
    expect(SEVERITIES.map((s) => [s, scoreForSeverity(s)])).toEqual([
      ['unknown', 0], ['pending', 0], ['recommendation', 0], ['low', 3.9], ['medium', 6.9], ['high', 8.9], ['critical', 10],
    ]);
  });

  it('follow from a CVSS score by the v3 bands', () => {
    const cases: [number | undefined | null, string][] = [
      [10, 'critical'], [9, 'critical'], [8.9, 'high'], [7, 'high'], [6.9, 'medium'], [4, 'medium'], [3.9, 'low'], [0.1, 'low'],
      [0, 'recommendation'], [undefined, 'unknown'], [null, 'unknown'], [NaN, 'unknown'], [-1, 'unknown'], [10.5, 'unknown'],
    ];
    for (const [score, want] of cases) expect(severityForCvss(score), String(score)).toBe(want);
  });
});
