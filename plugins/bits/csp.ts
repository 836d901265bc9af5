/**
 * A small Content-Security-Policy reader shared by oois-in-headers and check-csp-header. Pure,
 * never throws: whatever does not parse is reported as such, not raised.
 *
 * A header value is a comma-separated list of policies (the webpage-analysis normalizer also joins
 * repeated headers with ", "); a policy is a ';'-separated list of directives, each a name and
 * whitespace-separated values. Directive names are case-insensitive; the first of a repeated
 * directive wins, as in browsers.
 */

export interface CspDirective {
  /** lower-case */
  name: string;
  values: string[];
}

export interface CspPolicy {
  /** the first occurrence of each directive, in order */
  directives: Map<string, CspDirective>;
  /** names that occurred more than once (ignored after the first by browsers) */
  duplicates: string[];
}

/** Directives whose values are source lists. */
export const SOURCE_LIST_DIRECTIVES: ReadonlySet<string> = new Set([
  'default-src',
  'script-src',
  'script-src-elem',
  'script-src-attr',
  'style-src',
  'style-src-elem',
  'style-src-attr',
  'img-src',
  'font-src',
  'connect-src',
  'media-src',
  'object-src',
  'frame-src',
  'child-src',
  'worker-src',
  'manifest-src',
  'prefetch-src',
  'fenced-frame-src',
  'base-uri',
  'form-action',
  'frame-ancestors',
  'navigate-to',
]);

/** Every directive a browser knows (source lists and the others). */
export const KNOWN_DIRECTIVES: ReadonlySet<string> = new Set([
  ...SOURCE_LIST_DIRECTIVES,
  'sandbox',
  'report-uri',
  'report-to',
  'upgrade-insecure-requests',
  'block-all-mixed-content',
  'require-trusted-types-for',
  'trusted-types',
  'require-sri-for',
  'plugin-types',
  'referrer',
  'webrtc',
]);

export function parseCspPolicies(value: string): CspPolicy[] {
  return value
    .split(',')
    .map((p) => parsePolicy(p))
    .filter((p): p is CspPolicy => p !== null);
}

function parsePolicy(text: string): CspPolicy | null {
  const directives = new Map<string, CspDirective>();
  const duplicates: string[] = [];
  for (const part of text.split(';')) {
    const tokens = part.trim().split(/\s+/).filter(Boolean);
    if (tokens.length === 0) continue;
    const name = tokens[0]!.toLowerCase();
    if (directives.has(name)) duplicates.push(name);
    else directives.set(name, { name, values: tokens.slice(1) });
  }
  return directives.size === 0 ? null : { directives, duplicates };
}

export type CspSource =
  | { kind: 'keyword'; value: string } // 'self', 'unsafe-inline', ... (lower-case, with quotes)
  | { kind: 'nonce-or-hash'; value: string }
  | { kind: 'scheme'; scheme: string } // 'https:' -> 'https'
  | { kind: 'wildcard' } // '*'
  | { kind: 'host'; scheme?: string; host: string; wildcardHost: boolean; port?: string; path?: string }
  | { kind: 'other'; value: string };

const HOST_SOURCE = /^(?:([a-z][a-z0-9+.-]*):\/\/)?(\*|(?:\*\.)?[a-z0-9_-]+(?:\.[a-z0-9_-]+)*\.?|\[[0-9a-f:.]+\])(?::(\d{1,5}|\*))?(\/[^\s;,]*)?$/i;

export function classifySource(token: string): CspSource {
  const t = token.trim();
  if (t === '*') return { kind: 'wildcard' };
  if (t.startsWith("'") && t.endsWith("'") && t.length >= 2) {
    const inner = t.slice(1, -1).toLowerCase();
    if (/^(nonce|sha256|sha384|sha512)-/.test(inner)) return { kind: 'nonce-or-hash', value: t };
    return { kind: 'keyword', value: `'${inner}'` };
  }
  const scheme = /^([a-z][a-z0-9+.-]*):$/i.exec(t);
  if (scheme) return { kind: 'scheme', scheme: scheme[1]!.toLowerCase() };
  const m = HOST_SOURCE.exec(t);
  if (m) {
    const host = m[2]!.toLowerCase();
    return {
      kind: 'host',
      ...(m[1] ? { scheme: m[1].toLowerCase() } : {}),
      host: host === '*' ? '*' : host.replace(/^\*\./, ''),
      wildcardHost: host.startsWith('*'),
      ...(m[3] ? { port: m[3] } : {}),
      ...(m[4] ? { path: m[4] } : {}),
    };
  }
  return { kind: 'other', value: t };
}
