import { describe, expect, it } from 'vitest';
import { bit, findingIds } from '../../helpers/bits';
import { header, resource } from './web-fixtures';

const https = resource('https');
const http = resource('http');
const ALL_GOOD: [string, string][] = [
  ['strict-transport-security', 'max-age=31536000; includeSubDomains'],
  ['content-security-policy', "default-src 'self'"],
  ['x-frame-options', 'DENY'],
  ['permissions-policy', 'camera=()'],
  ['referrer-policy', 'no-referrer'],
  ['x-content-type-options', 'nosniff'],
  ['content-type', 'text/html; charset=utf-8'],
];
const headers = (res: typeof https, pairs: [string, string][]) => pairs.map(([k, v]) => header(res, k, v));
const without = (...names: string[]) => ALL_GOOD.filter(([k]) => !names.includes(k));

describe('bit missing-headers', () => {
  it('finds nothing when every header is present', () => {
    expect(bit('missing-headers', https, { headers: headers(https, ALL_GOOD) })).toEqual([]);
  });

  it('reports every missing header on an https HTML page, on the resource', () => {
    const out = bit('missing-headers', https, { headers: headers(https, [['content-type', 'text/html']]) });
    expect(findingIds(out)).toEqual([
      'KAT-NO-CSP',
      'KAT-NO-HSTS',
      'KAT-NO-PERMISSIONS-POLICY',
      'KAT-NO-REFERRER-POLICY',
      'KAT-NO-X-CONTENT-TYPE-OPTIONS',
      'KAT-NO-X-FRAME-OPTIONS',
    ]);
    expect(out.every((f) => f.data.ooi === https.pk)).toBe(true);
  });

  it('asks for HSTS over https only', () => {
    expect(findingIds(bit('missing-headers', http, { headers: headers(http, without('strict-transport-security')) }))).toEqual([]);
    expect(findingIds(bit('missing-headers', https, { headers: headers(https, without('strict-transport-security')) }))).toEqual(['KAT-NO-HSTS']);
  });

  it('asks for a CSP on HTML-like responses only', () => {
    const json = without('content-security-policy', 'content-type').concat([['content-type', 'application/json']]);
    expect(findingIds(bit('missing-headers', https, { headers: headers(https, json) }))).toEqual([]);
    const xhtml = without('content-security-policy', 'content-type').concat([['Content-Type', 'Application/XHTML+XML']]);
    expect(findingIds(bit('missing-headers', https, { headers: headers(https, xhtml) }))).toEqual(['KAT-NO-CSP']);
    expect(findingIds(bit('missing-headers', https, { headers: headers(https, without('content-security-policy', 'content-type')) }))).toEqual([]);
  });

  it('accepts CSP frame-ancestors instead of X-Frame-Options', () => {
    const pairs = without('x-frame-options', 'content-security-policy').concat([['content-security-policy', "default-src 'self'; frame-ancestors 'none'"]]);
    expect(findingIds(bit('missing-headers', https, { headers: headers(https, pairs) }))).toEqual([]);
    expect(findingIds(bit('missing-headers', https, { headers: headers(https, without('x-frame-options')) }))).toEqual(['KAT-NO-X-FRAME-OPTIONS']);
  });

  it('matches header names case-insensitively', () => {
    const upper = ALL_GOOD.map(([k, v]) => [k.toUpperCase(), v] as [string, string]);
    expect(bit('missing-headers', https, { headers: headers(https, upper) })).toEqual([]);
  });

  it('reports X-Content-Type-Options with a value other than nosniff', () => {
    const pairs = without('x-content-type-options').concat([['x-content-type-options', 'sniff-away']]);
    const out = bit('missing-headers', https, { headers: headers(https, pairs) });
    expect(findingIds(out)).toEqual(['KAT-NO-X-CONTENT-TYPE-OPTIONS']);
    expect(String(out[0]!.data.description)).toContain('sniff-away');
  });

  it('names deprecated and non-standard headers in one finding', () => {
    const pairs = ALL_GOOD.concat([['X-Powered-By', 'PHP/8.1'], ['x-xss-protection', '1; mode=block'], ['server', 'nginx/1.25.0']]);
    const out = bit('missing-headers', https, { headers: headers(https, pairs) });
    expect(findingIds(out)).toEqual(['KAT-NONSTANDARD-HEADERS']);
    const text = String(out[0]!.data.description);
    expect(text).toContain('x-powered-by');
    expect(text).toContain('x-xss-protection');
    expect(text).not.toMatch(/\bserver \(/);
  });

  it('says nothing about a resource that has no headers (never fetched)', () => {
    expect(bit('missing-headers', https)).toEqual([]);
  });
});
