import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../../src-main/db/database';
import { getObject, reverseNameOf } from '../../../src-main/graph/query/neighbours';
import {
  A1,
  AAAA,
  CNAME,
  DECLARATION,
  DNS_OBSERVATION,
  FINDING,
  FT,
  HOST,
  IP1,
  MAIL,
  NET,
  NS,
  P443,
  P80,
  SITE,
  SPF_INFERENCE,
  WWW,
} from '../../fixtures/graph/small';
import { LOADED_AT, ORG, openSmallGraph } from './graph-db';

let db: Database;
beforeAll(async () => {
  db = await openSmallGraph();
});
afterAll(() => db?.close());

const NOW = { validTime: '2026-06-01T00:00:00.000Z', txTime: '2026-06-01T00:00:00.000Z' };

describe('getObject', () => {
  it('returns the object with references both ways and its origins', async () => {
    const d = await getObject(db, ORG, HOST);
    expect(d?.object).toEqual({
      pk: HOST,
      type: 'Hostname',
      data: { network: NET, name: 'example.org' },
      validFrom: LOADED_AT,
      txFrom: LOADED_AT,
    });
    expect(d?.refsOut).toEqual([{ attr: 'network', target: NET, targetType: 'Network', exists: true }]);
    expect(d?.refsIn).toEqual([
      { attr: 'target_hostname', reverseName: 'cname_target_of', source: CNAME, sourceType: 'DNSCNAMERecord' },
      { attr: 'hostname', reverseName: 'dns_a_records', source: A1, sourceType: 'DNSARecord' },
      { attr: 'hostname', reverseName: 'dns_aaaa_records', source: AAAA, sourceType: 'DNSAAAARecord' },
      { attr: 'hostname', reverseName: 'dns_ns_records', source: NS, sourceType: 'DNSNSRecord' },
      { attr: 'ooi', reverseName: 'findings', source: FINDING, sourceType: 'Finding' },
      { attr: 'hostname', reverseName: 'websites', source: SITE, sourceType: 'Website' },
    ]);
    expect(d?.origins.map((o) => o.id)).toEqual([DECLARATION, DNS_OBSERVATION].sort());
    expect(d?.origins.find((o) => o.id === DNS_OBSERVATION)).toEqual({
      id: DNS_OBSERVATION,
      kind: 'observation',
      method: 'dns-records',
      source: HOST,
      sourceMethod: null,
      taskId: null,
      validFrom: LOADED_AT,
      txFrom: LOADED_AT,
      results: [A1, AAAA, NS, HOST, IP1, 'IPAddressV6|internet|2001:db8::1'].sort(),
      parameters: [],
    });
    expect(d?.asOf).toBeUndefined();
  });

  it('orders outgoing references by field and reports their target types', async () => {
    const d = await getObject(db, ORG, FINDING);
    expect(d?.refsOut).toEqual([
      { attr: 'ooi', target: HOST, targetType: 'Hostname', exists: true },
      { attr: 'finding_type', target: FT, targetType: 'KATFindingType', exists: true },
    ]);
    expect(d?.origins).toMatchObject([{ id: SPF_INFERENCE, kind: 'inference', results: [FINDING], parameters: [HOST] }]);
    const site = await getObject(db, ORG, SITE);
    expect(site?.refsOut.map((r) => r.attr)).toEqual(['ip_service', 'hostname']);
  });

  it('marks a reference to a missing object', async () => {
    await db.query(`INSERT INTO refs (org, source, attr, target) VALUES ($1, $2, 'registered_domain', 'Hostname|internet|gone.org')`, [ORG, WWW]);
    try {
      const d = await getObject(db, ORG, WWW);
      expect(d?.refsOut).toEqual([
        { attr: 'network', target: NET, targetType: 'Network', exists: true },
        { attr: 'registered_domain', target: 'Hostname|internet|gone.org', targetType: 'Hostname', exists: false },
      ]);
    } finally {
      await db.query(`DELETE FROM refs WHERE org = $1 AND source = $2 AND attr = 'registered_domain'`, [ORG, WWW]);
    }
  });

  it('returns null for an unknown object or another organisation', async () => {
    expect(await getObject(db, ORG, 'Hostname|internet|nope.org')).toBeNull();
    expect(await getObject(db, 'nobody', HOST)).toBeNull();
    expect((await getObject(db, 'other', HOST))?.refsIn).toEqual([]);
  });

  it('falls back to <attr for a reference without a reverse name', () => {
    expect(reverseNameOf('IPPort', 'address')).toBe('ports');
    expect(reverseNameOf('Nope', 'x')).toBe('<x');
  });

  it('reads as of a point in time from the versioned data', async () => {
    const now = await getObject(db, ORG, HOST);
    const then = await getObject(db, ORG, HOST, NOW);
    expect(then).toEqual({ ...now, asOf: NOW });
    expect(await getObject(db, ORG, HOST, { ...NOW, validTime: '2025-01-01T00:00:00.000Z' })).toBeNull();
    expect(await getObject(db, ORG, IP1, { ...NOW, txTime: '2025-01-01T00:00:00.000Z' })).toBeNull();
    const port = await getObject(db, ORG, P80, NOW);
    expect(port?.refsIn).toEqual([
      { attr: 'ip_port', reverseName: 'services', source: 'IPService|internet|192.0.2.1|tcp|80|http', sourceType: 'IPService' },
    ]);
  });

  it('sees a deletion only after it happened', async () => {
    // delete the Website on 2026-03-01 (valid and transaction time), the way the history keeps it
    const at = '2026-03-01T00:00:00.000Z';
    await db.query(`UPDATE object_versions SET valid_to = $3 WHERE org = $1 AND pk = $2`, [ORG, SITE, at]);
    await db.query(
      `INSERT INTO object_versions (org, pk, type, data, change, valid_from, tx_from) VALUES ($1, $2, 'Website', NULL, 'deleted', $3, $3)`,
      [ORG, SITE, at],
    );
    const before = { validTime: '2026-02-01T00:00:00.000Z', txTime: NOW.txTime };
    expect((await getObject(db, ORG, SITE, before))?.object.pk).toBe(SITE);
    expect(await getObject(db, ORG, SITE, NOW)).toBeNull();
    const host = await getObject(db, ORG, HOST, NOW);
    expect(host?.refsIn.map((r) => r.source)).not.toContain(SITE);
    expect((await getObject(db, ORG, HOST, before))?.refsIn.map((r) => r.source)).toContain(SITE);
    expect((await getObject(db, ORG, P443, NOW))?.refsOut).toEqual([
      { attr: 'address', target: IP1, targetType: 'IPAddressV4', exists: true },
    ]);
    expect((await getObject(db, ORG, MAIL, NOW))?.refsIn.map((r) => r.reverseName)).toEqual([
      'dns_a_records',
      'ns_record_targets',
    ]);
  });
});
