/**
 * Before a report is made: the plugins its type needs that are disabled for the organisation, and
 * the boefjes and normalizers that have not run (no completed task) on the objects in scope they
 * consume. Bits are checked for being enabled only: a bit that found nothing leaves no trace.
 */
import type { Queryable } from '../db/database';
import { concreteSubtypes } from '../graph/model';
import type { PluginCatalogue } from '../plugins/catalogue';
import { reportTypeInfo } from './catalogue';
import type { PluginWarning, ReportType } from './types';

/** Objects listed per warning. */
export const WARNING_OBJECTS_MAX = 20;

export interface CheckScope {
  roots: { pk: string; type: string }[];
  /** every object key in scope, sorted */
  scope: string[];
}

export async function checkPlugins(q: Queryable, org: string, type: ReportType, r: CheckScope, plugins?: PluginCatalogue): Promise<PluginWarning[]> {
  if (!plugins) return [];
  const warnings: PluginWarning[] = [];
  for (const need of reportTypeInfo(type).plugins) {
    const plugin = plugins.find(need.id);
    if (!plugin?.manifest) continue; // not installed: nothing a user can enable
    if (!(await plugins.isEnabled(org, need.id))) {
      warnings.push({ plugin: need.id, kind: need.kind, problem: 'disabled' });
      continue;
    }
    if (need.kind === 'boefje') {
      const m = plugin.manifest as { consumes: string[] };
      const types = new Set(m.consumes.flatMap((t) => [...concreteSubtypes(t)]));
      const targets = r.scope.filter((pk) => types.has(pk.slice(0, pk.indexOf('|'))));
      if (targets.length === 0) continue;
      const ran = await q.query<{ pk: string }>(
        `SELECT DISTINCT input_pk AS pk FROM tasks WHERE org = $1 AND kind = 'boefje' AND plugin_id = $2 AND status = 'completed' AND input_pk = ANY($3::text[])`,
        [org, need.id, targets],
      );
      const done = new Set(ran.rows.map((x) => x.pk));
      const missing = targets.filter((pk) => !done.has(pk));
      if (missing.length > 0) warnings.push({ plugin: need.id, kind: need.kind, problem: 'not-run', objects: missing.slice(0, WARNING_OBJECTS_MAX) });
    } else if (need.kind === 'normalizer') {
      const ran = await q.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM tasks WHERE org = $1 AND kind = 'normalizer' AND plugin_id = $2 AND status = 'completed' AND input_pk = ANY($3::text[])`,
        [org, need.id, r.scope],
      );
      if ((ran.rows[0]?.n ?? 0) === 0) warnings.push({ plugin: need.id, kind: need.kind, problem: 'not-run' });
    }
  }
  return warnings;
}
