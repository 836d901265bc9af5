import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { normalizeObject } from '../../../src-main/graph/model';
import { tableCounts, testKat, type TestKat } from '../../helpers/kat';

const NET = 'Network|internet';
const HOST = 'Hostname|internet|example.org';
const IP = 'IPAddressV4|internet|192.0.2.10';
const PORT = 'IPPort|internet|192.0.2.10|tcp|443';

let kat: TestKat;
beforeEach(async () => {
  kat = await testKat();
});
afterEach(async () => {
  await kat.close();
});

async function pks(): Promise<string[]> {
  const r = await kat.db.query<{ pk: string }>(`SELECT pk FROM objects WHERE org = 'acme' ORDER BY pk`);
  return r.rows.map((x) => x.pk);
}

const dnsObservation = (results: { type: string; data: Record<string, unknown> }[]) =>
  kat.api('origins.save', { org: 'acme', kind: 'observation', method: 'kat_dns_normalizer', sourceMethod: 'dns-records', source: HOST, results });

describe('declarations', () => {
  it('declares an object and derives the objects its key references', async () => {
    const r = await kat.api('objects.declare', { org: 'acme', pk: PORT });
    expect(r.pk).toBe(PORT);
    expect(r.origin).toBe(`Origin|declaration|manual|${PORT}`);
    expect(r.created.sort()).toEqual([IP, PORT, NET].sort());
    expect(await pks()).toEqual([IP, PORT, NET].sort());
    const origins = await kat.api('origins.list', { org: 'acme', source: PORT });
    expect(origins).toHaveLength(1);
    expect(origins[0]!.results.sort()).toEqual([IP, PORT, NET].sort());
  });

  it('normalises what it is given (case, IDNA) and rejects invalid objects naming the field, writing nothing', async () => {
    const r = await kat.api('objects.declare', { org: 'acme', object: { type: 'Hostname', data: { network: NET, name: 'EXAMPLE.org.' } } });
    expect(r.pk).toBe(HOST);
    const before = await tableCounts(kat);
    await expect(kat.api('objects.declare', { org: 'acme', object: { type: 'IPPort', data: { address: IP, protocol: 'tcp', port: 70000 } } })).rejects.toMatchObject({
      code: 'INVALID_OBJECT',
      details: { field: 'port' },
    });
    expect(await tableCounts(kat)).toEqual(before);
  });

  it('refuses an organisation that does not exist', async () => {
    await expect(kat.api('objects.declare', { org: 'nope', pk: HOST })).rejects.toMatchObject({ code: 'ORG_NOT_FOUND' });
  });
});

describe('observations', () => {
  it('one origin per (kind, method, source); saving again REPLACES the result set and removes what lost support', async () => {
    await kat.api('objects.declare', { org: 'acme', pk: HOST });
    const a = { type: 'DNSARecord', data: { hostname: HOST, address: IP, value: '192.0.2.10' } };
    const ip2 = 'IPAddressV4|internet|192.0.2.11';
    const b = { type: 'DNSARecord', data: { hostname: HOST, address: ip2, value: '192.0.2.11' } };
    const first = await dnsObservation([a, b]);
    expect(first.created).toEqual(expect.arrayContaining(['DNSARecord|internet|example.org|192.0.2.10', IP, ip2]));
    const second = await dnsObservation([a]);
    expect(second.deleted.sort()).toEqual(['DNSARecord|internet|example.org|192.0.2.11', ip2].sort());
    const origins = await kat.api('origins.list', { org: 'acme', source: HOST, kind: 'observation' });
    expect(origins).toHaveLength(1);
    expect(origins[0]!.id).toBe(`Origin|observation|kat_dns_normalizer|dns-records|${HOST}`);
    // the origin supports what its results stand on (but never its own source)
    expect(origins[0]!.results.sort()).toEqual(['DNSARecord|internet|example.org|192.0.2.10', IP, NET].sort());
  });

  it('a shared object stays while anything standing on it remains (deleting one hostname keeps the network)', async () => {
    await kat.api('objects.declare', { org: 'acme', pk: HOST });
    await kat.api('objects.declare', { org: 'acme', pk: 'Hostname|internet|ns1.example.net' });
    const r = await kat.api('objects.delete', { org: 'acme', pk: HOST });
    expect(r.deleted).toEqual([HOST]);
    expect(await pks()).toEqual(['Hostname|internet|ns1.example.net', NET]);
  });

  it('an empty observation removes everything it alone supported', async () => {
    await kat.api('objects.declare', { org: 'acme', pk: HOST });
    await dnsObservation([{ type: 'DNSARecord', data: { hostname: HOST, address: IP, value: '192.0.2.10' } }]);
    const r = await dnsObservation([]);
    expect(r.deleted.sort()).toEqual(['DNSARecord|internet|example.org|192.0.2.10', IP].sort());
    expect(await pks()).toEqual([HOST, NET].sort());
  });

  it('an object another origin still supports survives the replacement', async () => {
    await kat.api('objects.declare', { org: 'acme', pk: HOST });
    await kat.api('objects.declare', { org: 'acme', pk: IP });
    await dnsObservation([{ type: 'DNSARecord', data: { hostname: HOST, address: IP, value: '192.0.2.10' } }]);
    const r = await dnsObservation([]);
    expect(r.deleted).toEqual(['DNSARecord|internet|example.org|192.0.2.10']);
    expect(await pks()).toContain(IP);
  });

  it('rejects an observation whose source does not exist', async () => {
    const before = await tableCounts(kat);
    await expect(dnsObservation([{ type: 'Hostname', data: { network: NET, name: 'a.example.org' } }])).rejects.toMatchObject({ code: 'ORIGIN_SOURCE_MISSING' });
    expect(await tableCounts(kat)).toEqual(before);
  });

  it('an affirmation adds attributes but never keeps an object alive', async () => {
    await kat.api('objects.declare', { org: 'acme', pk: HOST });
    await dnsObservation([{ type: 'Hostname', data: { network: NET, name: 'www.example.org' } }]);
    const www = 'Hostname|internet|www.example.org';
    await kat.api('origins.save', { org: 'acme', kind: 'affirmation', method: 'whois', source: www, results: [{ type: 'Hostname', data: { network: NET, name: 'www.example.org', registered_domain: HOST } }] });
    const detail = await kat.api('objects.get', { org: 'acme', pk: www });
    expect(detail.object.data.registered_domain).toBe(HOST);
    const r = await dnsObservation([]);
    expect(r.deleted).toContain(www);
  });
});

