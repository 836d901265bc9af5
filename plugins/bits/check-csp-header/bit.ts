/**
 * check-csp-header: a Content-Security-Policy HTTPHeader -> KAT-CSP-VULNERABILITIES on the header
 * when the policy has weaknesses, one line each in the description (see policyProblems). Other
 * headers (including the -Report-Only variant, which enforces nothing) -> nothing.
 *
 * A header may carry several policies (comma-separated, or repeated headers joined with ", ");
 * browsers enforce all of them, so a weakness counts only when every policy has it.
 */
import type { BitFn } from '../../../src-main/bits/types';
import { katFinding } from '../../../src-main/bits/helpers';
import { classifySource, KNOWN_DIRECTIVES, parseCspPolicies, SOURCE_LIST_DIRECTIVES, type CspPolicy, type CspSource } from '../csp';
import { headerKey } from '../web-common';

/** Directives where a source that allows any host is a real weakness (scripts, plugins, framing, navigation). */
const SENSITIVE = ['default-src', 'script-src', 'script-src-elem', 'script-src-attr', 'object-src', 'base-uri', 'frame-src', 'child-src', 'worker-src', 'frame-ancestors', 'form-action'];
const SCRIPT_DIRECTIVES = ['script-src', 'script-src-elem', 'script-src-attr'];

/** The weaknesses of one policy, by a stable id (so policies can be intersected) with a readable text. */
export function policyProblems(p: CspPolicy): Map<string, string> {
  const out = new Map<string, string>();
  const d = p.directives;
  const sources = (name: string): CspSource[] => (d.get(name)?.values ?? []).map(classifySource);
  const hasKeyword = (s: CspSource[], k: string) => s.some((x) => x.kind === 'keyword' && x.value === k);

  if (!d.has('default-src')) out.set('no-default-src', 'there is no default-src, so every resource type without its own directive may load from anywhere');
  if (!d.has('frame-ancestors')) out.set('no-frame-ancestors', 'there is no frame-ancestors, so any site may frame the page (clickjacking)');
  if (!d.has('base-uri')) out.set('no-base-uri', "there is no base-uri, so injected markup can move the page's base URL and with it every relative script URL");
  const objects = d.has('object-src') ? sources('object-src') : sources('default-src');
  if (!(objects.length === 1 && hasKeyword(objects, "'none'"))) {
    out.set('object-src', `plugins are not blocked: ${d.has('object-src') ? 'object-src' : d.has('default-src') ? 'default-src (used for object-src)' : 'neither object-src nor default-src'} is not 'none'`);
  }

  // the directives that govern scripts: script-src or its fallback default-src, plus the -elem/-attr refinements
  const scriptNames = [d.has('script-src') ? 'script-src' : 'default-src', ...SCRIPT_DIRECTIVES.slice(1).filter((n) => d.has(n))].filter((n) => d.has(n));
  for (const name of scriptNames) {
    const s = sources(name);
    // with a nonce, hash or 'strict-dynamic' browsers ignore 'unsafe-inline'
    const overridden = s.some((x) => x.kind === 'nonce-or-hash' || (x.kind === 'keyword' && x.value === "'strict-dynamic'"));
    if (hasKeyword(s, "'unsafe-inline'") && !overridden) out.set(`unsafe-inline:${name}`, `${name} allows 'unsafe-inline', so injected inline scripts run`);
    if (hasKeyword(s, "'unsafe-eval'")) out.set(`unsafe-eval:${name}`, `${name} allows 'unsafe-eval', so strings can be run as code`);
  }

  for (const [name, dir] of d) {
    if (!KNOWN_DIRECTIVES.has(name)) out.set(`unknown:${name}`, `'${name.slice(0, 60)}' is not a CSP directive (a typo?); browsers ignore it`);
    if (!SOURCE_LIST_DIRECTIVES.has(name) && name !== 'report-uri') continue;
    const s = dir.values.map(classifySource);
    if (SENSITIVE.includes(name)) {
      if (s.some((x) => x.kind === 'wildcard' || (x.kind === 'host' && x.host === '*'))) out.set(`wildcard:${name}`, `${name} allows any host ('*')`);
      const broad = [...new Set(s.filter((x): x is Extract<CspSource, { kind: 'scheme' }> => x.kind === 'scheme' && ['http', 'https', 'ws', 'wss'].includes(x.scheme)).map((x) => `${x.scheme}:`))];
      if (broad.length) out.set(`scheme:${name}`, `${name} allows any host through the bare scheme source ${broad.join(', ')}`);
      if (name !== 'frame-ancestors' && name !== 'form-action' && s.some((x) => x.kind === 'scheme' && x.scheme === 'data')) {
        out.set(`data:${name}`, `${name} allows data: URLs, through which injected content can be loaded`);
      }
    }
    const insecure = s.some((x) => (x.kind === 'scheme' && (x.scheme === 'http' || x.scheme === 'ws')) || (x.kind === 'host' && (x.scheme === 'http' || x.scheme === 'ws')));
    if (insecure) {
      out.set(`http:${name}`, `${name} allows plain http (or ws) sources, which can be altered in transit`);
    }
  }
  for (const name of new Set(p.duplicates)) out.set(`duplicate:${name}`, `${name} is given more than once; browsers use only the first`);
  return out;
}

export const checkCspHeader: BitFn = ({ source }) => {
  if (headerKey(source) !== 'content-security-policy') return [];
  const value = String(source.data.value ?? '');
  const policies = parseCspPolicies(value);
  let problems: string[];
  if (policies.length === 0) problems = ['the policy is empty, so it restricts nothing'];
  else {
    const each = policies.map(policyProblems);
    problems = [...each[0]!].filter(([id]) => each.every((m) => m.has(id))).map(([, text]) => text);
  }
  if (problems.length === 0) return [];
  return [katFinding(source.pk, 'KAT-CSP-VULNERABILITIES', `Content-Security-Policy weaknesses:\n- ${problems.join('\n- ')}`, value.slice(0, 2000))];
};
