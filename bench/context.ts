/** The shared state of one benchmark run: the generated graph and the one loaded database. */
import { openDatabase } from '../src-main/db/database.js';
import type { OOI } from '../src-main/graph/model/index.js';
import { bulkLoadGraph, countObjects } from './db.js';
import { generateGraph, type GeneratedGraph } from './generate.js';
import { ingestOrigins } from './ingest.js';
import { SqlProfile } from './profile.js';
import type { BenchContext, LoadedGraph } from './metrics/types.js';

export interface ContextOptions {
  objects: number;
  seed: number;
  org: string;
  batch: number;
  /** time every SQL statement of the save path and print the costliest to stderr */
  profile: boolean;
}

function memo<T>(fn: () => Promise<T>): () => Promise<T> {
  let p: Promise<T> | undefined;
  return () => (p ??= fn());
}

export function createContext(opts: ContextOptions): BenchContext & { close(): Promise<void> } {
  const log = (m: string) => process.stderr.write(m + '\n');
  let loadedDb: LoadedGraph['db'] | undefined;

  const graph = memo(async (): Promise<GeneratedGraph> => {
    const t = performance.now();
    const g = generateGraph({ objects: opts.objects, seed: opts.seed, org: opts.org });
    log(`generated ${g.objectCount} objects in ${g.observations.length} origins (seed ${opts.seed}) in ${Math.round(performance.now() - t)} ms`);
    return g;
  });

  const objectList = memo(async (): Promise<OOI[]> => {
    const byPk = new Map<string, OOI>();
    for (const o of (await graph()).observations) for (const r of o.results) if (!byPk.has(r.pk)) byPk.set(r.pk, r);
    return [...byPk.values()];
  });

  const loaded = memo(async (): Promise<LoadedGraph> => {
    const g = await graph();
    const db = await openDatabase('memory://');
    loadedDb = db;
    try {
      log(`loading the graph through saveOrigins (${opts.batch} origins per call) ...`);
      const profile = opts.profile ? new SqlProfile() : undefined;
      const r = await ingestOrigins(db, opts.org, g.observations, opts.batch, log, profile);
      if (profile) log(`SQL time of saveOrigins by statement:\n${profile.report()}`);
      const stored = await countObjects(db, opts.org);
      log(`loaded via saveOrigins: ${stored} objects stored, ${r.created} reported created, ${r.calls} calls, ${Math.round(r.ms)} ms`);
      if (stored !== g.objectCount) log(`WARNING: generated ${g.objectCount} objects but ${stored} are stored`);
      return { db, org: opts.org, via: 'saveOrigins', ingest: { objects: stored, ms: r.ms, batch: r.batch, calls: r.calls } };
    } catch (e) {
      log(`saveOrigins failed (${e instanceof Error ? e.message : String(e)}); loading the graph by a direct bulk insert into objects + object_versions + refs instead`);
      await db.close();
      const fresh = await openDatabase('memory://');
      loadedDb = fresh;
      await bulkLoadGraph(fresh, opts.org, await objectList());
      log(`loaded via direct bulk insert: ${await countObjects(fresh, opts.org)} objects`);
      return { db: fresh, org: opts.org, via: 'bulk' };
    }
  });

  return {
    ...opts,
    log,
    graph,
    objectList,
    loaded,
    close: async () => {
      if (loadedDb) await loadedDb.close();
    },
  };
}
