import { describe, expect, it } from 'vitest';
import { bit, o } from '../../helpers/bits';

const host = o('Hostname', { network: 'Network|internet', name: 'example.org' });
const url = (scheme: string, port: number, path = '/') => o('HostnameHTTPURL', { network: 'Network|internet', scheme, port, path, netloc: host.pk });
const website = (ip: string, port: number, service: string) =>
  o('Website', { ip_service: `IPService|internet|${ip}|tcp|${port}|${service}`, hostname: host.pk });

describe('bit resource-discovery', () => {
  it('makes a resource where scheme and port match the website service', () => {
    const urls = [url('http', 80), url('https', 443), url('https', 443, '/login'), url('https', 8443)];
    const websites = [website('192.0.2.1', 80, 'http'), website('192.0.2.1', 443, 'https'), website('2001:db8::1', 443, 'https')];
    const out = bit('resource-discovery', host, { urls, websites });
    expect(out.every((x) => x.type === 'HTTPResource')).toBe(true);
    const pairs = out.map((x) => `${String(x.data.website).split('|').slice(2, 5).join(':')} ${String(x.data.web_url)}`).sort();
    expect(pairs).toEqual([
      '192.0.2.1:tcp:443 HostnameHTTPURL|https|internet|example.org|443|/',
      '192.0.2.1:tcp:443 HostnameHTTPURL|https|internet|example.org|443|/login',
      '192.0.2.1:tcp:80 HostnameHTTPURL|http|internet|example.org|80|/',
      '2001:db8::1:tcp:443 HostnameHTTPURL|https|internet|example.org|443|/',
      '2001:db8::1:tcp:443 HostnameHTTPURL|https|internet|example.org|443|/login',
    ]);
  });

  it('does not pair https URLs with an http service on the same port, nor non-web services', () => {
    const out = bit('resource-discovery', host, { urls: [url('https', 8080)], websites: [website('192.0.2.1', 8080, 'http-proxy'), website('192.0.2.1', 8080, 'ssh')] });
    expect(out).toEqual([]);
    expect(bit('resource-discovery', host, { urls: [url('http', 8080)], websites: [website('192.0.2.1', 8080, 'http-proxy')] })).toHaveLength(1);
  });

  it('infers nothing without urls or websites', () => {
    expect(bit('resource-discovery', host, { urls: [url('http', 80)] })).toEqual([]);
    expect(bit('resource-discovery', host, { websites: [website('192.0.2.1', 80, 'http')] })).toEqual([]);
  });
});