describe('deletion propagation', () => {
  it('deleting an object deletes objects referencing it, origins sourced on it and what only those supported', async () => {
    await kat.api('objects.declare', { org: 'acme', pk: HOST });
    await dnsObservation([{ type: 'DNSARecord', data: { hostname: HOST, address: IP, value: '192.0.2.10' } }]);
    await kat.api('origins.save', {
      org: 'acme', kind: 'observation', method: 'kat_nmap_normalizer', sourceMethod: 'nmap', source: IP,
      results: [{ type: 'IPPort', data: { address: IP, protocol: 'tcp', port: 443 } }],
    });
    const preview = await kat.api('objects.delete', { org: 'acme', pk: HOST, dryRun: true });
    expect(preview.dryRun).toBe(true);
    // the Network was supported only by the hostname's declaration, so it goes too
    const expected = [HOST, NET, 'DNSARecord|internet|example.org|192.0.2.10', IP, PORT].sort();
    expect(preview.deleted.sort()).toEqual(expected);
    expect(await pks()).toContain(HOST); // the preview changed nothing
    const real = await kat.api('objects.delete', { org: 'acme', pk: HOST });
    expect(real.deleted.sort()).toEqual(expected);
    expect(await pks()).toEqual([]);
    expect(await kat.api('origins.list', { org: 'acme' })).toEqual([]);
    const history = await kat.api('objects.history', { org: 'acme', pk: HOST });
    expect(history.at(-1)).toMatchObject({ change: 'deleted', data: null });
  });

  it('a failure in the middle of a transaction leaves the database exactly as before', async () => {
    await kat.api('objects.declare', { org: 'acme', pk: HOST });
    await dnsObservation([{ type: 'DNSARecord', data: { hostname: HOST, address: IP, value: '192.0.2.10' } }]);
    const before = await tableCounts(kat);
    const snapshot = await kat.db.query(`SELECT pk, data FROM objects ORDER BY pk`);
    // Break the write path after some statements have run: the DELETE on refs fails.
    await kat.db.exec(`CREATE FUNCTION kat_fail() RETURNS trigger AS $$ BEGIN RAISE EXCEPTION 'injected failure'; END $$ LANGUAGE plpgsql;
                       CREATE TRIGGER kat_fail BEFORE INSERT ON origin_results FOR EACH ROW EXECUTE FUNCTION kat_fail();`);
    await expect(
      dnsObservation([{ type: 'DNSARecord', data: { hostname: HOST, address: 'IPAddressV4|internet|192.0.2.99', value: '192.0.2.99' } }]),
    ).rejects.toMatchObject({ message: expect.stringContaining('injected failure') });
    await kat.db.exec(`DROP TRIGGER kat_fail ON origin_results; DROP FUNCTION kat_fail();`);
    expect(await tableCounts(kat)).toEqual(before);
    expect((await kat.db.query(`SELECT pk, data FROM objects ORDER BY pk`)).rows).toEqual(snapshot.rows);
  });
});

describe('event outbox', () => {
  it('dispatches each committed mutation after commit, and nothing for a failed one', async () => {
    const seen: unknown[] = [];
    kat.subscribe((e) => void seen.push(e));
    await kat.api('objects.declare', { org: 'acme', pk: HOST });
    expect(seen).toEqual([expect.objectContaining({ topic: 'objects.changed', org: 'acme', created: expect.arrayContaining([HOST, NET]) })]);
    await expect(kat.api('objects.declare', { org: 'acme', object: { type: 'Hostname', data: { network: NET, name: '!!' } } })).rejects.toThrow();
    expect(seen).toHaveLength(1);
  });

  it('replays undispatched events on start', async () => {
    await kat.api('objects.declare', { org: 'acme', pk: HOST });
    await kat.db.query(`UPDATE outbox SET dispatched_at = NULL`);
    const { createKat } = await import('../../../src-main/core/kat');
    const seen: string[] = [];
    const again = await createKat({ data: 'memory://', database: kat.db, clock: kat.clock, listeners: [(e) => void seen.push(e.topic)] });
    expect(seen).toEqual(['orgs.changed', 'objects.changed']);
    const pending = await again.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM outbox WHERE dispatched_at IS NULL`);
    expect(pending.rows[0]!.n).toBe(0);
  });
});

describe('model objects through the API', () => {
  it('stores references as canonical primary keys and indexes them both ways', async () => {
    const site = normalizeObject('IPPort', { address: 'IPAddressV4|internet|192.0.2.10', protocol: 'tcp', port: 443 });
    await kat.api('objects.declare', { org: 'acme', object: { type: site.type, data: site.data } });
    const d = await kat.api('objects.get', { org: 'acme', pk: IP });
    expect(d.refsIn).toEqual([expect.objectContaining({ attr: 'address', source: PORT, reverseName: 'ports' })]);
  });
});
