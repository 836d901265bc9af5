import type { Handlers } from '../../api/dispatch';
import type { HandlerDeps } from './deps';
import { createGraphHandlers } from './graph';
import { createLevelsHandlers } from './levels';
import { createPluginsHandlers } from './plugins';
import { createScansHandlers } from './scans';
import { createSchedulesHandlers } from './schedules';
import { createBitsHandlers } from './bits';
import { createFindingsHandlers } from './findings';
import { createExplorerHandlers } from './explorer';
import { createReportsHandlers } from './reports';

export type { HandlerDeps } from './deps';

/** Every contract method, implemented once per domain; both hosts serve exactly these. */
export function createHandlers(d: HandlerDeps): Handlers {
  return {
    ...createGraphHandlers(d),
    ...createLevelsHandlers(d),
    ...createPluginsHandlers(d),
    ...createScansHandlers(d),
    ...createSchedulesHandlers(d),
    ...createBitsHandlers(d),
    ...createFindingsHandlers(d),
    ...createExplorerHandlers(d),
    ...createReportsHandlers(d),
  };
}
