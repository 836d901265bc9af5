import { objectFromPk } from '../../../src-main/graph/model';
import type { TestKat } from '../../helpers/kat';
import { IP } from '../findings/fixture';

/** Extra open ports on the fixture's IP (besides 443): 30 of them, to be aggregated. */
export const EXTRA_PORTS = Array.from({ length: 30 }, (_, i) => `IPPort|internet|192.0.2.10|tcp|${1000 + i}`);

/** Declares objects by key in one write (one declaration each). */
export async function declareMany(kat: TestKat, org: string, pks: readonly string[], validTime?: string): Promise<void> {
  await kat.graph.saveOrigins(
    org,
    pks.map((pk) => ({ kind: 'declaration' as const, method: 'test', source: pk, results: [objectFromPk(pk)], ...(validTime ? { validTime: new Date(validTime) } : {}) })),
  );
}

export async function declarePorts(kat: TestKat, org = 'acme'): Promise<void> {
  await declareMany(kat, org, EXTRA_PORTS);
}

export const PORTS_COLLECTION = `agg:${IP}|address|in|IPPort`;
