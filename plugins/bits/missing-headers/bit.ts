/**
 * missing-headers: an HTTPResource with its HTTPHeaders -> findings on the resource for security
 * headers it lacks. No headers at all means the resource was never fetched: nothing is said.
 *
 * - KAT-NO-HSTS: an https resource without Strict-Transport-Security (over http the header is
 *   ignored by browsers, so it is not asked for).
 * - KAT-NO-CSP: an HTML-like response (text/html, application/xhtml+xml) without
 *   Content-Security-Policy. Other content types and a response without Content-Type are not
 *   documents a policy protects, so they are not flagged.
 * - KAT-NO-X-FRAME-OPTIONS: no X-Frame-Options and no CSP frame-ancestors (which supersedes it).
 * - KAT-NO-PERMISSIONS-POLICY, KAT-NO-REFERRER-POLICY: the header is absent.
 * - KAT-NO-X-CONTENT-TYPE-OPTIONS: absent, or present with a value other than nosniff.
 * - KAT-NONSTANDARD-HEADERS: headers that are deprecated or not standard and should be dropped
 *   (DEPRECATED_HEADERS); the description names them. Server is standard and not flagged here:
 *   version disclosure in it is the business of the software/CVE bits.
 */
import type { OOI } from '../../../src-main/graph/model';
import type { BitFn } from '../../../src-main/bits/types';
import { headerValue, katFinding } from '../../../src-main/bits/helpers';
import { parseCspPolicies } from '../csp';
import { headerKey, keyOf } from '../web-common';

const HTML_TYPES: ReadonlySet<string> = new Set(['text/html', 'application/xhtml+xml']);

/** Header name -> why it should go. */
export const DEPRECATED_HEADERS: Readonly<Record<string, string>> = {
  'x-powered-by': 'names the server-side framework, which helps attackers pick exploits',
  'x-aspnet-version': 'names the ASP.NET version',
  'x-aspnetmvc-version': 'names the ASP.NET MVC version',
  'x-xss-protection': 'the XSS auditor it controls was removed from browsers and could itself be abused; use a Content-Security-Policy',
  'expect-ct': 'Certificate Transparency is enforced by browsers anyway; the header is obsolete',
  'public-key-pins': 'HTTP public key pinning was withdrawn from browsers',
  'public-key-pins-report-only': 'HTTP public key pinning was withdrawn from browsers',
  'x-content-security-policy': 'an old prefixed form of Content-Security-Policy',
  'x-webkit-csp': 'an old prefixed form of Content-Security-Policy',
  'feature-policy': 'replaced by Permissions-Policy',
  p3p: 'the P3P privacy format is no longer supported by browsers',
};

function mediaType(headers: readonly OOI[]): string {
  return (headerValue(headers, 'content-type') ?? '').split(';')[0]!.trim().toLowerCase();
}

function hasFrameAncestors(headers: readonly OOI[]): boolean {
  const csp = headerValue(headers, 'content-security-policy');
  return csp !== undefined && parseCspPolicies(csp).some((p) => p.directives.has('frame-ancestors'));
}

export const missingHeaders: BitFn = ({ source, params }) => {
  const headers = params.headers;
  if (headers.length === 0) return [];
  const has = (name: string) => headerValue(headers, name) !== undefined;
  const out: OOI[] = [];
  const add = (id: string, description: string) => out.push(katFinding(source.pk, id, description));

  if (keyOf(source.data.web_url)?.scheme === 'https' && !has('strict-transport-security')) {
    add('KAT-NO-HSTS', 'The https resource sends no Strict-Transport-Security header, so browsers may still connect over plain http first.');
  }
  const type = mediaType(headers);
  if (HTML_TYPES.has(type) && !has('content-security-policy')) {
    add('KAT-NO-CSP', `The ${type} response sends no Content-Security-Policy to limit where scripts and other content may come from.`);
  }
  if (!has('x-frame-options') && !hasFrameAncestors(headers)) {
    add('KAT-NO-X-FRAME-OPTIONS', 'Neither X-Frame-Options nor a CSP frame-ancestors directive stops other sites from framing this resource.');
  }
  if (!has('permissions-policy')) add('KAT-NO-PERMISSIONS-POLICY', 'No Permissions-Policy header restricts which browser features the page and its frames may use.');
  if (!has('referrer-policy')) add('KAT-NO-REFERRER-POLICY', 'No Referrer-Policy header controls how much of this URL is passed on to other sites.');
  const xcto = headerValue(headers, 'x-content-type-options');
  if (xcto === undefined) add('KAT-NO-X-CONTENT-TYPE-OPTIONS', 'No X-Content-Type-Options: nosniff header stops browsers from guessing the content type.');
  else if (xcto.trim().toLowerCase() !== 'nosniff') {
    add('KAT-NO-X-CONTENT-TYPE-OPTIONS', `X-Content-Type-Options is '${xcto.slice(0, 100)}' instead of nosniff, so browsers may still guess the content type.`);
  }
  const old = [...new Set(headers.map(headerKey))].filter((k) => Object.prototype.hasOwnProperty.call(DEPRECATED_HEADERS, k)).sort();
  if (old.length > 0) {
    add('KAT-NONSTANDARD-HEADERS', `Deprecated or non-standard headers: ${old.map((k) => `${k} (${DEPRECATED_HEADERS[k]})`).join('; ')}.`);
  }
  return out;
};
