import type { TaskCounts } from '../../src-main/api/contracts/scans';
import type { KatEvent } from '../../src-main/api/types';
import { api } from '../api/client';
import { formatDuration, plural } from '../components/format';
import { readNotifyPref, requestNotifyPermission, showNotification, writeNotifyPref } from './desktop-notify';
import type { Slice } from './types';

type TaskChange = Extract<KatEvent, { topic: 'tasks.changed' }>['tasks'][number];

/** the status bar reloads its counts at most this often */
const QUEUE_THROTTLE_MS = 1000;
/** a boefje that ran at least this long gets a notification when it ends */
export const LONG_TASK_MS = 30_000;
/** the queue draining after at least this many tasks counts as a batch */
const BATCH_MIN = 2;
const MINUTE_MS = 60_000;
const RECENT_LIMIT = 500;

export interface QueueState {
  queued: number;
  running: number;
  /** endedAt (ms) of the tasks completed in the last minute when last loaded */
  completedAt: number[];
}

export interface QueueSlice {
  queue: QueueState | null;
  notifyEnabled: boolean;
  loadQueue(): Promise<void>;
  /** a tasks.changed event of the current organisation: throttled reload, long-task notifications */
  onQueueEvent(tasks: readonly TaskChange[]): void;
  /** turns desktop notifications on (asking permission; call from a click) or off */
  setNotify(on: boolean): Promise<void>;
}

/** how many tasks completed in the minute before `now` */
export function completedLastMinute(q: QueueState | null, now = Date.now()): number {
  return q ? q.completedAt.filter((t) => now - t < MINUTE_MS).length : 0;
}

const ended = (c: TaskCounts) => c.completed + c.failed + c.cancelled;

let generation = 0;
let lastLoad = 0;
let loadTimer: number | undefined;
/** the busy period the queue is in: when it began, how many had ended then, the most pending seen */
let batch: { since: number; endedBefore: number; peak: number } | null = null;
/** boefje tasks seen running, with when they were first seen so */
const runningSince = new Map<string, number>();

export const createQueueSlice: Slice<QueueSlice> = (set, get) => {
  const notifyLongTask = async (t: TaskChange, now: number) => {
    const org = get().currentOrg;
    if (!org) return;
    let ms = runningSince.has(t.id) ? now - runningSince.get(t.id)! : null;
    if (ms === null) {
      // started before the app listened: the task knows its duration
      try {
        ms = (await api().call('tasks.get', { org, id: t.id })).durationMs;
      } catch {
        return;
      }
    }
    if (ms === null || ms < LONG_TASK_MS) return;
    const what = t.status === 'completed' ? 'finished' : t.status;
    showNotification(`${t.pluginId} ${what}`, `${t.inputPk ?? 'no input'} · ran ${formatDuration(ms)}`, () => get().showTask(t.id));
  };

  const trackBatch = (counts: TaskCounts) => {
    const pending = counts.queued + counts.running;
    if (pending > 0) {
      batch ??= { since: Date.now(), endedBefore: ended(counts), peak: 0 };
      batch.peak = Math.max(batch.peak, pending);
      return;
    }
    const done = batch ? ended(counts) - batch.endedBefore : 0;
    if (batch && get().notifyEnabled && done >= BATCH_MIN) {
      const failed = counts.failed;
      showNotification('Queue empty', `${plural(done, 'task')} ended in ${formatDuration(Date.now() - batch.since)}${failed ? ` · ${failed} failed in total` : ''}`, () =>
        get().setView('tasks'),
      );
    }
    batch = null;
  };

  return {
    queue: null,
    notifyEnabled: readNotifyPref(),

    async loadQueue() {
      const org = get().currentOrg;
      if (!org) return;
      const mine = ++generation;
      lastLoad = Date.now();
      try {
        const res = await api().call('tasks.list', { org, statuses: ['completed'], limit: RECENT_LIMIT });
        if (mine !== generation || get().currentOrg !== org) return;
        const now = Date.now();
        const completedAt = res.items.map((t) => (t.endedAt ? Date.parse(t.endedAt) : 0)).filter((t) => now - t < MINUTE_MS);
        set({ queue: { queued: res.counts.queued, running: res.counts.running, completedAt } });
        trackBatch(res.counts);
      } catch {
        /* the indicator keeps its last numbers; the Tasks view shows errors */
      }
    },

    onQueueEvent(tasks) {
      const now = Date.now();
      for (const t of tasks) {
        if (t.kind !== 'boefje') continue;
        if (t.status === 'running') {
          if (!runningSince.has(t.id)) runningSince.set(t.id, now);
        } else if (t.status === 'completed' || t.status === 'failed') {
          if (get().notifyEnabled) void notifyLongTask(t, now);
          runningSince.delete(t.id);
        } else runningSince.delete(t.id);
      }
      if (loadTimer !== undefined) return;
      loadTimer = window.setTimeout(
        () => {
          loadTimer = undefined;
          void get().loadQueue();
        },
        Math.max(0, lastLoad + QUEUE_THROTTLE_MS - now),
      );
    },

    async setNotify(on) {
      if (on && !(await requestNotifyPermission())) {
        get().toast('error', 'Desktop notifications are blocked. Allow them for Kattegat in your system or browser settings.');
        return;
      }
      writeNotifyPref(on);
      set({ notifyEnabled: on });
      if (on) get().toast('info', 'Notifications on: long scans and an emptied queue will notify you.');
    },
  };
};

/** forgets the busy period (another organisation was selected) */
export function resetQueueTracking(): void {
  generation++;
  batch = null;
  runningSince.clear();
}
