/** kat_webpage_analysis_normalizer: captured curl output gives exact objects; damaged or hostile input never gives partial output. */
import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { OOI } from '../../../src-main/graph/model';
import { normalizerFor } from '../../../src-main/normalizers/registry';
import { readFixture } from '../../helpers/fixtures';
import { expectMalformed } from '../../helpers/normalizer';

const ID = 'kat_webpage_analysis_normalizer';
const normalize = (raw: Uint8Array | string, input: OOI | null) =>
  normalizerFor(ID)!({ raw: typeof raw === 'string' ? Buffer.from(raw) : raw, mimeTypes: ['boefje/webpage-analysis'], input }).objects;
const pks = (objects: OOI[]) => objects.map((o) => o.pk).sort();

const HEADERS = ['content-type', 'date', 'connection', 'keep-alive', 'transfer-encoding'];
const service = (port: number, scheme: string) => [
  'IPAddressV4|internet|127.0.0.1',
  `IPPort|internet|127.0.0.1|tcp|${port}`,
  `Service|${scheme}`,
  `IPService|internet|127.0.0.1|tcp|${port}|${scheme}`,
];
/** the Website, HTTPResource and HTTPHeaders of one hop on localhost */
function resource(port: number, scheme: string, path: string, headers: string[]): { pk: string; pks: string[] } {
  const site = `internet|127.0.0.1|tcp|${port}|${scheme}|internet|localhost`;
  const key = `${site}|${scheme}|internet|localhost|${port}|${path}`;
  return { pk: `HTTPResource|${key}`, pks: [`Website|${site}`, `HTTPResource|${key}`, ...headers.map((h) => `HTTPHeader|${key}|${h}`)] };
}

describe('captured curl output (fixtures/)', () => {
  it('redirect-https.json: both hops, the Location link, redirects_to', () => {
    const { raw, input } = readFixture(ID, 'redirect-https.json');
    const first = resource(44109, 'https', '/redirect', [...HEADERS, 'location']);
    const second = resource(44109, 'https', '/final', [...HEADERS, 'x-kattegat-test']);
    const header = `${first.pk.slice('HTTPResource|'.length)}|location`;
    const objects = normalize(raw, input);
    expect(pks(objects)).toEqual(
      [
        ...service(44109, 'https'),
        ...first.pks,
        ...second.pks.slice(1),
        'Hostname|internet|localhost',
        'HostnameHTTPURL|https|internet|localhost|44109|/final',
        'URL|internet|https://localhost:44109/final',
        `HTTPHeaderURL|${header}|internet|https://localhost:44109/final`,
        `HTTPHeaderHostname|${header}|internet|localhost`,
      ].sort(),
    );
    const byPk = new Map(objects.map((o) => [o.pk, o.data]));
    expect(byPk.get(first.pk)).toMatchObject({ web_url: input.pk, redirects_to: 'HostnameHTTPURL|https|internet|localhost|44109|/final' });
    expect(byPk.get(second.pk)!.redirects_to).toBeUndefined();
    expect(byPk.get(`HTTPHeader|${header}`)!.value).toBe('/final');
  });

  it('root-http.json: every header, Set-Cookie values kept apart by a newline', () => {
    const { raw, input } = readFixture(ID, 'root-http.json');
    const r = resource(45905, 'http', '/', [...HEADERS, 'x-kattegat-test', 'x-frame-options', 'set-cookie']);
    const objects = normalize(raw, input);
    expect(pks(objects)).toEqual([...service(45905, 'http'), ...r.pks].sort());
    expect(objects.find((o) => o.pk.endsWith('|set-cookie'))!.data.value).toBe('session=abc; HttpOnly\ntheme=dark');
  });

  it('to-ip.json: the address hop is an IP service and a URL, not a website', () => {
    const { raw, input } = readFixture(ID, 'to-ip.json');
    const r = resource(44109, 'https', '/to-ip/45905', [...HEADERS, 'location']);
    const header = `${r.pk.slice('HTTPResource|'.length)}|location`;
    expect(pks(normalize(raw, input))).toEqual(
      [
        ...service(44109, 'https'),
        ...service(45905, 'http').slice(1),
        ...r.pks,
        'IPAddressHTTPURL|http|internet|127.0.0.1|45905|/final',
        'URL|internet|http://127.0.0.1:45905/final',
        `HTTPHeaderURL|${header}|internet|http://127.0.0.1:45905/final`,
      ].sort(),
    );
  });

  it('js-location.json: a javascript: Location stays header text', () => {
    const { raw, input } = readFixture(ID, 'js-location.json');
    const r = resource(45905, 'http', '/js', [...HEADERS, 'location']);
    const objects = normalize(raw, input);
    expect(pks(objects)).toEqual([...service(45905, 'http'), ...r.pks].sort());
    expect(objects.find((o) => o.pk.endsWith('|location'))!.data.value).toBe('javascript:alert(1)');
    expect(objects.find((o) => o.pk === r.pk)!.data.redirects_to).toBeUndefined();
  });

  it('private-authorized.json: the page behind the login', () => {
    const { raw, input } = readFixture(ID, 'private-authorized.json');
    expect(pks(normalize(raw, input))).toEqual([...service(45905, 'http'), ...resource(45905, 'http', '/private', [...HEADERS, 'x-kattegat-test']).pks].sort());
  });
});

