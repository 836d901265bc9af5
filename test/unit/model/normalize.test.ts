import { describe, expect, it } from 'vitest';
import { AppError } from '../../../src-main/common/errors.js';
import { normalizeObject, objectFromPk, referencesOf } from '../../../src-main/graph/model/index.js';
import { HOST, IP4, NET, PORT } from './examples.js';

/** Runs `fn`, expecting an AppError; returns it for further checks. */
function failure(fn: () => unknown): AppError {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(AppError);
    return e as AppError;
  }
  throw new Error('expected an AppError');
}

function rejects(type: string, data: Record<string, unknown>, field: string, reason: string): AppError {
  const e = failure(() => normalizeObject(type, data));
  expect(e.code).toBe('INVALID_OBJECT');
  expect(e.details).toMatchObject({ type, field, reason });
  expect(e.message).toContain(`${type}.${field}`);
  return e;
}

describe('normalizeObject: canonical values', () => {
  it('lowercases hostnames, strips the trailing dot and converts IDNA to punycode', () => {
    expect(normalizeObject('Hostname', { network: NET, name: 'WWW.Example.ORG.' }).data.name).toBe('www.example.org');
    const idn = normalizeObject('Hostname', { network: NET, name: 'Bücher.Example' });
    expect(idn.data.name).toBe('xn--bcher-kva.example');
    expect(idn.pk).toBe('Hostname|internet|xn--bcher-kva.example');
    expect(normalizeObject('Hostname', { network: NET, name: '_dmarc.example.org' }).data.name).toBe('_dmarc.example.org');
  });

  it('canonicalises IP addresses', () => {
    expect(normalizeObject('IPAddressV6', { network: NET, address: '2001:0DB8:0000:0000:0000:0000:0000:0001' }).pk).toBe(
      'IPAddressV6|internet|2001:db8::1',
    );
    expect(normalizeObject('IPAddressV6', { network: NET, address: '::' }).data.address).toBe('::');
    expect(normalizeObject('IPAddressV4', { network: NET, address: '0.0.0.0' }).data.address).toBe('0.0.0.0');
  });

  it('stores references as canonical primary keys', () => {
    const ooi = normalizeObject('DNSZone', { hostname: 'Hostname|internet|EXAMPLE.org' });
    expect(ooi.data.hostname).toBe('Hostname|internet|example.org');
    expect(ooi.pk).toBe('DNSZone|internet|example.org');
    const port = normalizeObject('IPPort', { address: 'IPAddressV6|internet|2001:DB8::0:1', protocol: 'udp', port: '53' });
    expect(port.data).toEqual({ address: 'IPAddressV6|internet|2001:db8::1', protocol: 'udp', port: 53 });
  });

  it('converts date-times to ISO UTC', () => {
    const r = normalizeObject('Report', {
      name: 'r',
      date_generated: '2025-01-01T01:00:00+01:00',
      reference_date: new Date(Date.UTC(2025, 0, 1)),
      organization_code: 'o',
      organization_name: 'O',
      organization_tags: [],
      data_raw_id: 'x',
      observed_at: 0,
      report_recipe: 'ReportRecipe|8a4c1b2e-1f0d-4c3b-9a6e-0123456789ab',
      report_type: 't',
      input_oois: [],
    });
    expect(r.data.date_generated).toBe('2025-01-01T00:00:00.000Z');
    expect(r.data.reference_date).toBe('2025-01-01T00:00:00.000Z');
    expect(r.data.observed_at).toBe('1970-01-01T00:00:00.000Z');
  });

  it('applies defaults and drops null values', () => {
    const a = normalizeObject('DNSARecord', { hostname: HOST, value: '1.1.1.1', address: IP4, ttl: null });
    expect(a.data).toEqual({ hostname: HOST, value: '1.1.1.1', address: IP4, dns_record_type: 'A' });
  });
});

