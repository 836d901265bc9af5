import { describe, expect, it } from 'vitest';
import { bit, findingIds } from '../../helpers/bits';
import { header, resource, webUrl } from './web-fixtures';

const url = webUrl('http');
const res = (ip = '192.0.2.1', extra: Record<string, unknown> = {}) => resource('http', '/', extra, ip);
const run = (resources: ReturnType<typeof res>[], headers: ReturnType<typeof header>[]) => bit('https-redirect', url, { resources, headers });

describe('bit https-redirect', () => {
  it('is quiet when the resource redirects to https (redirects_to or Location)', () => {
    const r1 = res('192.0.2.1', { redirects_to: webUrl('https').pk });
    expect(run([r1], [header(r1, 'location', 'https://example.org/')])).toEqual([]);
    const r2 = res('192.0.2.2');
    expect(run([r2], [header(r2, 'Location', 'HTTPS://example.org/')])).toEqual([]);
  });

  it('reports a resource that answers without a redirect, on the URL', () => {
    const r = res();
    const out = run([r], [header(r, 'content-type', 'text/html')]);
    expect(findingIds(out)).toEqual(['KAT-NO-HTTPS-REDIRECT']);
    expect(out[0]!.data.ooi).toBe(url.pk);
    expect(String(out[0]!.data.description)).toContain('served by 192.0.2.1: no redirect');
  });

  it('reports a redirect that stays on http, also when relative', () => {
    const r = res();
    expect(findingIds(run([r], [header(r, 'location', '/login')]))).toEqual(['KAT-NO-HTTPS-REDIRECT']);
    const r2 = res('192.0.2.1', { redirects_to: webUrl('http', '/elsewhere').pk });
    expect(findingIds(run([r2], [header(r2, 'location', '/elsewhere')]))).toEqual(['KAT-NO-HTTPS-REDIRECT']);
  });

  it('reports when one of several addresses does not redirect', () => {
    const good = res('192.0.2.1');
    const bad = res('2001:db8::1');
    const out = run([good, bad], [header(good, 'location', 'https://example.org/'), header(bad, 'server', 'nginx')]);
    expect(findingIds(out)).toEqual(['KAT-NO-HTTPS-REDIRECT']);
    expect(String(out[0]!.data.description)).toContain('2001:db8::1');
    expect(String(out[0]!.data.description)).not.toContain('192.0.2.1');
  });

  it('skips resources that were never fetched, and https URLs', () => {
    expect(run([res()], [])).toEqual([]);
    expect(bit('https-redirect', webUrl('https'), { resources: [resource('https')], headers: [header(resource('https'), 'server', 'x')] })).toEqual([]);
  });

  it('treats an unparseable Location as no redirect', () => {
    const r = res();
    expect(findingIds(run([r], [header(r, 'location', 'http://[bad')]))).toEqual(['KAT-NO-HTTPS-REDIRECT']);
  });
});
