import { describe, expect, it } from 'vitest';
import { bit, o } from '../../helpers/bits';

const host = o('Hostname', { network: 'Network|internet', name: 'example.org' });
const a = (ip: string) => o('DNSARecord', { hostname: host.pk, value: ip, address: `IPAddressV4|internet|${ip}` });
const aaaa = (ip: string) => o('DNSAAAARecord', { hostname: host.pk, value: ip, address: `IPAddressV6|internet|${ip}` });

describe('bit dns-resolving', () => {
  it('links the hostname to every A and AAAA address', () => {
    const out = bit('dns-resolving', host, { a_records: [a('192.0.2.1'), a('192.0.2.2')], aaaa_records: [aaaa('2001:db8::1')] });
    expect(out.map((x) => x.pk).sort()).toEqual([
      'ResolvedHostname|internet|example.org|internet|192.0.2.1',
      'ResolvedHostname|internet|example.org|internet|192.0.2.2',
      'ResolvedHostname|internet|example.org|internet|2001:db8::1',
    ]);
  });

  it('infers nothing without address records', () => {
    expect(bit('dns-resolving', host)).toEqual([]);
  });
});