describe('normalizeObject: rejections name the field', () => {
  it('bad IP addresses', () => {
    for (const address of ['1.1.1', '1.1.1.256', '01.1.1.1', '1.1.1.1 ', 'example.org', '::1']) {
      rejects('IPAddressV4', { network: NET, address }, 'address', 'bad-ip');
    }
    for (const address of ['2001:db8::g', '1.1.1.1', 'fe80::1%eth0', ':::']) {
      rejects('IPAddressV6', { network: NET, address }, 'address', 'bad-ip');
    }
  });

  it('bad hostnames', () => {
    for (const name of ['exa mple.org', '-example.org', 'example-.org', 'a..b', '', '1.1.1.1', 'x'.repeat(64) + '.org', 'a/b']) {
      rejects('Hostname', { network: NET, name }, 'name', 'bad-hostname');
    }
  });

  it('out-of-range ports and masks', () => {
    rejects('IPPort', { address: IP4, protocol: 'tcp', port: 65536 }, 'port', 'out-of-range');
    rejects('IPPort', { address: IP4, protocol: 'tcp', port: -1 }, 'port', 'out-of-range');
    rejects('IPPort', { address: IP4, protocol: 'tcp', port: 1.5 }, 'port', 'wrong-kind');
    expect(normalizeObject('IPPort', { address: IP4, protocol: 'tcp', port: 0 }).pk).toBe('IPPort|internet|1.1.1.1|tcp|0');
    expect(normalizeObject('IPPort', { address: IP4, protocol: 'tcp', port: 65535 }).data.port).toBe(65535);
    rejects('IPV4NetBlock', { network: NET, start_ip: 'IPAddressV4|internet|10.0.0.0', mask: 33 }, 'mask', 'out-of-range');
  });

  it('bad enum values', () => {
    const e = rejects('IPPort', { address: IP4, protocol: 'sctp', port: 1 }, 'protocol', 'bad-enum');
    expect(e.message).toContain("'tcp', 'udp'");
    rejects('DNSCAARecord', { hostname: HOST, tag: 'bogus', value: 'x' }, 'tag', 'bad-enum');
    rejects('DNSARecord', { hostname: HOST, value: '1.1.1.1', address: IP4, dns_record_type: 'MX' }, 'dns_record_type', 'bad-enum');
  });

  it('missing required fields', () => {
    rejects('IPPort', { address: IP4, protocol: 'tcp' }, 'port', 'missing');
    rejects('DNSARecord', { hostname: HOST, value: '1.1.1.1' }, 'address', 'missing');
    rejects('Hostname', { network: NET, name: null }, 'name', 'missing');
  });

  it('unknown fields', () => {
    rejects('Network', { name: 'internet', colour: 'blue' }, 'colour', 'unknown-field');
  });

  it('wrong kinds', () => {
    rejects('Network', { name: 42 }, 'name', 'wrong-kind');
    rejects('APIDesignRuleResult', {
      rest_api: 'RESTAPI|https|internet|example.org|443|/',
      rule: 'APIDesignRule|API-09',
      passed: 'yes',
      message: '',
    }, 'passed', 'wrong-kind');
    rejects('ReportData', { organization_code: 'a', organization_name: 'A', organization_tags: [1], data: {} }, 'organization_tags', 'wrong-kind');
    rejects('IPPort', { address: { pk: IP4 }, protocol: 'tcp', port: 1 }, 'address', 'wrong-kind');
    rejects('Report', { name: 'r', date_generated: 'not a date' }, 'date_generated', 'bad-datetime');
  });

  it('references to a type the attribute does not allow', () => {
    const e = rejects('IPPort', { address: HOST, protocol: 'tcp', port: 1 }, 'address', 'wrong-target-type');
    expect(e.message).toContain('IPAddress');
    rejects('DNSARecord', { hostname: HOST, value: '::1', address: 'IPAddressV6|internet|::1' }, 'address', 'wrong-target-type');
    rejects('Finding', { ooi: HOST, finding_type: HOST }, 'finding_type', 'wrong-target-type');
  });

  it('references that do not parse', () => {
    rejects('IPPort', { address: 'IPAddressV4|internet|999.1.1.1', protocol: 'tcp', port: 1 }, 'address', 'bad-reference');
    rejects('IPPort', { address: 'IPAddress|internet|1.1.1.1', protocol: 'tcp', port: 1 }, 'address', 'bad-reference');
    rejects('IPPort', { address: 'Nope|x', protocol: 'tcp', port: 1 }, 'address', 'bad-reference');
  });

  it("'|' in a key value, explained", () => {
    const e = rejects('Network', { name: 'a|b' }, 'name', 'pipe-in-key');
    expect(e.message).toContain('separates the parts of a primary key');
    rejects('Software', { name: 'nginx', version: '1|2' }, 'version', 'pipe-in-key');
    // non-key attributes and hashed key attributes may contain it
    expect(normalizeObject('HTTPHeader', {
      resource: 'HTTPResource|internet|1.1.1.1|tcp|443|https|internet|example.org|https|internet|example.org|443|/',
      key: 'x-a',
      value: 'a|b',
    }).data.value).toBe('a|b');
    expect(normalizeObject('DNSTXTRecord', { hostname: HOST, value: 'a|b' }).data.value).toBe('a|b');
  });

  it('empty required key values', () => {
    rejects('Network', { name: '' }, 'name', 'empty');
  });

  it('finding-type ids must carry their catalogue prefix', () => {
    rejects('CVEFindingType', { id: 'KAT-X' }, 'id', 'bad-format');
    rejects('KATFindingType', { id: 'CVE-2021-1' }, 'id', 'bad-format');
  });

  it('unknown and abstract types', () => {
    const unknown = failure(() => normalizeObject('Nope', {}));
    expect(unknown.code).toBe('UNKNOWN_TYPE');
    const abstract = failure(() => normalizeObject('IPAddress', { network: NET, address: '1.1.1.1' }));
    expect(abstract.code).toBe('INVALID_OBJECT');
    expect(abstract.message).toContain('IPAddressV4');
  });
});

