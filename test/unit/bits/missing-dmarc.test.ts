import { describe, expect, it } from 'vitest';
import type { OOI } from '../../../src-main/graph/model';
import { bit, findingIds } from '../../helpers/bits';
import { soa, a, mx, cname, nx, dmarc, host, apex, www } from './dns-fixtures';

describe('bit missing-dmarc', () => {
  const run = (h: OOI, records: OOI[], p: Partial<Record<'nxdomains' | 'dmarc' | 'domain_dmarc' | 'zone_dmarc', OOI[]>> = {}) =>
    findingIds(bit('missing-dmarc', h, { records, ...p }));

  it('reports a scanned apex without DMARC, and not one with it', () => {
    expect(run(apex, [soa(apex)])).toEqual(['KAT-NO-DMARC']);
    expect(run(apex, [soa(apex)], { dmarc: [dmarc(apex)] })).toEqual([]);
    expect(run(apex, [soa(apex)], { dmarc: [dmarc(apex, ' v=dmarc1;p=none')] })).toEqual([]);
  });

  it('ignores TXT records at _dmarc that are no DMARC policy', () => {
    expect(run(apex, [soa(apex)], { dmarc: [dmarc(apex, 'v=spf1 -all'), dmarc(apex, 'v=DMARC10; p=none')] })).toEqual(['KAT-NO-DMARC']);
  });

  it('lets a mail subdomain fall back to the policy of its registered domain or zone apex', () => {
    const mail = host('lists.example.org', 'example.org');
    expect(run(mail, [mx(mail)])).toEqual(['KAT-NO-DMARC']);
    expect(run(mail, [mx(mail)], { zone_dmarc: [dmarc(apex)] })).toEqual([]);
    expect(run(mail, [mx(mail)], { domain_dmarc: [dmarc(apex)] })).toEqual([]);
  });

  it('skips names without data, NXDOMAIN names, aliases and plain subdomains', () => {
    expect(run(apex, [])).toEqual([]);
    expect(run(apex, [soa(apex)], { nxdomains: [nx(apex)] })).toEqual([]);
    expect(run(www, [cname(www)])).toEqual([]);
    expect(run(www, [a(www)])).toEqual([]);
  });
});
