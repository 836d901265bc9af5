/** `--profile`: time spent per SQL statement on a Queryable, printed to stderr after the run. */
import type { Queryable } from '../src-main/db/database.js';

export class SqlProfile {
  private readonly stats = new Map<string, { calls: number; ms: number }>();

  wrap(q: Queryable): Queryable {
    const record = (sql: string, ms: number) => {
      const key = sql.replace(/\s+/g, ' ').trim().slice(0, 110);
      const s = this.stats.get(key) ?? { calls: 0, ms: 0 };
      s.calls++;
      s.ms += ms;
      this.stats.set(key, s);
    };
    return {
      query: async (sql, params) => {
        const t = performance.now();
        try {
          return await q.query(sql, params);
        } finally {
          record(sql, performance.now() - t);
        }
      },
      exec: async (sql) => {
        const t = performance.now();
        try {
          return await q.exec(sql);
        } finally {
          record(sql, performance.now() - t);
        }
      },
    } as Queryable;
  }

  report(top = 15): string {
    const rows = [...this.stats].sort((a, b) => b[1].ms - a[1].ms).slice(0, top);
    return rows.map(([sql, s]) => `${Math.round(s.ms).toString().padStart(9)} ms ${String(s.calls).padStart(6)}x  ${sql}`).join('\n');
  }
}
