/**
 * check-hsts-header: a Strict-Transport-Security HTTPHeader of an https resource ->
 * KAT-HSTS-VULNERABILITIES on the header when the policy is weak, the description listing why:
 * max-age below the configured minimum (config max_age, default one year), no includeSubDomains,
 * a value that does not parse (no or a non-numeric max-age, a repeated directive), or the header
 * sent more than once (browsers use only the first; the normalizer joins repeats with ", ").
 * Other headers and headers on http resources (ignored by browsers) -> nothing.
 */
import { AppError } from '../../../src-main/common/errors';
import type { BitFn } from '../../../src-main/bits/types';
import { katFinding } from '../../../src-main/bits/helpers';
import { headerKey, keyOf } from '../web-common';

interface Hsts {
  maxAge?: number;
  includeSubDomains: boolean;
  errors: string[];
}

export function parseHsts(value: string): Hsts {
  const out: Hsts = { includeSubDomains: false, errors: [] };
  const seen = new Set<string>();
  for (const part of value.split(';')) {
    const p = part.trim();
    if (p === '') continue;
    const eq = p.indexOf('=');
    const name = (eq < 0 ? p : p.slice(0, eq)).trim().toLowerCase();
    const raw = eq < 0 ? undefined : p.slice(eq + 1).trim().replace(/^"(.*)"$/, '$1');
    if (seen.has(name)) out.errors.push(`the directive ${name} appears more than once, which makes the header invalid`);
    seen.add(name);
    if (name === 'max-age') {
      if (raw === undefined || !/^\d{1,15}$/.test(raw)) out.errors.push(`max-age '${(raw ?? '').slice(0, 40)}' is not a number of seconds`);
      else out.maxAge ??= Number(raw);
    } else if (name === 'includesubdomains') out.includeSubDomains = true;
  }
  if (!seen.has('max-age')) out.errors.push('there is no max-age directive, so browsers ignore the header');
  return out;
}

function minimumAge(v: unknown): number {
  if (typeof v !== 'number' || !Number.isInteger(v) || v < 0) {
    throw new AppError('PLUGIN_SETTINGS_INVALID', 'check-hsts-header: max_age must be a whole number of seconds, at least 0', { field: 'max_age' });
  }
  return v;
}

const days = (s: number) => `${Math.floor(s / 86400)} days`;

export const checkHstsHeader: BitFn = ({ source, config }) => {
  if (headerKey(source) !== 'strict-transport-security') return [];
  const min = minimumAge(config.max_age);
  if (keyOf(keyOf(source.data.resource)?.web_url)?.scheme === 'http') return [];
  const value = String(source.data.value ?? '');
  const policies = value.split(',');
  const hsts = parseHsts(policies[0]!);
  const problems = [...hsts.errors];
  if (hsts.maxAge !== undefined && hsts.maxAge < min) problems.push(`max-age is ${hsts.maxAge} seconds (${days(hsts.maxAge)}), less than the required ${min} (${days(min)})`);
  if (!hsts.includeSubDomains) problems.push('includeSubDomains is missing, so subdomains can still be reached over plain http');
  if (policies.length > 1) problems.push('the header is sent more than once; browsers use only the first');
  if (problems.length === 0) return [];
  return [katFinding(source.pk, 'KAT-HSTS-VULNERABILITIES', `Weak Strict-Transport-Security: ${problems.join('; ')}.`, value.slice(0, 1000))];
};
