import { describe, expect, it } from 'vitest';
import type { OOI } from '../../../src-main/graph/model';
import { bit, findingIds, o } from '../../helpers/bits';
import { apex } from './dns-fixtures';

const website = o('Website', { ip_service: 'IPService|internet|192.0.2.1|tcp|443|https', hostname: apex.pk });
const resolved = (ip: string) => o('ResolvedHostname', { hostname: apex.pk, address: `${ip.includes(':') ? 'IPAddressV6' : 'IPAddressV4'}|internet|${ip}` });
const aaaa = o('DNSAAAARecord', { hostname: apex.pk, address: 'IPAddressV6|internet|2001:db8::1', value: '2001:db8::1' });
const run = (p: Partial<Record<'websites' | 'aaaa_records' | 'resolved', OOI[]>>) => findingIds(bit('ipv6-webservers', apex, p));

describe('bit ipv6-webservers', () => {
  it('flags a hostname with a website and only IPv4 addresses', () => {
    expect(run({ websites: [website], resolved: [resolved('192.0.2.1')] })).toEqual(['KAT-WEBSERVER-NO-IPV6']);
    expect(run({ websites: [website] })).toEqual(['KAT-WEBSERVER-NO-IPV6']);
  });

  it('is satisfied by an IPv6 resolution (also through an alias) or an AAAA record', () => {
    expect(run({ websites: [website], resolved: [resolved('192.0.2.1'), resolved('2001:db8::1')] })).toEqual([]);
    expect(run({ websites: [website], aaaa_records: [aaaa] })).toEqual([]);
  });

  it('says nothing about hostnames without a website', () => {
    expect(run({ resolved: [resolved('192.0.2.1')] })).toEqual([]);
    expect(run({})).toEqual([]);
  });
});
