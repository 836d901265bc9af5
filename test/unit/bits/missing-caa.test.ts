import { describe, expect, it } from 'vitest';
import type { OOI } from '../../../src-main/graph/model';
import { bit, findingIds } from '../../helpers/bits';
import { soa, a, mx, cname, caa, nx, host, apex, www } from './dns-fixtures';

describe('bit missing-caa', () => {
  const run = (h: OOI, records: OOI[], nxdomains: OOI[] = []) => findingIds(bit('missing-caa', h, { records, nxdomains }));

  it('reports a scanned apex without CAA, and not one with it', () => {
    expect(run(apex, [soa(apex), a(apex)])).toEqual(['KAT-NO-CAA']);
    expect(run(apex, [soa(apex), caa(apex)])).toEqual([]);
  });

  it('leaves subdomains to their apex (CAA is inherited) and skips names without data, NXDOMAIN and aliases', () => {
    expect(run(www, [a(www)])).toEqual([]);
    expect(run(host('lists.example.org', 'example.org'), [mx(host('lists.example.org', 'example.org'))])).toEqual([]);
    expect(run(apex, [])).toEqual([]);
    expect(run(apex, [soa(apex)], [nx(apex)])).toEqual([]);
    expect(run(www, [cname(www)])).toEqual([]);
  });
});
