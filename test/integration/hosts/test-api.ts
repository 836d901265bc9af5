import { createKat } from '../../../src-main/core/kat';
import { silentLogger } from '../../../src-main/common/logger';
import type { KatApi } from '../../../src-main/core/kat-api';

/** The real core on an in-memory database, as the headless host serves it. */
export function makeTestApi(): Promise<KatApi> {
  return createKat({ data: 'memory://', host: 'headless', logger: silentLogger });
}
