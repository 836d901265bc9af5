import { describe, expect, it } from 'vitest';
import {
  Reference,
  allTypes,
  buildPk,
  getType,
  naturalKeyOfPk,
  normalizeObject,
  sha1Hex,
} from '../../../src-main/graph/model/index.js';
import { EXAMPLES } from './examples.js';

describe('primary keys for every concrete type', () => {
  it('has an example for every concrete type', () => {
    const concrete = allTypes()
      .filter((t) => !t.abstract)
      .map((t) => t.name)
      .sort();
    expect(EXAMPLES.map((e) => e.type).sort()).toEqual(concrete);
  });

  for (const ex of EXAMPLES) {
    describe(ex.type, () => {
      const ooi = normalizeObject(ex.type, ex.data);

      it(`builds ${ex.pk}`, () => {
        expect(ooi.type).toBe(ex.type);
        expect(ooi.pk).toBe(ex.pk);
        expect(buildPk(ex.type, ooi.data)).toBe(ex.pk);
      });

      it('round-trips through Reference.from', () => {
        const ref = Reference.from(ooi.pk);
        expect(ref.type).toBe(ex.type);
        expect(ref.pk).toBe(ex.pk);
        expect(ref.naturalKey).toBe(naturalKeyOfPk(ex.pk));
        if (ex.tokenized) expect(ref.tokenized).toMatchObject(ex.tokenized);
        for (const part of getType(ex.type).key) {
          const value = ooi.data[part.field];
          const field = getType(ex.type).fields.find((f) => f.name === part.field);
          if (field?.kind === 'reference') {
            // the referenced object's full key is recovered, even for abstract targets
            expect(ref.refs[part.field]?.pk).toBe(value);
            expect(ref.keyValues[part.field]).toBe(value);
            expect(ref.tokenized[part.field]).toEqual(Reference.from(value as string).tokenized);
          } else if (part.mode === 'sha1') {
            expect(ref.tokenized[part.field]).toBe(sha1Hex(value as string));
          } else {
            expect(ref.tokenized[part.field]).toBe(value === undefined ? '' : String(value));
            if (value !== undefined) expect(ref.keyValues[part.field]).toEqual(value);
          }
        }
      });
    });
  }
});

