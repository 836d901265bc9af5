/** Plugins a report type needs that are disabled or have not run on the chosen objects. */
import type { Queryable } from '../db/database';
import type { PluginCatalogue } from '../plugins/catalogue';
import type { ResolvedInputs } from './scope';
import type { PluginWarning, ReportType } from './types';

export async function checkPlugins(_q: Queryable, _org: string, _type: ReportType, _r: ResolvedInputs, _plugins?: PluginCatalogue): Promise<PluginWarning[]> {
  return [];
}
