import { describe, expect, it } from 'vitest';
import type { OOI } from '../../../src-main/graph/model';
import { bit, findingIds, o } from '../../helpers/bits';

const host = o('Hostname', { network: 'Network|lab', name: 'example.org' });
const txt = (value: string, h: OOI = host) => o('DNSTXTRecord', { hostname: h.pk, value, ttl: 300 });
const run = (value: string, siblings: OOI[] = []) => {
  const source = txt(value);
  return bit('spf-discovery', source, { txt_records: [source, ...siblings] });
};
const ofType = (out: OOI[], type: string) => out.filter((x) => x.type === type);
const mechanisms = (out: OOI[]) =>
  out
    .filter((x) => x.type.startsWith('DNSSPFMechanism'))
    .map((x) => `${String(x.data.qualifier)}${String(x.data.mechanism)} ${String(x.data.ip ?? x.data.hostname ?? x.data.netblock)}`)
    .sort();

describe('bit spf-discovery', () => {
  it('lays out a policy: record, addresses, ranges and hostnames in the hostname\'s network', () => {
    const value = 'v=spf1 ip4:192.0.2.1 ip4:198.51.100.0/24 ip6:2001:db8::1 -ip6:2001:DB8:1::/48 a mx:mail.example.org ~include:_spf.example.net exists:x.example.org redirect=_spf.example.com -all';
    const out = run(value);
    expect(findingIds(out)).toEqual([]);
    const [record] = ofType(out, 'DNSSPFRecord');
    expect(record!.data).toMatchObject({ value, all: '-all', ttl: 300, dns_txt_record: txt(value).pk });
    expect(mechanisms(out)).toEqual([
      '+a Hostname|lab|example.org',
      '+exists Hostname|lab|x.example.org',
      '+ip4 IPAddressV4|lab|192.0.2.1',
      '+ip4 IPV4NetBlock|lab|lab|198.51.100.0|24',
      '+ip6 IPAddressV6|lab|2001:db8::1',
      '+mx Hostname|lab|mail.example.org',
      '+redirect Hostname|lab|_spf.example.com',
      '-ip6 IPV6NetBlock|lab|lab|2001:db8:1::|48',
      '~include Hostname|lab|_spf.example.net',
    ]);
    for (const m of ofType(out, 'DNSSPFMechanismIP')) expect(m.data.spf_record).toBe(record!.pk);
  });

  it('ignores TXT records that are no SPF policy', () => {
    expect(run('google-site-verification=abc')).toEqual([]);
    expect(run('v=spf10 -all')).toEqual([]);
    expect(run('')).toEqual([]);
  });

  it('reads the version and mechanism names case-insensitively and tolerates extra spaces', () => {
    const out = run('  V=SPF1   IP4:192.0.2.1    ~ALL  ');
    expect(findingIds(out)).toEqual([]);
    expect(ofType(out, 'DNSSPFRecord')[0]!.data.all).toBe('~all');
    expect(mechanisms(out)).toEqual(['+ip4 IPAddressV4|lab|192.0.2.1']);
  });

  it('treats /32 and /128 as single addresses and clears host bits of a range', () => {
    const out = run('v=spf1 ip4:192.0.2.9/32 ip6:2001:db8::9/128 ip4:203.0.113.77/26 ip6:2001:db8:abcd:12::1/60 ?all');
    expect(mechanisms(out)).toEqual([
      '+ip4 IPAddressV4|lab|192.0.2.9',
      '+ip4 IPV4NetBlock|lab|lab|203.0.113.64|26',
      '+ip6 IPAddressV6|lab|2001:db8::9',
      '+ip6 IPV6NetBlock|lab|lab|2001:db8:abcd:10::|60',
    ]);
    expect(ofType(out, 'DNSSPFRecord')[0]!.data.all).toBe('?all');
  });

  it('accepts a bare policy and a/mx with prefix lengths; keeps exp; skips macro domains', () => {
    expect(ofType(run('v=spf1'), 'DNSSPFRecord')[0]!.data).toMatchObject({ value: 'v=spf1' });
    const out = run('v=spf1 a/24 mx:mail.example.org/24//64 a//64 exists:%{i}._spf.%{d} include:%{d2}.example.net exp=explain.example.org -all');
    expect(findingIds(out)).toEqual([]);
    expect(mechanisms(out)).toEqual(['+a Hostname|lab|example.org', '+mx Hostname|lab|mail.example.org']);
    expect(ofType(out, 'DNSSPFRecord')[0]!.data.exp).toBe('explain.example.org');
  });

  it('ignores unknown modifiers, as RFC 7208 requires', () => {
    const out = run('v=spf1 moo=cow -all');
    expect(findingIds(out)).toEqual([]);
    expect(ofType(out, 'DNSSPFRecord')).toHaveLength(1);
  });

  it.each([
    ['an unknown mechanism', 'v=spf1 ip5:192.0.2.1 -all'],
    ['two all mechanisms', 'v=spf1 -all ~all'],
    ['a bad address', 'v=spf1 ip4:192.0.2.256 -all'],
    ['an address of the wrong family', 'v=spf1 ip4:2001:db8::1 -all'],
    ['a prefix too long', 'v=spf1 ip4:192.0.2.0/33 -all'],
    ['an IPv6 prefix too long', 'v=spf1 ip6:2001:db8::/129 -all'],
    ['an ip4 without address', 'v=spf1 ip4 -all'],
    ['an include without domain', 'v=spf1 include: -all'],
    ['an include with a broken domain', 'v=spf1 include:exa_mple..org -all'],
    ['all with an argument', 'v=spf1 all:example.org'],
    ['a repeated redirect', 'v=spf1 redirect=a.example.org redirect=b.example.org'],
    ['a malformed macro', 'v=spf1 exists:%{z}.example.org -all'],
    ['a stray qualifier', 'v=spf1 - all'],
    ['a bad a prefix', 'v=spf1 a/99 -all'],
  ])('reports KAT-INVALID-SPF for %s and makes no record', (_what, value) => {
    const out = run(value);
    expect(findingIds(out)).toEqual(['KAT-INVALID-SPF']);
    expect(out.filter((x) => x.type !== 'Finding')).toEqual([]);
    const [f] = ofType(out, 'Finding');
    expect(f!.data.ooi).toBe(host.pk);
    expect(String(f!.data.description)).toContain('invalid');
  });

  it('reports the deprecated ptr mechanism but still lays out the policy', () => {
    const out = run('v=spf1 ptr:example.org ptr mx -all');
    expect(findingIds(out)).toEqual(['KAT-DEPRECATED-SPF-MECHANISM']);
    expect(ofType(out, 'DNSSPFRecord')).toHaveLength(1);
    expect(mechanisms(out)).toEqual(['+mx Hostname|lab|example.org']);
  });

  it('reports more than one SPF policy on the same name, still laying out each record', () => {
    const other = txt('v=spf1 mx -all');
    const out = run('v=spf1 a -all', [other, txt('some-verification=1')]);
    expect(findingIds(out)).toEqual(['KAT-INVALID-SPF']);
    expect(String(ofType(out, 'Finding')[0]!.data.description)).toContain('more than one SPF record');
    expect(ofType(out, 'DNSSPFRecord')).toHaveLength(1);
  });

  it('works without the sibling parameter (only its own record)', () => {
    expect(findingIds(bit('spf-discovery', txt('v=spf1 -all')))).toEqual([]);
  });
});