describe('the examples of the domain reference, literally', () => {
  it('IPPort|internet|1.1.1.1|tcp|443', () => {
    const ref = Reference.from('IPPort|internet|1.1.1.1|tcp|443');
    expect(ref.type).toBe('IPPort');
    expect(ref.naturalKey).toBe('internet|1.1.1.1|tcp|443');
    expect(ref.tokenized).toEqual({
      address: { network: { name: 'internet' }, address: '1.1.1.1' },
      protocol: 'tcp',
      port: '443',
    });
    const address = ref.tokenized.address as { address: string; network: { name: string } };
    expect(address.address).toBe('1.1.1.1');
    expect(address.network.name).toBe('internet');
    expect(ref.refs.address?.pk).toBe('IPAddressV4|internet|1.1.1.1');
    expect(ref.refs.address?.refs.network?.pk).toBe('Network|internet');
  });

  it('IPService and Website keys nest', () => {
    expect(
      normalizeObject('IPService', { ip_port: 'IPPort|internet|1.1.1.1|tcp|443', service: 'Service|https' }).pk,
    ).toBe('IPService|internet|1.1.1.1|tcp|443|https');
    const site = Reference.from('Website|internet|1.1.1.1|tcp|443|https|internet|example.org');
    expect(site.refs.ip_service?.pk).toBe('IPService|internet|1.1.1.1|tcp|443|https');
    expect(site.refs.hostname?.pk).toBe('Hostname|internet|example.org');
    expect(site.refs.ip_service?.refs.ip_port?.refs.address?.pk).toBe('IPAddressV4|internet|1.1.1.1');
  });

  it('IPV4NetBlock|internet|internet|10.0.0.0|24', () => {
    const ref = Reference.from('IPV4NetBlock|internet|internet|10.0.0.0|24');
    expect(ref.refs.network?.pk).toBe('Network|internet');
    expect(ref.refs.start_ip?.pk).toBe('IPAddressV4|internet|10.0.0.0');
    expect(ref.tokenized.mask).toBe('24');
  });

  it('Finding embeds the full reference of its object and the finding type id', () => {
    const ooi = normalizeObject('Finding', { ooi: 'Hostname|internet|example.org', finding_type: 'KATFindingType|KAT-NO-SPF' });
    expect(ooi.pk).toBe('Finding|Hostname|internet|example.org|KAT-NO-SPF');
    const ref = Reference.from(ooi.pk);
    expect(ref.refs.ooi?.pk).toBe('Hostname|internet|example.org');
    expect(ref.refs.finding_type?.pk).toBe('KATFindingType|KAT-NO-SPF');
  });

  it('Finding on a CVE picks the CVE finding type back from the id', () => {
    const ref = Reference.from('Finding|IPPort|internet|1.1.1.1|tcp|443|CVE-2021-41773');
    expect(ref.refs.finding_type?.pk).toBe('CVEFindingType|CVE-2021-41773');
    expect(ref.refs.ooi?.pk).toBe('IPPort|internet|1.1.1.1|tcp|443');
  });

  it('SoftwareInstance embeds both full references', () => {
    const ooi = normalizeObject('SoftwareInstance', {
      ooi: 'IPPort|internet|1.1.1.1|tcp|443',
      software: 'Software|nginx|1.25|',
    });
    expect(ooi.pk).toBe('SoftwareInstance|IPPort|internet|1.1.1.1|tcp|443|Software|nginx|1.25|');
    const ref = Reference.from(ooi.pk);
    expect(ref.refs.ooi?.pk).toBe('IPPort|internet|1.1.1.1|tcp|443');
    expect(ref.refs.software?.pk).toBe('Software|nginx|1.25|');
  });

  it('finding types use their id as natural key; CVE, CWE, CAPEC and Snyk ids are uppercased', () => {
    expect(normalizeObject('KATFindingType', { id: 'KAT-NO-HSTS' }).pk).toBe('KATFindingType|KAT-NO-HSTS');
    expect(normalizeObject('CVEFindingType', { id: 'cve-2021-41773' }).pk).toBe('CVEFindingType|CVE-2021-41773');
    expect(Reference.from('KATFindingType|KAT-NO-HSTS').tokenized).toEqual({ id: 'KAT-NO-HSTS' });
    expect(Reference.from('CVEFindingType|cve-2021-41773').pk).toBe('CVEFindingType|CVE-2021-41773');
    expect(normalizeObject('KATFindingType', { id: 'kat-lower' }).pk).toBe('KATFindingType|kat-lower');
  });

  it('X509Certificate|R3|04AB', () => {
    expect(normalizeObject('X509Certificate', { issuer: 'R3', serial_number: '04AB' }).pk).toBe('X509Certificate|R3|04AB');
    expect(Reference.from('X509Certificate|R3|04AB').tokenized).toEqual({ issuer: 'R3', serial_number: '04AB' });
    expect(normalizeObject('X509Certificate', { serial_number: '04AB' }).pk).toBe('X509Certificate||04AB');
  });

  it('DNSCAARecord|internet|example.org|0|issue|letsencrypt.org', () => {
    const ooi = normalizeObject('DNSCAARecord', {
      hostname: 'Hostname|internet|example.org',
      flags: 0,
      tag: 'issue',
      value: 'letsencrypt.org',
    });
    expect(ooi.pk).toBe('DNSCAARecord|internet|example.org|0|issue|letsencrypt.org');
    expect(ooi.data.dns_record_type).toBe('CAA');
  });

  it('HostnameHTTPURL|https|internet|example.org|443|/', () => {
    const ooi = normalizeObject('HostnameHTTPURL', {
      network: 'Network|internet',
      scheme: 'https',
      netloc: 'Hostname|internet|example.org',
      port: 443,
      path: '/',
    });
    expect(ooi.pk).toBe('HostnameHTTPURL|https|internet|example.org|443|/');
  });

  it('Config|internet|port-classification-ip resolves its object to the Network', () => {
    const ref = Reference.from('Config|internet|port-classification-ip');
    expect(ref.refs.ooi?.pk).toBe('Network|internet');
    expect(ref.tokenized.bit_id).toBe('port-classification-ip');
  });

  it('absent key attributes become empty strings', () => {
    expect(normalizeObject('Software', { name: 'nginx' }).pk).toBe('Software|nginx||');
    const ref = Reference.from('Software|nginx||');
    expect(ref.tokenized).toEqual({ name: 'nginx', version: '', cpe: '' });
    expect(ref.keyValues).toEqual({ name: 'nginx' });
  });

  it('DNSTXTRecord and DNSSPFRecord hash the value with SHA-1', () => {
    const value = 'hello|world';
    const txt = normalizeObject('DNSTXTRecord', { hostname: 'Hostname|internet|example.org', value });
    expect(txt.pk).toBe(`DNSTXTRecord|internet|example.org|${sha1Hex(value)}`);
    expect(sha1Hex('abc')).toBe('a9993e364706816aba3e25717850c26c9cd0d89d');
    const spf = normalizeObject('DNSSPFRecord', { value: 'v=spf1 -all', dns_txt_record: txt.pk });
    expect(spf.pk).toBe(`DNSSPFRecord|internet|example.org|${sha1Hex(value)}|${sha1Hex('v=spf1 -all')}`);
  });
});
