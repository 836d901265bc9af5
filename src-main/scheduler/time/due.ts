/**
 * When a plugin is due on an input again, and how urgent it is: OpenKAT's scheduler behaviour
 * (Mula), re-implemented. Pure: `now` is always an argument.
 *
 * - Grace period: after a run of a plugin on an input ends, the same plugin does not run on the
 *   same input again for `grace` (24 h, or the plugin's own interval). A manual scan ignores it.
 *   "Within grace" is now - endedAt < grace: exactly at the boundary the task is due again. A run
 *   that ended in the future (clock skew) counts as just run.
 * - Priority (lower pops first): manual 1, never run 2, otherwise by how long the task has been
 *   overdue, i.e. since its grace period ended: 1000 just past grace, falling linearly to 3 when
 *   it is 7 days overdue, and 3 from then on. Whole numbers; never lower (more urgent) for a task
 *   that ran more recently. Inside the grace period there is no priority: null, do not queue.
 * - Deadline (when the schedule should look at the task again): the next occurrence of the
 *   schedule's recurrence when it has one, else now + grace + a jitter of 0 to 5 h (whole seconds)
 *   taken from a hash of the task key, so the same task always gets the same jitter and tasks
 *   created together spread out.
 */
import { AppError } from '../../common/errors.js';
import { DAY_MS, HOUR_MS, MINUTE_MS } from './calendar.js';
import { nextOccurrence } from './evaluate.js';
import type { Recurrence } from './types.js';

export const DEFAULT_GRACE_MS = 24 * HOUR_MS;
export const MAX_JITTER_MS = 5 * HOUR_MS;
export const PRIORITY = { manual: 1, neverRun: 2, mostStale: 3, justDue: 1000 } as const;
/** how long past grace a task must be to reach PRIORITY.mostStale */
export const STALE_AFTER_MS = 7 * DAY_MS;

/** The grace period of a plugin: its interval in minutes when it has one, else 24 h. */
export function gracePeriodMs(intervalMinutes?: number | null): number {
  if (intervalMinutes === undefined || intervalMinutes === null) return DEFAULT_GRACE_MS;
  if (!Number.isFinite(intervalMinutes) || intervalMinutes <= 0) {
    throw new AppError('BAD_REQUEST', `A plugin interval must be a positive number of minutes, not ${intervalMinutes}`, {
      field: 'interval',
      value: intervalMinutes,
    });
  }
  return Math.round(intervalMinutes * MINUTE_MS);
}

/** Whether the last run (its end, or null for never) is still inside the grace period at `now`. */
export function isWithinGrace(lastRun: Date | null, now: Date, graceMs: number): boolean {
  if (lastRun === null) return false;
  return now.getTime() - lastRun.getTime() < graceMs;
}

export interface PriorityInput {
  manual: boolean;
  /** when the last run of this plugin on this input ended; null when it never ran */
  lastRun: Date | null;
  now: Date;
  graceMs: number;
}

/** The queue priority of a task (1 pops first), or null when it is inside its grace period. */
export function priorityFor({ manual, lastRun, now, graceMs }: PriorityInput): number | null {
  if (manual) return PRIORITY.manual;
  if (lastRun === null) return PRIORITY.neverRun;
  const overdue = now.getTime() - lastRun.getTime() - graceMs;
  if (overdue < 0) return null;
  const span = PRIORITY.justDue - PRIORITY.mostStale;
  const fraction = Math.min(1, overdue / STALE_AFTER_MS);
  return PRIORITY.justDue - Math.floor(span * fraction);
}

/** 32-bit FNV-1a over the UTF-16 code units of a string: small, fast, stable across runs. */
export function hashKey(key: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) {
    h ^= key.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h >>> 0;
}

/** A deterministic jitter for a task key, in whole seconds from 0 up to (not including) 5 h. */
export function jitterMs(taskKey: string): number {
  return (hashKey(taskKey) % (MAX_JITTER_MS / 1000)) * 1000;
}

export interface DeadlineInput {
  now: Date;
  /** the task's dedup key (plugin + input + settings): the jitter's seed */
  taskKey: string;
  graceMs: number;
  /** the schedule's recurrence; when given the deadline is its next occurrence after now */
  recurrence?: Recurrence | null;
}

/** When to look at the task again; null when the recurrence has no occurrence left. */
export function nextDeadline({ now, taskKey, graceMs, recurrence }: DeadlineInput): Date | null {
  if (recurrence) return nextOccurrence(recurrence, now);
  return new Date(now.getTime() + graceMs + jitterMs(taskKey));
}
