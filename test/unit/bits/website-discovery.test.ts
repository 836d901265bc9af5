import { describe, expect, it } from 'vitest';
import { bit, o } from '../../helpers/bits';

const ip = o('IPAddressV4', { network: 'Network|internet', address: '192.0.2.1' });
const svc = (port: number, name: string) => o('IPService', { ip_port: `IPPort|internet|192.0.2.1|tcp|${port}`, service: `Service|${name}` });
const resolved = (name: string) => o('ResolvedHostname', { hostname: `Hostname|internet|${name}`, address: ip.pk });

describe('bit website-discovery', () => {
  it('pairs every web service with every resolving hostname', () => {
    const out = bit('website-discovery', ip, {
      services: [svc(80, 'http'), svc(443, 'https'), svc(8080, 'http-proxy'), svc(8443, 'https-alt'), svc(22, 'ssh')],
      resolved: [resolved('example.org'), resolved('www.example.org')],
    });
    expect(out).toHaveLength(8);
    expect(out.every((x) => x.type === 'Website')).toBe(true);
    expect(out.map((x) => x.pk)).toContain('Website|internet|192.0.2.1|tcp|443|https|internet|www.example.org');
    expect(out.some((x) => String(x.data.ip_service).endsWith('|ssh'))).toBe(false);
  });

  it('treats service names case-insensitively (HTTP-Alt)', () => {
    const out = bit('website-discovery', ip, { services: [svc(8008, 'HTTP-Alt')], resolved: [resolved('example.org')] });
    expect(out).toHaveLength(1);
  });

  it('infers nothing without hostnames or without web services', () => {
    expect(bit('website-discovery', ip, { services: [svc(80, 'http')] })).toEqual([]);
    expect(bit('website-discovery', ip, { services: [svc(25, 'smtp')], resolved: [resolved('example.org')] })).toEqual([]);
  });
});
