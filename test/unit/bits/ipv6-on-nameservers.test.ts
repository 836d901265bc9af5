import { describe, expect, it } from 'vitest';
import type { OOI } from '../../../src-main/graph/model';
import { bit, findingIds, o } from '../../helpers/bits';
import { host } from './dns-fixtures';

const nameserver = host('ns1.example.net', 'example.net');
const ns = (zone: string) => o('DNSNSRecord', { hostname: `Hostname|internet|${zone}`, name_server_hostname: nameserver.pk, value: 'ns1.example.net' });
const a = o('DNSARecord', { hostname: nameserver.pk, address: 'IPAddressV4|internet|192.0.2.53', value: '192.0.2.53' });
const aaaa = o('DNSAAAARecord', { hostname: nameserver.pk, address: 'IPAddressV6|internet|2001:db8::53', value: '2001:db8::53' });
const resolved = (ip: string) => o('ResolvedHostname', { hostname: nameserver.pk, address: `${ip.includes(':') ? 'IPAddressV6' : 'IPAddressV4'}|internet|${ip}` });
const run = (p: Partial<Record<'ns_records' | 'a_records' | 'aaaa_records' | 'resolved', OOI[]>>) => bit('ipv6-on-nameservers', nameserver, p);

describe('bit ipv6-on-nameservers', () => {
  it('flags a name server that resolves to IPv4 only, naming the zones it serves', () => {
    const out = run({ ns_records: [ns('example.org'), ns('example.com')], a_records: [a], resolved: [resolved('192.0.2.53')] });
    expect(findingIds(out)).toEqual(['KAT-NAMESERVER-NO-IPV6']);
    expect(out[0]!.data.ooi).toBe(nameserver.pk);
    expect(String(out[0]!.data.description)).toContain('example.com, example.org');
    expect(findingIds(run({ ns_records: [ns('example.org')], resolved: [resolved('192.0.2.53')] }))).toEqual(['KAT-NAMESERVER-NO-IPV6']);
  });

  it('is satisfied by an AAAA record or a resolution to an IPv6 address', () => {
    expect(run({ ns_records: [ns('example.org')], a_records: [a], aaaa_records: [aaaa] })).toEqual([]);
    expect(run({ ns_records: [ns('example.org')], resolved: [resolved('192.0.2.53'), resolved('2001:db8::53')] })).toEqual([]);
  });

  it('waits until the name server was resolved at all', () => {
    expect(run({ ns_records: [ns('example.org')] })).toEqual([]);
  });

  it('says nothing about hostnames that are no name server', () => {
    expect(run({ a_records: [a], resolved: [resolved('192.0.2.53')] })).toEqual([]);
  });
});
