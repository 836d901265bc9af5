import { describe, expect, it } from 'vitest';
import { bit, o } from '../../helpers/bits';

const host = (name: string) => o('Hostname', { network: 'Network|internet', name });
const target = host('example.org');
const cname = (owner: string, to = target) => o('DNSCNAMERecord', { hostname: host(owner).pk, target_hostname: to.pk, value: String(to.data.name) });
const resolved = (ip: string, h = target) =>
  o('ResolvedHostname', { hostname: h.pk, address: `${ip.includes(':') ? 'IPAddressV6' : 'IPAddressV4'}|internet|${ip}` });

describe('bit dns-alias-resolving', () => {
  it('resolves every alias to every address of its target', () => {
    const out = bit('dns-alias-resolving', target, {
      cname_records: [cname('www.example.org'), cname('shop.example.org')],
      resolved: [resolved('192.0.2.1'), resolved('2001:db8::1')],
    });
    expect(out.map((x) => x.pk).sort()).toEqual([
      'ResolvedHostname|internet|shop.example.org|internet|192.0.2.1',
      'ResolvedHostname|internet|shop.example.org|internet|2001:db8::1',
      'ResolvedHostname|internet|www.example.org|internet|192.0.2.1',
      'ResolvedHostname|internet|www.example.org|internet|2001:db8::1',
    ]);
  });

  it('infers nothing when the target has no addresses or no alias points at it', () => {
    expect(bit('dns-alias-resolving', target, { cname_records: [cname('www.example.org')] })).toEqual([]);
    expect(bit('dns-alias-resolving', target, { resolved: [resolved('192.0.2.1')] })).toEqual([]);
    expect(bit('dns-alias-resolving', target)).toEqual([]);
  });

  it('ignores a CNAME that points at its own owner', () => {
    expect(bit('dns-alias-resolving', target, { cname_records: [cname('example.org')], resolved: [resolved('192.0.2.1')] })).toEqual([]);
  });

  it('passes addresses one link down a chain (a -> b -> c)', () => {
    const b = host('b.example.org');
    // the run on b sees the ResolvedHostname of b inferred from c, and hands it to a
    const out = bit('dns-alias-resolving', b, { cname_records: [cname('a.example.org', b)], resolved: [resolved('192.0.2.7', b)] });
    expect(out.map((x) => x.pk)).toEqual(['ResolvedHostname|internet|a.example.org|internet|192.0.2.7']);
  });
});
