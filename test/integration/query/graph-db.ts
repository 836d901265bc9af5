/** A fresh database holding the small example.org graph in org 'acme' (and one object in 'other'). */
import { openTestDatabase, type Database } from '../../../src-main/db/database';
import { normalizeObject } from '../../../src-main/graph/model';
import { SMALL_GRAPH, SMALL_ORIGINS } from '../../fixtures/graph/small';
import { loadGraph } from '../../helpers/load-graph';

export const ORG = 'acme';
export const LOADED_AT = '2026-01-01T00:00:00.000Z';

export async function openSmallGraph(): Promise<Database> {
  const db = await openTestDatabase();
  await loadGraph(db, ORG, SMALL_GRAPH, { time: LOADED_AT, origins: SMALL_ORIGINS });
  await loadGraph(db, 'other', [normalizeObject('Hostname', { network: 'Network|internet', name: 'example.org' })], {
    time: LOADED_AT,
  });
  return db;
}