describe('objectFromPk', () => {
  it('builds the minimal object, references as full keys', () => {
    expect(objectFromPk(PORT)).toEqual({
      type: 'IPPort',
      pk: PORT,
      data: { address: IP4, protocol: 'tcp', port: 443 },
    });
    expect(objectFromPk('IPAddressV4|internet|1.1.1.1').data).toEqual({ network: NET, address: '1.1.1.1' });
    expect(objectFromPk('Network|internet').data).toEqual({ name: 'internet' });
    expect(objectFromPk('Hostname|internet|EXAMPLE.org')).toEqual({
      type: 'Hostname',
      pk: HOST,
      data: { network: NET, name: 'example.org' },
    });
    expect(objectFromPk('Software|nginx||').data).toEqual({ name: 'nginx' });
    const mech = objectFromPk('DNSSPFMechanismHostname|internet|example.org|' + 'a'.repeat(40) + '|' + 'b'.repeat(40) + '|a|internet|example.org|+');
    expect(mech.data.qualifier).toBe('+');
  });

  it('objects from keys normalise to themselves', () => {
    for (const pk of [PORT, 'Website|internet|1.1.1.1|tcp|443|https|internet|example.org', 'Finding|Hostname|internet|example.org|KAT-NO-SPF']) {
      const o = objectFromPk(pk);
      expect(normalizeObject(o.type, o.data)).toEqual(o);
    }
  });

  it('refuses types that need more than their key', () => {
    const e = failure(() => objectFromPk('DNSARecord|internet|example.org|1.1.1.1'));
    expect(e.code).toBe('INVALID_OBJECT');
    expect(e.details).toMatchObject({ field: 'address', reason: 'not-derivable' });
    expect(failure(() => objectFromPk(`DNSTXTRecord|internet|example.org|${'a'.repeat(40)}`)).details).toMatchObject({
      field: 'value',
    });
    expect(failure(() => objectFromPk('IPPort|internet|1.1.1.1|tcp')).code).toBe('INVALID_REFERENCE');
  });
});

describe('referencesOf', () => {
  it('lists reference attributes in field order', () => {
    const site = normalizeObject('Website', {
      ip_service: 'IPService|internet|1.1.1.1|tcp|443|https',
      hostname: HOST,
    });
    expect(referencesOf(site)).toEqual([
      { attr: 'ip_service', target: 'IPService|internet|1.1.1.1|tcp|443|https' },
      { attr: 'hostname', target: HOST },
    ]);
    expect(referencesOf(normalizeObject('Network', { name: 'x' }))).toEqual([]);
  });
});
