/** The two back ends agree on `like`: the in-memory matcher gives what PGlite's ILIKE gives for the same parameters. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase, type Database } from '../../../src-main/db/database';
import { compileLike } from '../../../src-main/scheduler/filter/like';

let db: Database;
beforeAll(async () => {
  db = await openTestDatabase();
});
afterAll(async () => {
  await db?.close();
});

const VALUES = ['10.0.0.1', 'a%c', 'a_c', 'abc', 'ABC', 'a\\c', 'Ünïcødé', '🦀x', 'line1\nline2', '', "it's", 'mississippi'];
const PATTERNS = ['10.%', '%', '_', 'a_c', 'a\\%c', 'a\\_c', 'a\\\\c', 'A%C', 'ü%É', '_x', '%line2', '%iss%ipp%', "it''s", "it's", 'a\\bc', '%\\_%', ''];

describe('like in memory vs ILIKE', () => {
  it('agrees on every value x pattern', async () => {
    const pairs = VALUES.flatMap((v) => PATTERNS.map((p) => [v, p] as const));
    const sql = `SELECT ${pairs.map((_, i) => `$${2 * i + 1}::text ILIKE $${2 * i + 2}::text AS m${i}`).join(', ')}`;
    const r = await db.query<Record<string, boolean>>(sql, pairs.flat());
    const row = r.rows[0]!;
    const disagreements = pairs.filter(([v, p], i) => compileLike(p)(v) !== row[`m${i}`]);
    expect(disagreements).toEqual([]);
  });
});
