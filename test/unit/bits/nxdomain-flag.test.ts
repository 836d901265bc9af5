import { describe, expect, it } from 'vitest';
import { bit, findingIds } from '../../helpers/bits';
import { apex, nx } from './dns-fixtures';

describe('bit nxdomain-flag', () => {
  it('flags a hostname with an NXDOMAIN object', () => {
    const out = bit('nxdomain-flag', apex, { nxdomains: [nx(apex)] });
    expect(findingIds(out)).toEqual(['KAT-NXDOMAIN']);
    expect(out[0]!.pk).toBe('Finding|Hostname|internet|example.org|KAT-NXDOMAIN');
  });

  it('says nothing about a hostname that exists', () => {
    expect(bit('nxdomain-flag', apex)).toEqual([]);
  });
});
