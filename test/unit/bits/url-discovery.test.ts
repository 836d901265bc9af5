import { describe, expect, it } from 'vitest';
import { bit, o } from '../../helpers/bits';

const ip4 = o('IPAddressV4', { network: 'Network|internet', address: '192.0.2.1' });
const ip6 = o('IPAddressV6', { network: 'Network|internet', address: '2001:db8::1' });
const port = (ip: { pk: string }, n: number, extra: Record<string, unknown> = {}) => o('IPPort', { address: ip.pk, protocol: 'tcp', port: n, ...extra });
const resolved = (ip: { pk: string }, name: string) => o('ResolvedHostname', { hostname: `Hostname|internet|${name}`, address: ip.pk });
const raws = (out: { data: Record<string, unknown> }[]) => out.map((x) => String(x.data.raw)).sort();

describe('bit url-discovery', () => {
  it('makes http and https root URLs for the address and its hostnames', () => {
    const out = bit('url-discovery', ip4, { ports: [port(ip4, 80), port(ip4, 443, { state: 'open' })], resolved: [resolved(ip4, 'example.org'), resolved(ip4, 'www.example.org')] });
    expect(raws(out)).toEqual(['http://192.0.2.1/', 'http://example.org/', 'http://www.example.org/', 'https://192.0.2.1/', 'https://example.org/', 'https://www.example.org/']);
    expect(out.every((x) => x.type === 'URL' && x.data.network === 'Network|internet')).toBe(true);
  });

  it('puts an IPv6 address in brackets', () => {
    expect(raws(bit('url-discovery', ip6, { ports: [port(ip6, 443)] }))).toEqual(['https://[2001:db8::1]/']);
  });

  it('without a known web service, only uses open TCP ports 80 and 443', () => {
    const ports = [port(ip4, 8080), port(ip4, 443, { state: 'closed' }), o('IPPort', { address: ip4.pk, protocol: 'udp', port: 80 })];
    expect(bit('url-discovery', ip4, { ports, resolved: [resolved(ip4, 'example.org')] })).toEqual([]);
    expect(raws(bit('url-discovery', ip4, { ports: [port(ip4, 80)] }))).toEqual(['http://192.0.2.1/']);
  });

  it('a web service on another port gets its URL with the port; a service on a closed port does not', () => {
    const svc = (ip: { pk: string }, n: number, name: string) => o('IPService', { ip_port: port(ip, n).pk, service: `Service|${name}` });
    const out = bit('url-discovery', ip4, {
      ports: [port(ip4, 8443), port(ip4, 8080), port(ip4, 9000, { state: 'closed' }), port(ip4, 22)],
      services: [svc(ip4, 8443, 'https-alt'), svc(ip4, 8080, 'http-proxy'), svc(ip4, 9000, 'http'), svc(ip4, 22, 'ssh')],
      resolved: [resolved(ip4, 'example.org')],
    });
    expect(raws(out)).toEqual(['http://192.0.2.1:8080/', 'http://example.org:8080/', 'https://192.0.2.1:8443/', 'https://example.org:8443/']);
    // a web service on the default port does not give a second URL
    expect(raws(bit('url-discovery', ip4, { ports: [port(ip4, 443)], services: [svc(ip4, 443, 'https')] }))).toEqual(['https://192.0.2.1/']);
  });

  it('infers nothing without ports', () => {
    expect(bit('url-discovery', ip4, { resolved: [resolved(ip4, 'example.org')] })).toEqual([]);
  });
});
