import { describe, expect, it } from 'vitest';
import type { OOI } from '../../../src-main/graph/model';
import { bit, findingIds } from '../../helpers/bits';
import { soa, txt, mx, cname, nx, dkim, apex, www } from './dns-fixtures';

describe('bit missing-dkim', () => {
  const run = (h: OOI, records: OOI[], p: Partial<Record<'nxdomains' | 'dkim', OOI[]>> = {}) => findingIds(bit('missing-dkim', h, { records, ...p }));

  it('reports a mail domain without DKIMExists, and not one with it', () => {
    expect(run(apex, [soa(apex), mx(apex)])).toEqual(['KAT-NO-DKIM']);
    expect(run(apex, [soa(apex), mx(apex)], { dkim: [dkim(apex)] })).toEqual([]);
  });

  it('judges only names that receive mail', () => {
    expect(run(apex, [soa(apex), txt(apex, 'v=spf1 -all')])).toEqual([]);
    expect(run(apex, [soa(apex), mx(apex, null)])).toEqual([]);
    expect(run(apex, [mx(apex)], { nxdomains: [nx(apex)] })).toEqual([]);
    expect(run(www, [cname(www), mx(www)])).toEqual([]);
  });
});
