import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import type { ProofNode } from '../../../src-main/api/contracts/findings';
import { normalizeObject, objectFromPk } from '../../../src-main/graph/model';
import { insertTasks } from '../../../src-main/tasks/repository';
import { tableCounts, testKat, type TestKat } from '../../helpers/kat';

const HOST = 'Hostname|internet|example.org';
const A_RECORD = 'DNSARecord|internet|example.org|192.0.2.10';
const IP = 'IPAddressV4|internet|192.0.2.10';
const RESOLVED = 'ResolvedHostname|internet|example.org|internet|192.0.2.10';
const RAW = Buffer.from('example.org. 300 IN A 192.0.2.10\n');

let kat: TestKat;
let rawId: string;
beforeAll(async () => {
  kat = await testKat({ runner: { start: false } });
  await kat.api('objects.declare', { org: 'acme', pk: HOST });
  // a boefje task on the hostname, its raw file, and the normalizer task that parsed the file
  const at = kat.clock.now();
  const task = (id: string, kind: 'boefje' | 'normalizer', pluginId: string, raw: string | null) => ({
    org: 'acme', id, kind, pluginId, pluginVersion: '1', inputPk: HOST, rawId: raw, priority: 1, reason: 'test', dedupKey: id, inputLevel: 1, createdAt: at,
  });
  await insertTasks(kat.db, [task('boefje-task-1', 'boefje', 'dns-records', null)]);
  const file = await kat.raw.save({ org: 'acme', bytes: RAW, mimeTypes: ['text/x-kat-test', 'boefje/dns-records-test'], source: 'boefje', taskId: 'boefje-task-1', inputPk: HOST, pluginId: 'dns-records' });
  rawId = file.id;
  await insertTasks(kat.db, [task('normalizer-task-1', 'normalizer', 'kat_dns_normalizer', rawId)]);
  await kat.db.query(`UPDATE tasks SET status = 'completed', ended_at = $1 WHERE org = 'acme'`, [at.toISOString()]);
  const aRecord = normalizeObject('DNSARecord', { hostname: HOST, address: IP, value: '192.0.2.10' });
  await kat.graph.saveOrigins('acme', [
    { kind: 'observation', method: 'kat_dns_normalizer', sourceMethod: 'dns-records', source: HOST, taskId: 'normalizer-task-1', results: [aRecord, objectFromPk(IP)] },
  ]);
  // the bit dns-resolving: source the hostname, the A record as a parameter
  await kat.graph.saveOrigins('acme', [
    { kind: 'inference', method: 'dns-resolving', source: HOST, parameters: [A_RECORD], results: [objectFromPk(RESOLVED)] },
  ]);
});
afterAll(async () => {
  await kat.close();
});

const proof = (pk: string, maxDepth?: number) => kat.api('objects.proof', { org: 'acme', pk, maxDepth });

/** every node of the tree, depth first */
function nodes(n: ProofNode): ProofNode[] {
  return [n, ...n.origins.flatMap((o) => [...(o.source ? nodes(o.source) : []), ...o.parameters.flatMap(nodes)])];
}

