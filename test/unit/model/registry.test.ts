import { describe, expect, it } from 'vitest';
import { AppError } from '../../../src-main/common/errors.js';
import {
  allTypes,
  concreteSubtypes,
  describeTypes,
  getType,
  hasType,
  isSubtypeOf,
  keyFieldNames,
  referenceFields,
  type FieldDef,
} from '../../../src-main/graph/model/index.js';

const ALL_CONCRETE = `Network IPAddressV4 IPAddressV6 IPV4NetBlock IPV6NetBlock AutonomousSystem IPPort Service IPService
  TLSCipher Hostname DNSZone ResolvedHostname DNSARecord DNSAAAARecord DNSMXRecord DNSNSRecord DNSCNAMERecord DNSTXTRecord
  DNSSOARecord DNSPTRRecord DNSCAARecord NXDOMAIN DNSSPFRecord DNSSPFMechanismIP DNSSPFMechanismHostname
  DNSSPFMechanismNetBlock DMARCTXTRecord DKIMExists DKIMSelector DKIMKey Website HostnameHTTPURL IPAddressHTTPURL URL
  HTTPResource HTTPHeader HTTPHeaderURL HTTPHeaderHostname ImageMetadata SecurityTXT RESTAPI APIDesignRule
  APIDesignRuleResult X509Certificate SubjectAlternativeNameHostname SubjectAlternativeNameIP
  SubjectAlternativeNameQualifier Software SoftwareInstance KATFindingType CVEFindingType CWEFindingType CAPECFindingType
  RetireJSFindingType SnykFindingType ADRFindingType Finding MutedFinding Question Config GeographicPoint Application
  Incident ExternalScan ReportData ReportRecipe Report AssetReport`.split(/\s+/);
const ABSTRACT = ['OOI', 'IPAddress', 'NetBlock', 'DNSRecord', 'WebURL', 'SubjectAlternativeName', 'DNSSPFMechanism', 'FindingType', 'BaseReport'];

function field(type: string, name: string): FieldDef {
  const f = getType(type).fields.find((x) => x.name === name);
  if (!f) throw new Error(`${type}.${name} missing`);
  return f;
}