/** A one-hop document like the boefje writes, for hostile variations. */
function doc(headers: Record<string, string[]>, hop: Record<string, unknown> = {}): string {
  const url = 'http://localhost:8080/';
  return JSON.stringify({
    format: 'kattegat/webpage-analysis/1',
    request: { url },
    hops: [{ url, url_effective: url, http_code: 200, remote_ip: '127.0.0.1', remote_port: 8080, redirect_url: null, exitcode: 0, errormsg: null, headers, ...hop }],
  });
}
const INPUT: OOI = { type: 'HostnameHTTPURL', pk: 'HostnameHTTPURL|http|internet|localhost|8080|/', data: { network: 'Network|internet', scheme: 'http', netloc: 'Hostname|internet|localhost', port: 8080, path: '/' } };

describe('hostile values', () => {
  it('10,000 headers are 10,000 HTTPHeader objects, quickly; one more is refused', () => {
    const many = Object.fromEntries(Array.from({ length: 10_000 }, (_, i) => [`x-h${i}`, [`v${i}`]]));
    const t0 = performance.now();
    expect(normalize(doc(many), INPUT).filter((o) => o.type === 'HTTPHeader')).toHaveLength(10_000);
    expect(performance.now() - t0).toBeLessThan(5000);
    expectMalformed(() => normalize(doc({ ...many, 'x-one-more': ['v'] }), INPUT), 'too-many-headers');
  });

  it('a header value of 1 MB is refused (curl never hands one back)', () => {
    expectMalformed(() => normalize(doc({ 'x-big': ['a'.repeat(1024 * 1024)] }), INPUT), 'schema');
  });

  it('Locations that are not http(s) or name no valid host are kept as text only', () => {
    for (const location of ['javascript:alert(1)', 'data:text/html,<script>x</script>', 'mailto:a@b.c', 'http://a..b/', 'http://[zz]/', '//']) {
      const objects = normalize(doc({ location: [location] }, { http_code: 302 }), INPUT);
      expect(objects.filter((o) => ['URL', 'HTTPHeaderURL', 'HTTPHeaderHostname', 'HostnameHTTPURL'].includes(o.type)), location).toEqual([]);
      expect(objects.find((o) => o.type === 'HTTPHeader')!.data.value).toBe(location);
    }
  });

  it("'|' in a Location or a header name (key separators) is written as %7C", () => {
    const objects = normalize(doc({ location: ['/a|b?q=1|2'], 'x|y': ['1'] }, { http_code: 301 }), INPUT);
    expect(pks(objects)).toEqual(
      expect.arrayContaining(['URL|internet|http://localhost:8080/a%7Cb?q=1%7C2', 'HostnameHTTPURL|http|internet|localhost|8080|/a%7Cb']),
    );
    expect(objects.some((o) => o.type === 'HTTPHeader' && o.data.key === 'x%7Cy')).toBe(true);
  });

  it('a __proto__ header does not pollute anything', () => {
    const objects = normalize('{"format":"kattegat/webpage-analysis/1","request":{"url":"http://localhost:8080/"},"hops":[{"url":"http://localhost:8080/","http_code":200,"remote_ip":"127.0.0.1","exitcode":0,"headers":{"__proto__":["x"],"a":["1"]}}]}', INPUT);
    expect(objects.some((o) => o.type === 'HTTPHeader' && o.data.key === 'a')).toBe(true);
    expect(({} as Record<string, unknown>).x).toBeUndefined();
  });

  it('a hop without a response adds nothing; a response without an address is not curl output', () => {
    expect(normalize(doc({}, { http_code: 0, exitcode: 7, remote_ip: null }), INPUT)).toEqual([]);
    expectMalformed(() => normalize(doc({}, { remote_ip: 'localhost' }), INPUT), 'schema');
    expectMalformed(() => normalize(doc({}, { url: 'ftp://localhost/' }), null), 'schema');
  });
});

describe('malformed input: a coded error, never partial output', () => {
  const { raw, input } = readFixture(ID, 'redirect-https.json');
  const text = Buffer.from(raw).toString();

  it('truncated JSON', () => {
    expectMalformed(() => normalize(text.slice(0, text.length / 2), input), 'json');
    expectMalformed(() => normalize(text.trimEnd().slice(0, -1), input), 'json');
  });

  it('JSON of another shape', () => {
    for (const bad of ['null', '[]', '{}', '{"format":"other/1","request":{"url":"x"},"hops":[]}', text.replace('"http_code":301', '"http_code":"301"'), text.replace('"hops":[', '"hops":[1,')]) {
      expectMalformed(() => normalize(bad, input), 'schema');
    }
  });

  it('50 MB of random garbage is refused at once', () => {
    const t0 = performance.now();
    expectMalformed(() => normalize(randomBytes(50 * 1024 * 1024), input), 'too-large');
    expect(performance.now() - t0).toBeLessThan(2000);
  });

  it('random garbage under the cap, and another encoding', () => {
    expectMalformed(() => normalize(randomBytes(1024 * 1024), input));
    expectMalformed(() => normalize(Buffer.from(text, 'utf16le'), input), 'json');
    expectMalformed(() => normalize(Buffer.from(text.replace('/final', '/f\xe9nal'), 'latin1'), input), 'encoding');
  });

  it('more hops than the boefje ever makes', () => {
    const d = JSON.parse(text) as { hops: unknown[] };
    d.hops = Array.from({ length: 51 }, () => d.hops[0]);
    expectMalformed(() => normalize(JSON.stringify(d), input), 'schema');
  });
});
