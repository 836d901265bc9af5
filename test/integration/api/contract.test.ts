import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { METHOD_NAMES } from '../../../src-main/api/contract';
import { tableCounts, testKat, type TestKat } from '../../helpers/kat';

let kat: TestKat;
beforeAll(async () => {
  kat = await testKat();
  await kat.api('objects.declare', { org: 'acme', pk: 'Hostname|internet|example.org' });
});
afterAll(async () => {
  await kat.close();
});

/** A payload each method must refuse: wrong types for its fields, or a field it does not know. */
const BAD: Record<string, unknown> = {
  'orgs.create': { code: 'Not A Code!', name: 'x' },
  'orgs.rename': { code: 'acme', name: '' },
  'orgs.delete': { code: 'acme' },
  'objects.list': { org: 'acme', limit: 5000 },
  'objects.get': { org: 'acme', pk: 42 },
  'objects.declare': { org: 'acme' },
  'objects.delete': { org: 'acme', pk: 'Hostname|internet|example.org', dryRun: 'yes' },
  'objects.history': { org: 'acme' },
  'objects.diff': { org: 'acme', from: { validTime: 'yesterday' }, to: {} },
  'objects.importCsv': { org: 'acme', csv: 7 },
  'origins.list': { org: 'acme', kind: 'rumour' },
  'origins.save': { org: 'acme', kind: 'observation', method: 'x', source: 'Hostname|internet|example.org', results: [{ type: 'Hostname' }] },
  'query.path': { org: 'acme', path: 'Hostname.x', sources: [] },
  'query.tree': { org: 'acme', pk: 'Hostname|internet|example.org', depth: 99 },
  'query.validatePath': { path: 12 },
  'system.multicall': { calls: 'all of them' },
};

describe('the API contract', () => {
  it('lists every method with its schema', async () => {
    const list = await kat.api('system.listApi', {});
    expect(list.map((m) => m.method).sort()).toEqual([...METHOD_NAMES].sort());
    for (const m of list) expect(m.params).toMatchObject({ type: 'object' });
  });

  it.each(METHOD_NAMES.map((m) => [m]))('%s rejects a bad payload with a coded error naming the field and writes nothing', async (method) => {
    const before = await tableCounts(kat);
    const payload = BAD[method] ?? { unexpected: true };
    const err = await kat.call(method, payload).then(
      () => null,
      (e: unknown) => e,
    );
    expect(err).toMatchObject({ code: 'BAD_REQUEST', message: expect.stringContaining(method) });
    expect((err as { details: { issues: unknown[] } }).details.issues.length).toBeGreaterThan(0);
    expect(await tableCounts(kat)).toEqual(before);
  });

  it('answers an unknown method with UNKNOWN_METHOD', async () => {
    await expect(kat.call('objects.drop', {})).rejects.toMatchObject({ code: 'UNKNOWN_METHOD' });
  });

  it('runs a batch in one round trip, each call answered on its own', async () => {
    const out = await kat.api('system.multicall', {
      calls: [
        { method: 'orgs.list', params: {} },
        { method: 'objects.get', params: { org: 'acme', pk: 'Hostname|internet|nope.org' } },
        { method: 'query.validatePath', params: { path: 'Hostname.<hostname[is DNSARecord].address' } },
      ],
    });
    expect(out[0]).toMatchObject({ ok: true });
    expect(out[1]).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(out[2]).toMatchObject({ ok: true, result: { ok: true } });
  });
});
