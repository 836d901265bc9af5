/**
 * What a schedule run queues, decided without I/O: every boefje x object pair the schedule selects,
 * minus the pairs below the boefje's level, already queued or running, or run inside the boefje's
 * grace period with the same settings. Priorities follow OpenKAT: never run first, then by how
 * stale the last run is (src-main/scheduler/time/due.ts).
 */
import { randomUUID } from 'node:crypto';
import type { PlanSummary } from '../api/contracts/schedules';
import type { LastRun, NewTask } from '../tasks/repository';
import { boefjeDedupKey } from '../tasks/service';
import { consumesType } from '../tasks/eligibility';
import type { BoefjeManifest } from '../plugins/manifest';
import { priorityFor } from './time';

export interface PlanBoefje {
  manifest: BoefjeManifest;
  graceMs: number;
  settingsHash: string;
}

export interface PlanObject {
  pk: string;
  type: string;
  level: number;
}

export interface PlanInput {
  org: string;
  now: Date;
  scheduleId: string | null;
  boefjes: readonly PlanBoefje[];
  objects: readonly PlanObject[];
  last: ReadonlyMap<string, LastRun>;
  active: ReadonlySet<string>;
}

export function plan(i: PlanInput): { tasks: NewTask[]; summary: PlanSummary } {
  const tasks: NewTask[] = [];
  const skipped = { grace: 0, level: 0, active: 0, settings: 0 };
  const byPlugin = new Map<string, { tasks: number; types: Record<string, number> }>();
  for (const b of i.boefjes) {
    const m = b.manifest;
    for (const o of i.objects) {
      if (!consumesType(m, o.type)) continue;
      if (o.level < m.scan_level) {
        skipped.level++;
        continue;
      }
      const key = `${m.id}|${o.pk}`;
      if (i.active.has(key)) {
        skipped.active++;
        continue;
      }
      const last = i.last.get(key);
      // a run with other settings is not a repeat: the grace period does not hold it back
      const lastRun = last && last.settingsHash === b.settingsHash ? last.endedAt : null;
      const priority = priorityFor({ manual: false, lastRun, now: i.now, graceMs: b.graceMs });
      if (priority === null) {
        skipped.grace++;
        continue;
      }
      tasks.push({
        org: i.org,
        id: randomUUID(),
        kind: 'boefje',
        pluginId: m.id,
        pluginVersion: m.version,
        inputPk: o.pk,
        rawId: null,
        priority,
        reason: 'schedule',
        dedupKey: boefjeDedupKey(m.id, o.pk),
        inputLevel: o.level,
        createdAt: i.now,
        scheduleId: i.scheduleId,
      });
      const entry = byPlugin.get(m.id) ?? { tasks: 0, types: {} };
      entry.tasks++;
      entry.types[o.type] = (entry.types[o.type] ?? 0) + 1;
      byPlugin.set(m.id, entry);
    }
  }
  const list = [...byPlugin].map(([pluginId, v]) => ({ pluginId, ...v })).sort((a, b) => b.tasks - a.tasks || a.pluginId.localeCompare(b.pluginId));
  return { tasks, summary: { queued: tasks.length, byPlugin: list, skipped, text: describePlan(tasks.length, list, skipped) } };
}

function describePlan(n: number, list: PlanSummary['byPlugin'], skipped: PlanSummary['skipped']): string {
  const parts = list.map((p) => `${p.pluginId} × ${Object.entries(p.types).map(([t, c]) => `${c} ${t}`).join(' + ')}`);
  const head = n === 0 ? 'nothing to queue' : `${n} task${n === 1 ? '' : 's'}: ${parts.join(', ')}`;
  const why = [
    skipped.grace && `${skipped.grace} ran recently`,
    skipped.active && `${skipped.active} already queued`,
    skipped.level && `${skipped.level} below the boefje's level`,
  ].filter(Boolean);
  return why.length ? `${head} (skipped: ${why.join(', ')})` : head;
}
