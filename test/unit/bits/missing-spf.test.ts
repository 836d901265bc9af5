import { describe, expect, it } from 'vitest';
import type { OOI } from '../../../src-main/graph/model';
import { bit, findingIds, o } from '../../helpers/bits';
import { soa, ns, a, txt, mx, cname, nx, host, apex, www, pkOf, N } from './dns-fixtures';

describe('bit missing-spf', () => {
  const spf = (h: OOI, records: OOI[], nxdomains: OOI[] = []) => findingIds(bit('missing-spf', h, { records, nxdomains }));

  it('reports a scanned apex without an SPF policy', () => {
    const out = bit('missing-spf', apex, { records: [soa(apex), ns(apex), txt(apex, 'google-site-verification=x')] });
    expect(findingIds(out)).toEqual(['KAT-NO-SPF']);
    expect(out[0]!.data.ooi).toBe(apex.pk);
  });

  it('is satisfied by a TXT record starting with v=spf1, valid or not, in any case', () => {
    expect(spf(apex, [soa(apex), txt(apex, 'v=spf1 -all')])).toEqual([]);
    expect(spf(apex, [soa(apex), txt(apex, 'V=SPF1 ip5:bad')])).toEqual([]);
    expect(spf(apex, [soa(apex), txt(apex, 'v=spf10')])).toEqual(['KAT-NO-SPF']);
  });

  it('says nothing about names without DNS data, NXDOMAIN names and aliases', () => {
    expect(spf(apex, [])).toEqual([]);
    expect(spf(apex, [soa(apex)], [nx(apex)])).toEqual([]);
    expect(spf(apex, [], [nx(apex)])).toEqual([]);
    expect(spf(www, [cname(www)])).toEqual([]);
  });

  it('leaves plain subdomains to their apex but judges subdomains that receive mail', () => {
    expect(spf(www, [a(www)])).toEqual([]);
    const mail = host('lists.example.org', 'example.org');
    expect(spf(mail, [mx(mail)])).toEqual(['KAT-NO-SPF']);
    expect(spf(mail, [mx(mail, null)])).toEqual([]);
  });

  it('uses the registered domain when it is known, then the zone, then an own SOA', () => {
    const sub = host('shop.example.org', 'shop.example.org', { registered_domain: apex.pk }); // a delegated zone
    expect(spf(sub, [soa(sub)])).toEqual([]);
    const own = host('example.net', 'example.net', { registered_domain: pkOf('example.net') });
    expect(spf(own, [ns(own)])).toEqual(['KAT-NO-SPF']);
    const delegated = host('shop.example.org', 'shop.example.org');
    expect(spf(delegated, [soa(delegated)])).toEqual(['KAT-NO-SPF']);
    const bare = o('Hostname', { network: N, name: 'example.com' });
    expect(spf(bare, [soa(bare)])).toEqual(['KAT-NO-SPF']);
    expect(spf(bare, [a(bare)])).toEqual([]); // apex or not is unknown
  });
});
