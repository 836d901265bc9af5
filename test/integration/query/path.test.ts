import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../../src-main/db/database';
import { queryPath, validatePath } from '../../../src-main/graph/query/path';
import { A1, A2, AAAA, FT, HOST, IP1, IP2, MAIL, NS, P25, P443, P80, SITE, WWW } from '../../fixtures/graph/small';
import { ORG, openSmallGraph } from './graph-db';

let db: Database;
beforeAll(async () => {
  db = await openSmallGraph();
});
afterAll(() => db?.close());

const NOW = { validTime: '2026-06-01T00:00:00.000Z', txTime: '2026-06-01T00:00:00.000Z' };

describe('queryPath', () => {
  it('follows an incoming then an outgoing reference, for one and many sources', async () => {
    const path = 'Hostname.<hostname[is DNSARecord].address';
    expect(await queryPath(db, ORG, path, [HOST])).toEqual([{ source: HOST, result: IP1 }]);
    expect(await queryPath(db, ORG, path, [WWW, MAIL, HOST])).toEqual([
      { source: HOST, result: IP1 },
      { source: MAIL, result: IP2 },
    ]);
  });

  it('runs incoming steps, findings and attribute values', async () => {
    expect(await queryPath(db, ORG, 'IPAddressV4.<address[is IPPort]', [IP1, IP2])).toEqual([
      { source: IP1, result: P443 },
      { source: IP1, result: P80 },
      { source: IP2, result: P25 },
    ]);
    expect(await queryPath(db, ORG, 'Hostname.<ooi[is Finding].finding_type', [HOST, MAIL])).toEqual([{ source: HOST, result: FT }]);
    expect(await queryPath(db, ORG, 'IPPort.port', [P80, P443, P25])).toEqual([
      { source: P443, result: '443' },
      { source: P80, result: '80' },
      { source: P25, result: '25' },
    ]);
    expect(await queryPath(db, ORG, 'Hostname.<ooi[is Finding].finding_type.risk_severity', [HOST])).toEqual([
      { source: HOST, result: 'medium' },
    ]);
  });

  it('walks long paths and abstract restrictions', async () => {
    expect(
      await queryPath(db, ORG, 'Hostname.<hostname[is DNSARecord].address.<address[is IPPort].<ip_port.service.name', [HOST, MAIL]),
    ).toEqual([
      { source: HOST, result: 'http' },
      { source: HOST, result: 'https' },
      { source: MAIL, result: 'smtp' },
    ]);
    expect(await queryPath(db, ORG, 'Hostname.<hostname[is DNSRecord]', [HOST])).toEqual(
      [AAAA, A1, NS].map((result) => ({ source: HOST, result })),
    );
    expect(await queryPath(db, ORG, 'Hostname.<hostname[is Website].ip_service.ip_port.port', [HOST])).toEqual([
      { source: HOST, result: '443' },
    ]);
    expect(await queryPath(db, ORG, 'DNSRecord.hostname', [A2, NS])).toEqual([
      { source: A2, result: MAIL },
      { source: NS, result: HOST },
    ]);
  });

  it('gives nothing for sources of another type, unknown sources and other organisations', async () => {
    expect(await queryPath(db, ORG, 'IPPort.port', [HOST, 'IPPort|internet|9.9.9.9|tcp|1'])).toEqual([]);
    expect(await queryPath(db, 'other', 'Hostname.<hostname[is DNSARecord].address', [HOST])).toEqual([]);
  });

  it('keeps injection attempts as data', async () => {
    expect(await queryPath(db, ORG, 'Hostname.<hostname[is DNSARecord].address', ["x'); DROP TABLE objects; --"])).toEqual([]);
    await expect(queryPath(db, ORG, "Hostname.name'; DROP TABLE objects; --", [HOST])).rejects.toMatchObject({
      code: 'INVALID_QUERY',
      details: { column: 14, expected: "'.'" },
    });
    expect((await db.query<{ n: number }>('SELECT count(*)::int AS n FROM objects')).rows[0]?.n).toBeGreaterThan(20);
  });

  it('rejects an invalid path before touching the database', async () => {
    await expect(queryPath(db, ORG, 'Hostname.<hostname', [HOST])).rejects.toMatchObject({ code: 'INVALID_QUERY', details: { column: 19 } });
  });

  it('reads as of a point in time from the versioned data', async () => {
    const path = 'Hostname.<hostname[is DNSARecord].address.<address[is IPPort]';
    const now = await queryPath(db, ORG, path, [HOST, MAIL]);
    expect(now).toHaveLength(3);
    expect(await queryPath(db, ORG, path, [HOST, MAIL], NOW)).toEqual(now);
    expect(await queryPath(db, ORG, 'IPPort.port', [P80], NOW)).toEqual([{ source: P80, result: '80' }]);
    expect(await queryPath(db, ORG, path, [HOST], { ...NOW, validTime: '2025-01-01T00:00:00.000Z' })).toEqual([]);
    // the Website is deleted on 2026-03-01
    const at = '2026-03-01T00:00:00.000Z';
    await db.query(`UPDATE object_versions SET valid_to = $3 WHERE org = $1 AND pk = $2`, [ORG, SITE, at]);
    await db.query(
      `INSERT INTO object_versions (org, pk, type, data, change, valid_from, tx_from) VALUES ($1, $2, 'Website', NULL, 'deleted', $3, $3)`,
      [ORG, SITE, at],
    );
    const sites = 'Hostname.<hostname[is Website]';
    expect(await queryPath(db, ORG, sites, [HOST], { ...NOW, validTime: '2026-02-01T00:00:00.000Z' })).toEqual([{ source: HOST, result: SITE }]);
    expect(await queryPath(db, ORG, sites, [HOST], NOW)).toEqual([]);
  });
});

describe('validatePath', () => {
  it('describes the compiled steps of a valid path', () => {
    expect(validatePath('Hostname.<hostname[is DNSARecord].address')).toEqual({
      ok: true,
      steps: ['Hostname', '<hostname[is DNSARecord] -> DNSARecord', 'address -> IPAddressV4'],
    });
  });

  it('returns the error with its column', () => {
    expect(validatePath('Hostname.nme')).toEqual({
      ok: false,
      error: {
        code: 'INVALID_QUERY',
        message: "Hostname has no field 'nme' (column 10).",
        details: { column: 10, expected: 'network, name, dns_zone, registered_domain' },
      },
    });
  });
});