describe('registry', () => {
  it('holds exactly the types of the domain reference', () => {
    expect(allTypes().filter((t) => !t.abstract).map((t) => t.name).sort()).toEqual([...ALL_CONCRETE].sort());
    expect(allTypes().filter((t) => t.abstract).map((t) => t.name).sort()).toEqual([...ABSTRACT].sort());
    for (const t of allTypes()) {
      expect(t.description.length, t.name).toBeGreaterThan(10);
      expect(t.abstract ? t.key.length === 0 : t.key.length > 0, t.name).toBe(true);
    }
  });

  it('marks the non-traversable types', () => {
    const nonTraversable = allTypes().filter((t) => t.nonTraversable).map((t) => t.name).sort();
    expect(nonTraversable).toEqual(
      ['Network', 'Service', 'Software', 'Question', 'ExternalScan', 'APIDesignRule', 'FindingType',
        ...concreteSubtypes('FindingType')].sort(),
    );
  });

  it('resolves subtypes and ancestry', () => {
    expect(concreteSubtypes('IPAddress')).toEqual(['IPAddressV4', 'IPAddressV6']);
    expect(concreteSubtypes('NetBlock')).toEqual(['IPV4NetBlock', 'IPV6NetBlock']);
    expect(concreteSubtypes('WebURL')).toEqual(['HostnameHTTPURL', 'IPAddressHTTPURL']);
    expect(concreteSubtypes('Hostname')).toEqual(['Hostname']);
    expect(concreteSubtypes('OOI')).toHaveLength(ALL_CONCRETE.length);
    expect(concreteSubtypes('FindingType')).toHaveLength(7);
    expect(isSubtypeOf('IPAddressV4', 'IPAddress')).toBe(true);
    expect(isSubtypeOf('IPAddressV4', 'OOI')).toBe(true);
    expect(isSubtypeOf('IPAddressV4', 'IPAddressV4')).toBe(true);
    expect(isSubtypeOf('Hostname', 'IPAddress')).toBe(false);
    expect(isSubtypeOf('Nope', 'OOI')).toBe(false);
    expect(getType('IPAddressV6').parents).toEqual(['IPAddress']);
    expect(getType('Network').parents).toEqual([]);
    expect(hasType('Hostname')).toBe(true);
    expect(hasType('hostname')).toBe(false);
  });

  it('throws UNKNOWN_TYPE for unknown names', () => {
    for (const fn of [() => getType('Nope'), () => concreteSubtypes('Nope'), () => keyFieldNames('Nope'), () => referenceFields('Nope')]) {
      try {
        fn();
        expect.unreachable();
      } catch (e) {
        expect((e as AppError).code).toBe('UNKNOWN_TYPE');
      }
    }
  });

  it('lists key and reference fields', () => {
    expect(keyFieldNames('IPPort')).toEqual(['address', 'protocol', 'port']);
    expect(keyFieldNames('Finding')).toEqual(['ooi', 'finding_type']);
    expect(getType('Finding').key).toEqual([
      { field: 'ooi', mode: 'full' },
      { field: 'finding_type', mode: 'natural' },
    ]);
    expect(getType('DNSTXTRecord').key[1]).toEqual({ field: 'value', mode: 'sha1' });
    expect(referenceFields('Website').map((f) => f.name)).toEqual(['ip_service', 'hostname', 'certificate']);
    expect(field('IPPort', 'address').refTypes).toEqual(['IPAddress']);
    expect(field('Finding', 'ooi').refTypes).toEqual(['OOI']);
  });

  it('names incoming edges', () => {
    expect(field('IPPort', 'address').reverseName).toBe('ports');
    expect(field('Finding', 'ooi').reverseName).toBe('findings');
    expect(field('DNSARecord', 'hostname').reverseName).toBe('dns_a_records');
    expect(field('DNSMXRecord', 'hostname').reverseName).toBe('dns_mx_records');
    for (const t of allTypes()) for (const f of t.fields) if (f.kind === 'reference') expect(f.reverseName, `${t.name}.${f.name}`).toBeTruthy();
  });

  it('sets the scan-level limits of section 3 on references', () => {
    const levels = (type: string, name: string) => {
      const f = field(type, name);
      return [f.maxIssueScanLevel ?? null, f.maxInheritScanLevel ?? null];
    };
    const expected: [string, string, number | null, number | null][] = [
      ['ResolvedHostname', 'hostname', 0, 4],
      ['ResolvedHostname', 'address', 4, 0],
      ['DNSNSRecord', 'name_server_hostname', 1, 0],
      ['DNSMXRecord', 'mail_hostname', null, 1],
      ['IPPort', 'address', 0, 4],
      ['IPService', 'ip_port', 0, 4],
      ['Website', 'ip_service', 0, 4],
      ['HTTPResource', 'website', 0, 4],
      ['HTTPHeader', 'resource', 0, 4],
      ['TLSCipher', 'ip_service', 0, 4],
      ['IPAddressV4', 'netblock', 0, 4],
      ['IPAddressV6', 'netblock', 0, 4],
      ['Website', 'hostname', null, 4],
      ['HostnameHTTPURL', 'netloc', 2, 4],
      ['IPAddressHTTPURL', 'netloc', 1, 4],
      ['URL', 'web_url', 2, null],
      ['IPV4NetBlock', 'start_ip', 4, null],
      ['IPV6NetBlock', 'start_ip', 4, null],
      ['DNSZone', 'hostname', 2, 1],
      ['Hostname', 'dns_zone', 1, 2],
      ['Hostname', 'registered_domain', 1, 2],
      ['IPService', 'service', 1, 0],
      ['SoftwareInstance', 'software', 1, 0],
      ['X509Certificate', 'signed_by', 1, 0],
      ['SubjectAlternativeNameHostname', 'hostname', 1, 0],
      ['HTTPHeaderHostname', 'hostname', 1, 0],
      ['HTTPHeaderURL', 'url', 1, 0],
      ['SoftwareInstance', 'ooi', 0, 1],
      ['Hostname', 'network', null, null],
      ['IPAddressV4', 'network', null, null],
      ['Finding', 'ooi', null, null],
      ['Finding', 'finding_type', null, null],
      ['DNSARecord', 'address', null, null],
      ['DNSAAAARecord', 'address', null, null],
      ['DNSCNAMERecord', 'target_hostname', null, null],
      ['DNSSOARecord', 'soa_hostname', null, null],
      ['Config', 'ooi', null, null],
      ['Question', 'ooi', null, null],
    ];
    for (const [type, name, issue, inherit] of expected) expect(levels(type, name), `${type}.${name}`).toEqual([issue, inherit]);
    for (const t of concreteSubtypes('DNSRecord')) expect(levels(t, 'hostname'), t).toEqual([0, 2]);
  });

  it('describes types as plain JSON for generated forms', () => {
    const d = describeTypes();
    expect(JSON.parse(JSON.stringify(d))).toEqual(d);
    const port = d.find((t) => t.name === 'IPPort');
    expect(port).toMatchObject({
      abstract: false,
      parents: [],
      keyFields: ['address', 'protocol', 'port'],
      nonTraversable: false,
    });
    expect(port?.fields.find((f) => f.name === 'address')).toMatchObject({ kind: 'reference', refTypes: ['IPAddress'] });
    expect(d.find((t) => t.name === 'IPAddress')?.concreteSubtypes).toEqual(['IPAddressV4', 'IPAddressV6']);
    d[0]!.name = 'changed';
    expect(describeTypes()[0]!.name).toBe('OOI');
  });
});
