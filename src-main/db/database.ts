import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { mkdirSync } from 'node:fs';
import { MIGRATIONS } from './migrations';

export interface QueryResult<T> {
  rows: T[];
  affectedRows?: number;
}

/** Anything that runs parameterised SQL: the database itself or an open transaction. */
export interface Queryable {
  query<T = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<QueryResult<T>>;
  exec(sql: string): Promise<unknown>;
}

export interface Database extends Queryable {
  /** Runs fn in one transaction: all of it commits or none of it does. */
  transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T>;
  close(): Promise<void>;
  readonly location: string;
  /** the raw PGlite instance, for bulk paths (COPY) and benchmarks */
  readonly pg: PGlite;
}

/**
 * Opens the embedded database. `location` is `memory://` (tests), `file://<dir>` or a plain
 * directory path. Migrations run on open.
 */
export async function openDatabase(location: string, opts: { loadDataDir?: Blob | File } = {}): Promise<Database> {
  let dataDir: string | undefined;
  if (location === 'memory://' || location === '') dataDir = undefined;
  else {
    dataDir = location.startsWith('file://') ? location.slice('file://'.length) : location;
    mkdirSync(dataDir, { recursive: true });
  }
  const pg = await PGlite.create({ dataDir, extensions: { pg_trgm }, loadDataDir: opts.loadDataDir });
  if (dataDir === undefined) growMemoryFilesGeometrically(pg);
  await migrate(pg);
  // PGlite runs no autovacuum: give the planner statistics for what is already there.
  await pg.exec('ANALYZE');
  return wrap(pg, location || 'memory://');
}

/**
 * An in-memory database keeps its files in Emscripten's MEMFS, which grows a file past 1 MiB by
 * only 12.5% at a time, copying all of it each time: a 100 MB relation is copied about 40 times
 * while it grows (about 10% of an ingest's CPU time, measured). Doubling instead, as MEMFS already
 * does below 1 MiB, makes growth amortised O(1) per byte. Memory overhead: at most 2x per growing
 * file, in a database that is already all in memory. Files on disk (NODEFS) are not affected.
 */
function growMemoryFilesGeometrically(pg: PGlite): void {
  const fs = (pg as unknown as { Module?: { FS?: { root?: { mount?: { type?: MemFs } } } } }).Module?.FS;
  const memfs = fs?.root?.mount?.type;
  if (!memfs || typeof memfs.expandFileStorage !== 'function') return; // another PGlite build: keep its behaviour
  memfs.expandFileStorage = (node, wanted) => {
    const prev = node.contents ? node.contents.length : 0;
    if (prev >= wanted) return;
    const capacity = Math.max(wanted, prev * 2, 256);
    const old = node.contents ? node.contents.subarray(0, node.usedBytes) : undefined;
    node.contents = new Uint8Array(capacity);
    if (old) node.contents.set(old);
  };
}

interface MemFsNode {
  contents: Uint8Array | null;
  usedBytes: number;
}
interface MemFs {
  expandFileStorage(node: MemFsNode, wanted: number): void;
}

function wrap(pg: PGlite, location: string): Database {
  return {
    location,
    pg,
    query: (sql, params) => pg.query(sql, params) as never,
    exec: (sql) => pg.exec(sql),
    transaction: (fn) => pg.transaction((tx) => fn({ query: (s, p) => tx.query(s, p) as never, exec: (s) => tx.exec(s) })),
    close: () => pg.close(),
  };
}

async function migrate(pg: PGlite): Promise<void> {
  await pg.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (name text PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())`);
  const done = new Set((await pg.query<{ name: string }>('SELECT name FROM schema_migrations')).rows.map((r) => r.name));
  for (const m of MIGRATIONS) {
    if (done.has(m.name)) continue;
    await pg.transaction(async (tx) => {
      await tx.exec(m.sql);
      await tx.query('INSERT INTO schema_migrations (name) VALUES ($1)', [m.name]);
    });
  }
}

let templateDump: Promise<Blob> | undefined;

/**
 * A fresh migrated in-memory database for tests. The schema is built once per process and every
 * later database starts from its dump (PGlite's loadDataDir), which is much faster than migrating.
 */
export async function openTestDatabase(): Promise<Database> {
  if (!templateDump) {
    templateDump = (async () => {
      const db = await openDatabase('memory://');
      const dump = await db.pg.dumpDataDir('none');
      await db.close();
      return dump;
    })();
  }
  return openDatabase('memory://', { loadDataDir: await templateDump });
}