describe('objects.proof', () => {
  it('a declared object: one declaration, a leaf', async () => {
    const t = await proof(HOST);
    expect(t).toMatchObject({ truncated: false, nodes: 1 });
    expect(t.root).toMatchObject({ pk: HOST, type: 'Hostname', exists: true });
    expect(t.root.origins).toEqual([
      expect.objectContaining({ kind: 'declaration', method: 'manual', keepsAlive: true, source: null, parameters: [], task: null, rawFile: null }),
    ]);
  });

  it('an observed object: the normalizer, its task, the raw file with its hash, the boefje task, the scanned object', async () => {
    const t = await proof(A_RECORD);
    const [o] = t.root.origins;
    expect(t.root.origins).toHaveLength(1);
    expect(o).toMatchObject({ kind: 'observation', method: 'kat_dns_normalizer', sourceMethod: 'dns-records', taskId: 'normalizer-task-1', keepsAlive: true });
    expect(o!.task).toMatchObject({ id: 'normalizer-task-1', kind: 'normalizer', pluginId: 'kat_dns_normalizer', status: 'completed' });
    expect(o!.rawFile).toEqual({
      id: rawId,
      sha256: createHash('sha256').update(RAW).digest('hex'),
      size: RAW.length,
      mimeTypes: ['text/x-kat-test', 'boefje/dns-records-test'],
      source: 'boefje',
      boefjeTask: expect.objectContaining({ id: 'boefje-task-1', kind: 'boefje', pluginId: 'dns-records', inputPk: HOST, status: 'completed' }),
    });
    expect(o!.source).toMatchObject({ pk: HOST, origins: [expect.objectContaining({ kind: 'declaration' })] });
  });

  it('an inferred object: the bit, its source and its parameters, recursively down to the declaration', async () => {
    const t = await proof(RESOLVED);
    const [o] = t.root.origins;
    expect(o).toMatchObject({ kind: 'inference', method: 'dns-resolving', keepsAlive: true, rawFile: null });
    expect(o!.source!.pk).toBe(HOST);
    expect(o!.parameters.map((p) => p.pk)).toEqual([A_RECORD]);
    // the A record's observation rests on the hostname too: explained once, then a `seen` stub
    const param = o!.parameters[0]!;
    expect(param.origins[0]!.kind).toBe('observation');
    expect(param.origins[0]!.source).toMatchObject({ pk: HOST, seen: true, origins: [] });
    expect(t.nodes).toBe(3);
    expect(t.truncated).toBe(false);
  });

  it('lists affirmations as not keeping the object alive and does not follow them', async () => {
    await kat.graph.saveOrigins('acme', [
      { kind: 'affirmation', method: 'finding-type-catalogue', source: IP, results: [normalizeObject('KATFindingType', { id: 'KAT-TEST-AFFIRMED', name: 'x' })] },
    ]);
    const t = await proof('KATFindingType|KAT-TEST-AFFIRMED');
    expect(t.root.origins).toEqual([expect.objectContaining({ kind: 'affirmation', keepsAlive: false, source: null })]);
  });

  it('ends on cycles: each object is explained once', async () => {
    // X (declared) -> Y by bit-a; Y -> Z by bit-b; Z -> Y by bit-c: Y rests on X and on Z, Z on Y
    const X = 'Hostname|internet|x.example';
    const Y = 'Hostname|internet|y.example';
    const Z = 'Hostname|internet|z.example';
    await kat.api('objects.declare', { org: 'acme', pk: X });
    await kat.graph.saveOrigins('acme', [{ kind: 'inference', method: 'bit-a', source: X, results: [objectFromPk(Y)] }]);
    await kat.graph.saveOrigins('acme', [{ kind: 'inference', method: 'bit-b', source: Y, results: [objectFromPk(Z)] }]);
    await kat.graph.saveOrigins('acme', [{ kind: 'inference', method: 'bit-c', source: Z, parameters: [Y], results: [objectFromPk(Y)] }]);
    const t = await proof(Y);
    expect(t.root.origins.map((o) => o.method)).toEqual(['bit-a', 'bit-c']);
    const viaZ = t.root.origins[1]!;
    expect(viaZ.parameters).toEqual([]); // Y itself is not its own input
    expect(viaZ.source!.pk).toBe(Z);
    expect(viaZ.source!.origins[0]).toMatchObject({ method: 'bit-b', source: { pk: Y, seen: true } });
    expect(t.nodes).toBe(3);
    expect(new Set(nodes(t.root).filter((n) => !n.seen).map((n) => n.pk)).size).toBe(nodes(t.root).filter((n) => !n.seen).length);
  });

  it('stops at maxDepth and marks what was cut', async () => {
    const t = await proof(RESOLVED, 1);
    expect(t.truncated).toBe(true);
    const [o] = t.root.origins;
    expect(o!.source).toMatchObject({ pk: HOST, truncated: true, origins: [] });
    expect(o!.parameters[0]).toMatchObject({ pk: A_RECORD, truncated: true, origins: [] });
    expect((await proof(RESOLVED, 2)).truncated).toBe(false);
  });

  it('answers unknown objects with NOT_FOUND and bad payloads with BAD_REQUEST, changing nothing', async () => {
    const before = await tableCounts(kat);
    await expect(proof('Hostname|internet|nowhere.example')).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(kat.call('objects.proof', { org: 'acme', pk: HOST, maxDepth: 0 })).rejects.toMatchObject({ code: 'BAD_REQUEST', details: { field: 'maxDepth' } });
    await expect(kat.call('objects.proof', { org: 'nope', pk: HOST })).rejects.toMatchObject({ code: 'ORG_NOT_FOUND' });
    expect(await tableCounts(kat)).toEqual(before);
  });
});

describe('objects.proof of an object derived from a declared key', () => {
  it('leads to the declared object', async () => {
    const port = 'IPPort|internet|192.0.2.99|tcp|22';
    await kat.api('objects.declare', { org: 'acme', pk: port });
    const t = await proof('IPAddressV4|internet|192.0.2.99');
    expect(t.root.origins).toEqual([expect.objectContaining({ kind: 'declaration', source: expect.objectContaining({ pk: port, origins: [expect.objectContaining({ kind: 'declaration', source: null })] }) })]);
  });
});
