/**
 * queryInPathOrder pins the join order of one path query. On the database itself the setting must
 * not reach another caller's statement that PGlite runs in between (it is scoped to a transaction);
 * inside a transaction it is reset after the query.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type Database } from '../../../src-main/db/database';
import { queryInPathOrder } from '../../../src-main/graph/query/path';

describe('queryInPathOrder', () => {
  let db: Database;
  beforeAll(async () => {
    db = await openDatabase('memory://');
  });
  afterAll(async () => {
    await db.close();
  });

  const limit = async (q: { query<T>(s: string): Promise<{ rows: T[] }> }) =>
    (await q.query<{ join_collapse_limit: string }>('SHOW join_collapse_limit')).rows[0]!.join_collapse_limit;

  it('runs the query with join_collapse_limit = 1', async () => {
    const res = await queryInPathOrder<{ v: string }>(db, `SELECT current_setting('join_collapse_limit') AS v, $1::int AS x`, [1]);
    expect(res.rows[0]!.v).toBe('1');
  });

  it('does not leak the setting to statements issued on the database meanwhile', async () => {
    const before = await limit(db);
    expect(before).not.toBe('1');
    // both issued at once: PGlite queues them; the other statement must see the default
    const [pinned, other] = await Promise.all([
      queryInPathOrder<{ v: string }>(db, `SELECT current_setting('join_collapse_limit') AS v`, []),
      limit(db),
      limit(db),
    ]);
    expect(pinned.rows[0]!.v).toBe('1');
    expect(other).toBe(before);
    expect(await limit(db)).toBe(before);
  });

  it('resets the setting inside a caller transaction', async () => {
    const before = await limit(db);
    await db.transaction(async (tx) => {
      const r = await queryInPathOrder<{ v: string }>(tx, `SELECT current_setting('join_collapse_limit') AS v`, []);
      expect(r.rows[0]!.v).toBe('1');
      expect(await limit(tx)).toBe(before);
    });
  });
});
