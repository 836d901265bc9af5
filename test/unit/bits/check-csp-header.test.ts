import { describe, expect, it } from 'vitest';
import { bit, findingIds } from '../../helpers/bits';
import { header, resource } from './web-fixtures';

const res = resource('https');
const csp = (value: string, key = 'content-security-policy') => header(res, key, value);
const problems = (value: string) => {
  const out = bit('check-csp-header', csp(value));
  return out.length === 0 ? [] : String(out[0]!.data.description).split('\n- ').slice(1);
};
const STRONG = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; frame-ancestors 'none'; base-uri 'self'; form-action 'self'";

describe('bit check-csp-header', () => {
  it('accepts a strict policy', () => {
    expect(problems(STRONG)).toEqual([]);
    expect(problems("default-src 'self'; object-src 'none'; frame-ancestors 'self'; base-uri 'none'")).toEqual([]);
  });

  it('puts one finding with every weakness on the header', () => {
    const h = csp("script-src 'unsafe-inline' 'unsafe-eval' *");
    const out = bit('check-csp-header', h);
    expect(findingIds(out)).toEqual(['KAT-CSP-VULNERABILITIES']);
    expect(out[0]!.data.ooi).toBe(h.pk);
    expect(out[0]!.data.proof).toBe("script-src 'unsafe-inline' 'unsafe-eval' *");
    const text = problems("script-src 'unsafe-inline' 'unsafe-eval' *");
    expect(text).toHaveLength(7);
    for (const bitOfText of ['no default-src', 'no frame-ancestors', 'no base-uri', 'plugins are not blocked', "'unsafe-inline'", "'unsafe-eval'", "any host ('*')"]) {
      expect(text.some((t) => t.includes(bitOfText))).toBe(true);
    }
  });

  it("does not count 'unsafe-inline' next to a nonce, a hash or 'strict-dynamic'", () => {
    expect(problems(`${STRONG.replace("script-src 'self'", "script-src 'nonce-r4nd0m' 'unsafe-inline'")}`)).toEqual([]);
    expect(problems(`${STRONG.replace("script-src 'self'", "script-src 'sha256-abc=' 'unsafe-inline' 'strict-dynamic'")}`)).toEqual([]);
  });

  it('falls back to default-src for scripts', () => {
    const p = problems("default-src 'self' 'unsafe-inline'; object-src 'none'; frame-ancestors 'none'; base-uri 'none'");
    expect(p).toEqual(["default-src allows 'unsafe-inline', so injected inline scripts run"]);
  });

  it('reports bare schemes, data: and http sources in sensitive directives', () => {
    const p = problems(`${STRONG}; script-src-elem https: data:; frame-src http://frames.example.org`);
    expect(p.some((t) => t.startsWith('script-src-elem allows any host through the bare scheme source https:'))).toBe(true);
    expect(p.some((t) => t.startsWith('script-src-elem allows data: URLs'))).toBe(true);
    expect(p.some((t) => t.startsWith('frame-src allows plain http'))).toBe(true);
  });

  it('tolerates wildcards and data: in images but not plain http', () => {
    expect(problems(STRONG.replace("img-src 'self' data:", 'img-src * data: https:'))).toEqual([]);
    expect(problems(STRONG.replace("img-src 'self' data:", 'img-src http:'))).toEqual(['img-src allows plain http (or ws) sources, which can be altered in transit']);
  });

  it('reports unknown and repeated directives, case-insensitively named', () => {
    const p = problems(`${STRONG}; scirpt-src 'self'; SCRIPT-SRC *`);
    expect(p).toEqual(["'scirpt-src' is not a CSP directive (a typo?); browsers ignore it", 'script-src is given more than once; browsers use only the first']);
  });

  it('counts a weakness only when every policy in the header has it', () => {
    expect(problems(`${STRONG}, script-src *`)).toEqual([]);
    expect(problems("script-src 'self', script-src 'self'")).toHaveLength(4);
  });

  it('reports an empty policy and never throws on garbage', () => {
    expect(problems(' ; ;')).toEqual(['the policy is empty, so it restricts nothing']);
    expect(() => bit('check-csp-header', csp("'''' ;;; =\u0000 default-src"))).not.toThrow();
  });

  it('ignores other headers and the report-only variant', () => {
    expect(bit('check-csp-header', csp('script-src *', 'content-security-policy-report-only'))).toEqual([]);
    expect(bit('check-csp-header', csp('script-src *', 'x-frame-options'))).toEqual([]);
    expect(findingIds(bit('check-csp-header', csp('script-src *', 'Content-Security-Policy')))).toEqual(['KAT-CSP-VULNERABILITIES']);
  });
});
