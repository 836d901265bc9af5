/**
 * The web bits on what the normalizers really produce (captured fixtures), so the bits consume the
 * objects, header keys and service names that exist, and make the same objects the normalizer
 * makes for the same URL.
 */
import { describe, expect, it } from 'vitest';
import type { OOI } from '../../../src-main/graph/model';
import { normalizerFor } from '../../../src-main/normalizers/registry';
import { readFixture } from '../../helpers/fixtures';
import { fixture } from '../../helpers/normalizer';
import { bit, findingIds, o } from '../../helpers/bits';

function normalized(id: string, name: string, mime: string, input?: OOI): OOI[] {
  const raw = input ? fixture(id, name) : readFixture(id, name).raw;
  return normalizerFor(id)!({ raw: Buffer.from(raw), mimeTypes: [mime], input: input ?? readFixture(id, name).input }).objects;
}
const ofType = (objects: OOI[], t: string) => objects.filter((o) => o.type === t);

describe('web bits on normalizer output', () => {
  const web = normalized('kat_webpage_analysis_normalizer', 'redirect-https.json', 'boefje/webpage-analysis');

  it('oois-in-headers makes the same Location objects as the webpage-analysis normalizer', () => {
    const location = ofType(web, 'HTTPHeader').find((h) => h.data.key === 'location')!;
    const fromBit = bit('oois-in-headers', location).map((o) => o.pk).sort();
    const linked = web.filter((o) => ['URL', 'HTTPHeaderURL', 'HTTPHeaderHostname'].includes(o.type)).map((o) => o.pk);
    expect(linked.length).toBeGreaterThan(0);
    for (const pk of linked) expect(fromBit).toContain(pk);
  });

  it('url-classification of the normalizer URL gives its WebURL', () => {
    const url = ofType(web, 'URL')[0]!;
    const out = bit('url-classification', url);
    expect(out.find((o) => o.type === 'URL')!.data.web_url).toBe(url.data.web_url);
  });

  it('missing-headers reads the normalizer resources and headers', () => {
    const resources = ofType(web, 'HTTPResource');
    const headers = ofType(web, 'HTTPHeader');
    const final = resources.find((r) => String(r.data.web_url).endsWith('|/final'))!;
    const out = bit('missing-headers', final, { headers: headers.filter((h) => h.data.resource === final.pk) });
    expect(findingIds(out)).toEqual(['KAT-NO-CSP', 'KAT-NO-HSTS', 'KAT-NO-PERMISSIONS-POLICY', 'KAT-NO-REFERRER-POLICY', 'KAT-NO-X-CONTENT-TYPE-OPTIONS', 'KAT-NO-X-FRAME-OPTIONS']);
  });

  it('https-redirect reports the captured plain-http page that does not redirect', () => {
    const root = normalized('kat_webpage_analysis_normalizer', 'root-http.json', 'boefje/webpage-analysis');
    const url = readFixture('kat_webpage_analysis_normalizer', 'root-http.json').input;
    const out = bit('https-redirect', url, { resources: ofType(root, 'HTTPResource'), headers: ofType(root, 'HTTPHeader') });
    expect(findingIds(out)).toEqual(['KAT-NO-HTTPS-REDIRECT']);
  });

  it('website-discovery and resource-discovery accept the services nmap reports', () => {
    const nmap = normalized('kat_nmap_normalizer', 'ipv4-open-closed.xml', 'boefje/nmap', o('IPAddressV4', { network: 'Network|internet', address: '127.0.0.1' }));
    const ip = ofType(nmap, 'IPAddressV4')[0]!;
    const services = ofType(nmap, 'IPService');
    expect(services.map((s) => s.data.service)).toContain('Service|http-proxy');
    const host = o('Hostname', { network: 'Network|internet', name: 'localhost' });
    const sites = bit('website-discovery', ip, { services, resolved: [o('ResolvedHostname', { hostname: host.pk, address: ip.pk })] });
    expect(sites.map((s) => s.pk)).toEqual(['Website|internet|127.0.0.1|tcp|8080|http-proxy|internet|localhost']);
    const url = o('HostnameHTTPURL', { network: 'Network|internet', scheme: 'http', netloc: host.pk, port: 8080, path: '/' });
    const resources = bit('resource-discovery', host, { urls: [url], websites: sites });
    expect(resources.map((r) => r.data.web_url)).toEqual([url.pk]);
  });
});
