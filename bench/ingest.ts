/** Loads generated origins through the real save path, in batches of origins per transaction. */
import type { Database } from '../src-main/db/database.js';
import { saveOrigins } from '../src-main/origins/save.js';
import type { OriginWrite } from '../src-main/origins/types.js';
import type { IngestStats } from './metrics/types.js';
import type { SqlProfile } from './profile.js';

export async function ingestOrigins(
  db: Database,
  org: string,
  origins: readonly OriginWrite[],
  batch: number,
  log: (m: string) => void,
  profile?: SqlProfile,
): Promise<Omit<IngestStats, 'objects'> & { created: number }> {
  let created = 0;
  let calls = 0;
  const base = Date.parse('2026-01-01T00:00:00.000Z');
  const start = performance.now();
  for (let i = 0; i < origins.length; i += batch) {
    const part = origins.slice(i, i + batch);
    // a strictly increasing transaction time per call, as a real clock would give
    const txTime = new Date(base + calls * 1000);
    const t = performance.now();
    const changes = await db.transaction((tx) => saveOrigins(profile ? profile.wrap(tx) : tx, org, part, txTime));
    created += changes.created.length;
    calls++;
    if (calls % 10 === 0) {
      log(`  saveOrigins: ${i + part.length}/${origins.length} origins, ${created} objects created, last call ${Math.round(performance.now() - t)} ms`);
    }
  }
  return { ms: performance.now() - start, batch, calls, created };
}
