import { describe, expect, it } from 'vitest';
import { isAppError } from '../../../src-main/common/errors';
import { bit, findingIds } from '../../helpers/bits';
import { header, resource } from './web-fixtures';

const https = resource('https');
const hsts = (value: string, key = 'strict-transport-security') => header(https, key, value);
const run = (value: string, config?: Record<string, unknown>) => bit('check-hsts-header', hsts(value), {}, config ? { config } : {});
const description = (value: string, config?: Record<string, unknown>) => String(run(value, config)[0]?.data.description ?? '');

describe('bit check-hsts-header', () => {
  it('accepts a policy of at least a year with includeSubDomains', () => {
    expect(run('max-age=31536000; includeSubDomains')).toEqual([]);
    expect(run('max-age="63072000"; includesubdomains; preload')).toEqual([]);
  });

  it('reports a short max-age on the header', () => {
    const out = run('max-age=86400; includeSubDomains');
    expect(findingIds(out)).toEqual(['KAT-HSTS-VULNERABILITIES']);
    expect(out[0]!.data.ooi).toBe(hsts('x').pk);
    expect(String(out[0]!.data.description)).toContain('86400 seconds (1 days)');
  });

  it('honours the configured minimum', () => {
    expect(run('max-age=86400; includeSubDomains', { max_age: 3600 })).toEqual([]);
    expect(findingIds(run('max-age=31536000; includeSubDomains', { max_age: 63072000 }))).toEqual(['KAT-HSTS-VULNERABILITIES']);
  });

  it('reports a missing includeSubDomains', () => {
    expect(description('max-age=31536000')).toContain('includeSubDomains is missing');
  });

  it('reports headers that do not parse, without throwing', () => {
    expect(description('includeSubDomains')).toContain('no max-age');
    expect(description('max-age=forever; includeSubDomains')).toContain("max-age 'forever' is not a number");
    expect(description('max-age=1; max-age=31536000; includeSubDomains')).toContain('more than once');
    expect(description('')).toContain('no max-age');
  });

  it('reports a header sent twice and judges the first', () => {
    const text = description('max-age=31536000; includeSubDomains, max-age=0');
    expect(text).toContain('sent more than once');
    expect(text).not.toContain('less than');
  });

  it('matches the header name case-insensitively and ignores other headers', () => {
    expect(findingIds(bit('check-hsts-header', hsts('max-age=1', 'Strict-Transport-Security')))).toEqual(['KAT-HSTS-VULNERABILITIES']);
    expect(bit('check-hsts-header', hsts('max-age=1', 'x-frame-options'))).toEqual([]);
  });

  it('ignores the header on a plain http resource (browsers do)', () => {
    expect(bit('check-hsts-header', header(resource('http'), 'strict-transport-security', 'max-age=1'))).toEqual([]);
  });

  it('refuses a max_age that is not a whole number of seconds', () => {
    let err: unknown;
    try {
      run('max-age=1', { max_age: 'a year' });
    } catch (e) {
      err = e;
    }
    expect(isAppError(err) && err.details?.cause).toBe('PLUGIN_SETTINGS_INVALID');
  });
});
