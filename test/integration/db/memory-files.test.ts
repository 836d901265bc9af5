import { describe, expect, it } from 'vitest';
import { bulkInsertRows, readWritePathRows } from '../../../bench/db';
import { openDatabase, openTestDatabase } from '../../../src-main/db/database';
import { saveOrigins } from '../../../src-main/origins/save';
import { objectFromPk } from '../../../src-main/graph/model';

interface MemFsNode {
  contents: Uint8Array | null;
  usedBytes: number;
}

function memfs(db: { pg: unknown }): { expandFileStorage(node: MemFsNode, wanted: number): void } {
  return (db.pg as { Module: { FS: { root: { mount: { type: never } } } } }).Module.FS.root.mount.type;
}

describe('in-memory database files', () => {
  it('grow by doubling, keeping their bytes', async () => {
    const db = await openTestDatabase();
    try {
      const node: MemFsNode = { contents: new Uint8Array([1, 2, 3, 4]), usedBytes: 4 };
      node.contents = new Uint8Array(4 << 20); // a 4 MiB file
      node.contents.set([1, 2, 3, 4]);
      memfs(db).expandFileStorage(node, (4 << 20) + 1);
      expect(node.contents!.length).toBe(8 << 20); // MEMFS's own rule would give 4.5 MiB
      expect([...node.contents!.subarray(0, 4)]).toEqual([1, 2, 3, 4]);
      const empty: MemFsNode = { contents: null, usedBytes: 0 };
      memfs(db).expandFileStorage(empty, 10);
      expect(empty.contents!.length).toBeGreaterThanOrEqual(256);
    } finally {
      await db.close();
    }
  });

  it('hold tables that grow far past the doubling threshold, and dump and reload them intact', async () => {
    const db = await openDatabase('memory://');
    try {
      await db.exec(`CREATE TABLE big (id int PRIMARY KEY, body text NOT NULL)`);
      // 4 kB of hex digests per row (TOAST cannot compress them), in several statements so the files grow many times
      for (let i = 0; i < 6; i++) {
        await db.query(
          `INSERT INTO big SELECT g, (SELECT string_agg(md5(g::text || '/' || k::text), '') FROM generate_series(1, 128) k) FROM generate_series($1::int, $2::int) g`,
          [i * 1000 + 1, (i + 1) * 1000],
        );
      }
      const size = await db.query<{ bytes: number }>(`SELECT pg_total_relation_size('big')::int AS bytes`);
      expect(size.rows[0]!.bytes).toBeGreaterThan(16 << 20);
      const sum = `SELECT count(*)::int AS n, md5(string_agg(body, '' ORDER BY id)) AS h FROM big`;
      const before = (await db.query<{ n: number; h: string }>(sum)).rows[0]!;
      expect(before.n).toBe(6000);
      const copy = await openDatabase('memory://', { loadDataDir: await db.pg.dumpDataDir('none') });
      try {
        expect((await copy.query<{ n: number; h: string }>(sum)).rows[0]).toEqual(before);
      } finally {
        await copy.close();
      }
    } finally {
      await db.close();
    }
  });
});

describe('the all-rows ingest baseline (bench)', () => {
  it('replays exactly the rows the write path stored', async () => {
    const src = await openTestDatabase();
    const dst = await openTestDatabase();
    try {
      for (const db of [src, dst]) await db.query(`INSERT INTO organisations (code, name, created_at) VALUES ('acme', 'Acme', now())`);
      const ip = 'IPAddressV4|internet|192.0.2.1';
      await src.transaction((tx) =>
        saveOrigins(tx, 'acme', [{ kind: 'declaration', method: 'manual', source: ip, results: [objectFromPk(ip)] }], new Date('2026-01-01T00:00:00Z')),
      );
      const rows = await readWritePathRows(src, 'acme');
      expect(rows.find((t) => t.table === 'objects')!.count).toBe(2); // the address and its network
      await bulkInsertRows(dst, rows);
      for (const t of ['objects', 'object_versions', 'refs', 'origins', 'origin_results']) {
        const dump = `SELECT to_jsonb(x) - 'id' AS r FROM ${t} x ORDER BY 1::text`;
        const a = (await src.query<{ r: unknown }>(`SELECT array_agg(r ORDER BY r::text) AS a FROM (${dump}) s`)).rows[0];
        const b = (await dst.query<{ r: unknown }>(`SELECT array_agg(r ORDER BY r::text) AS a FROM (${dump}) s`)).rows[0];
        expect(b, t).toEqual(a);
      }
    } finally {
      await src.close();
      await dst.close();
    }
  });
});
