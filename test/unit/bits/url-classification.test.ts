import { describe, expect, it } from 'vitest';
import { bit, o } from '../../helpers/bits';

const url = (raw: string, network = 'Network|internet') => o('URL', { network, raw });
const pks = (out: { pk: string }[]) => out.map((x) => x.pk).sort();

describe('bit url-classification', () => {
  it('splits a hostname URL with default port and path, and links the URL to it', () => {
    const out = bit('url-classification', url('https://Example.org'));
    expect(pks(out)).toEqual(['HostnameHTTPURL|https|internet|example.org|443|/', 'Hostname|internet|example.org', 'URL|internet|https://Example.org']);
    const u = out.find((x) => x.type === 'URL')!;
    expect(u.data.web_url).toBe('HostnameHTTPURL|https|internet|example.org|443|/');
    expect(u.data.raw).toBe('https://Example.org');
  });

  it('keeps an explicit port and the path, drops query and fragment', () => {
    const out = bit('url-classification', url('http://example.org:8080/a/b?x=1#top'));
    const w = out.find((x) => x.type === 'HostnameHTTPURL')!;
    expect(w.data).toMatchObject({ scheme: 'http', port: 8080, path: '/a/b', netloc: 'Hostname|internet|example.org', network: 'Network|internet' });
  });

  it('makes an IPAddressV4 / IPAddressV6 URL in the URL network', () => {
    const v4 = bit('url-classification', url('http://192.0.2.7/x', 'Network|lab'));
    expect(pks(v4)).toEqual(['IPAddressHTTPURL|http|lab|192.0.2.7|80|/x', 'IPAddressV4|lab|192.0.2.7', 'URL|lab|http://192.0.2.7/x']);
    const v6 = bit('url-classification', url('https://[2001:DB8:0::1]:8443/'));
    expect(pks(v6)).toContain('IPAddressV6|internet|2001:db8::1');
    expect(v6.find((x) => x.type === 'IPAddressHTTPURL')!.data).toMatchObject({ port: 8443, scheme: 'https', netloc: 'IPAddressV6|internet|2001:db8::1' });
  });

  it.each(['mailto:someone@example.org', 'ftp://example.org/', '/relative/path', 'not a url', 'http://', 'http://bad_host!/'])('ignores %s', (raw) => {
    expect(bit('url-classification', url(raw))).toEqual([]);
  });
});
