/**
 * What a run of a schedule that runs on raw files (runOn 'file') queues, decided without I/O: every
 * selected normalizer x raw file pair where the normalizer consumes one of the file's mime types
 * that the schedule's mime type matches, minus the pairs already queued or running and, on a re-run
 * over stored files, the files this normalizer's version has already read (re-reading them would
 * give the same objects; a new normalizer version reads them again).
 */
import { randomUUID } from 'node:crypto';
import type { PlanSummary } from '../api/contracts/schedules';
import type { NormalizerManifest } from '../plugins/manifest';
import type { NewTask } from '../tasks/repository';
import { normalizerDedupKey, PRIORITY } from '../tasks/service';
import type { CandidateFile } from './file-repository';
import { mimeMatches, type MimePattern } from './mime';

export interface FilePlanInput {
  org: string;
  now: Date;
  scheduleId: string | null;
  pattern: MimePattern;
  normalizers: readonly NormalizerManifest[];
  files: readonly CandidateFile[];
  /** newest ended run per `${pluginId}|${rawId}`: the normalizer version it ran */
  lastVersion: ReadonlyMap<string, string | null>;
  active: ReadonlySet<string>;
  /** a file was just stored: its first reading (no up-to-date check, the raw-file priority) */
  trigger: boolean;
}

export function planFiles(i: FilePlanInput): { tasks: NewTask[]; summary: PlanSummary } {
  const tasks: NewTask[] = [];
  const skipped = { grace: 0, level: 0, active: 0, settings: 0, upToDate: 0 };
  const byPlugin = new Map<string, { tasks: number; types: Record<string, number> }>();
  for (const n of i.normalizers) {
    for (const f of i.files) {
      const mime = f.mimeTypes.find((m) => n.consumes.includes(m) && mimeMatches(i.pattern, m));
      if (!mime) continue;
      const key = `${n.id}|${f.id}`;
      if (i.active.has(key)) {
        skipped.active++;
        continue;
      }
      if (!i.trigger && i.lastVersion.has(key) && i.lastVersion.get(key) === n.version) {
        skipped.upToDate++;
        continue;
      }
      tasks.push({
        org: i.org,
        id: randomUUID(),
        kind: 'normalizer',
        pluginId: n.id,
        pluginVersion: n.version,
        inputPk: f.inputPk,
        rawId: f.id,
        priority: i.trigger ? PRIORITY.raw : PRIORITY.renormalize,
        reason: i.trigger ? 'raw' : 'schedule',
        dedupKey: normalizerDedupKey(n.id, f.inputPk, f.id),
        inputLevel: null,
        createdAt: i.now,
        scheduleId: i.scheduleId,
      });
      const entry = byPlugin.get(n.id) ?? { tasks: 0, types: {} };
      entry.tasks++;
      entry.types[mime] = (entry.types[mime] ?? 0) + 1;
      byPlugin.set(n.id, entry);
    }
  }
  const list = [...byPlugin].map(([pluginId, v]) => ({ pluginId, ...v })).sort((a, b) => b.tasks - a.tasks || a.pluginId.localeCompare(b.pluginId));
  return { tasks, summary: { queued: tasks.length, byPlugin: list, skipped, text: describe(tasks.length, list, skipped) } };
}

function describe(n: number, list: PlanSummary['byPlugin'], skipped: { active: number; upToDate: number }): string {
  const parts = list.map((p) => `${p.pluginId} × ${Object.entries(p.types).map(([t, c]) => `${c} ${t} file${c === 1 ? '' : 's'}`).join(' + ')}`);
  const head = n === 0 ? 'nothing to queue' : `${n} task${n === 1 ? '' : 's'}: ${parts.join(', ')}`;
  const why = [skipped.upToDate && `${skipped.upToDate} already read by this normalizer version`, skipped.active && `${skipped.active} already queued`].filter(Boolean);
  return why.length ? `${head} (skipped: ${why.join(', ')})` : head;
}
