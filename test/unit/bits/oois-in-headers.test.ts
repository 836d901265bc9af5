import { describe, expect, it } from 'vitest';
import { isAppError } from '../../../src-main/common/errors';
import { bit } from '../../helpers/bits';
import { header, resource } from './web-fixtures';

const res = resource('https', '/dir/page');
const ofType = (out: { type: string; pk: string }[], t: string) => out.filter((x) => x.type === t).map((x) => x.pk).sort();
const rawUrls = (out: { type: string; data: Record<string, unknown> }[]) => out.filter((x) => x.type === 'URL').map((x) => String(x.data.raw)).sort();

describe('bit oois-in-headers', () => {
  it('turns an absolute Location into URL, WebURL, HTTPHeaderURL and HTTPHeaderHostname', () => {
    const h = header(res, 'location', 'https://www.example.org/next?a=1');
    const out = bit('oois-in-headers', h);
    expect(rawUrls(out)).toEqual(['https://www.example.org/next?a=1']);
    const url = out.find((x) => x.type === 'URL')!;
    expect(url.data).toMatchObject({ network: 'Network|internet', web_url: 'HostnameHTTPURL|https|internet|www.example.org|443|/next' });
    expect(ofType(out, 'HostnameHTTPURL')).toEqual(['HostnameHTTPURL|https|internet|www.example.org|443|/next']);
    expect(ofType(out, 'HTTPHeaderURL')).toEqual([`HTTPHeaderURL|${h.pk.slice('HTTPHeader|'.length)}|internet|https://www.example.org/next?a=1`]);
    expect(ofType(out, 'HTTPHeaderHostname')).toHaveLength(1);
    expect(ofType(out, 'Hostname')).toEqual(['Hostname|internet|www.example.org']);
  });

  it("resolves a relative Location against the resource's URL", () => {
    expect(rawUrls(bit('oois-in-headers', header(res, 'location', '../login')))).toEqual(['https://example.org/login']);
    expect(rawUrls(bit('oois-in-headers', header(resource('http', '/', {}, '2001:db8::1'), 'Location', '/x')))).toEqual(['http://example.org/x']);
  });

  it('handles repeated Location values and an address target', () => {
    const out = bit('oois-in-headers', header(res, 'location', 'http://192.0.2.9:8080/a, /b'));
    expect(rawUrls(out)).toEqual(['http://192.0.2.9:8080/a', 'https://example.org/b']);
    expect(ofType(out, 'IPAddressV4')).toEqual(['IPAddressV4|internet|192.0.2.9']);
    expect(ofType(out, 'HTTPHeaderHostname')).toHaveLength(1); // only example.org, not the address
  });

  it('removes ignored query parameters (any case) and keeps the others', () => {
    const h = header(res, 'location', 'https://example.org/?SessionID=abc&page=2&utm_source=x');
    expect(rawUrls(bit('oois-in-headers', h, {}, { config: { ignored_url_parameters: ['sessionid', 'utm_source'] } }))).toEqual(['https://example.org/?page=2']);
    expect(rawUrls(bit('oois-in-headers', h))).toEqual(['https://example.org/?SessionID=abc&page=2&utm_source=x']);
  });

  it('ignores Location values that are not http(s)', () => {
    expect(bit('oois-in-headers', header(res, 'location', 'javascript:alert(1)'))).toEqual([]);
    expect(bit('oois-in-headers', header(res, 'location', ''))).toEqual([]);
  });

  it('takes hostnames and URLs from CSP sources and report-uri', () => {
    const csp =
      "default-src 'self'; script-src 'nonce-abc' https://cdn.example.net *.static.example.com http://api.example.org:8080/v1/; img-src data: * https:; " +
      'frame-ancestors https://*.partner.example; report-uri /csp-report https://report.example.io/r; sandbox allow-scripts; upgrade-insecure-requests';
    const out = bit('oois-in-headers', header(res, 'Content-Security-Policy', csp));
    expect(ofType(out, 'Hostname')).toEqual([
      'Hostname|internet|api.example.org',
      'Hostname|internet|cdn.example.net',
      'Hostname|internet|example.org',
      'Hostname|internet|partner.example',
      'Hostname|internet|report.example.io',
      'Hostname|internet|static.example.com',
    ]);
    expect(rawUrls(out)).toEqual(['http://api.example.org:8080/v1/', 'https://cdn.example.net/', 'https://example.org/csp-report', 'https://report.example.io/r']);
    expect(ofType(out, 'HTTPHeaderHostname')).toHaveLength(6);
    expect(ofType(out, 'HTTPHeaderURL')).toHaveLength(4);
  });

  it('skips CSP tokens that are not hosts', () => {
    const out = bit('oois-in-headers', header(res, 'content-security-policy', "script-src 'self' 'unsafe-inline' blob: data nonsense!! *; ;;"));
    expect(out).toEqual([]);
  });

  it('ignores other headers', () => {
    expect(bit('oois-in-headers', header(res, 'link', '<https://example.org/style.css>; rel=preload'))).toEqual([]);
  });

  it('refuses a config that is not a list of names', () => {
    const h = header(res, 'location', '/x');
    const run = () => bit('oois-in-headers', h, {}, { config: { ignored_url_parameters: 'session' } });
    let err: unknown;
    try {
      run();
    } catch (e) {
      err = e;
    }
    expect(isAppError(err) && err.code).toBe('BIT_FAILED');
    expect(isAppError(err) && err.details?.cause).toBe('PLUGIN_SETTINGS_INVALID');
    expect(String((err as Error).message)).toMatch(/list of parameter names/);
  });
});
