import { z } from 'zod';
import type { ErrorPayload } from '../../common/errors';
import { OrgCode, Pk } from '../schemas';
import type { RawFileInfo } from './plugins';

const TaskId = z.string().min(1).max(100);
const PluginId = z.string().min(1).max(64);
export const TASK_STATUSES = ['queued', 'running', 'completed', 'failed', 'cancelled'] as const;
export const TASK_KINDS = ['boefje', 'normalizer'] as const;
const TaskStatus = z.enum(TASK_STATUSES);
const TaskKind = z.enum(TASK_KINDS);

/** Tasks (boefje and normalizer runs), "scan now", eligibility, and the container engine. */
export const scansContract = {
  'tasks.list': {
    input: z
      .object({
        org: OrgCode,
        kind: TaskKind.optional(),
        statuses: z.array(TaskStatus).max(5).optional().describe('any of these statuses (default: all)'),
        pluginId: PluginId.optional(),
        inputPk: Pk.optional().describe('tasks about this object'),
        rawId: z.string().min(1).max(100).optional().describe('normalizer tasks of this raw file'),
        offset: z.number().int().min(0).default(0),
        limit: z.number().int().min(1).max(500).default(100),
      })
      .strict(),
    doc: 'Tasks of an organisation, newest first, with counts per status of everything the filter matches.',
  },
  'tasks.get': {
    input: z.object({ org: OrgCode, id: TaskId }).strict(),
    doc: 'One task with its logs (tail of stdout / stderr), its error, its raw files and what it produced.',
  },
  'tasks.cancel': {
    input: z.object({ org: OrgCode, id: TaskId }).strict(),
    doc: 'Cancels a queued task, or kills the container of a running boefje task. Ended tasks are left as they are (CONFLICT).',
  },
  'tasks.retry': {
    input: z.object({ org: OrgCode, id: TaskId }).strict(),
    doc: 'Queues a new task like an ended one (failed, cancelled or completed); eligibility is checked again.',
  },
  'scans.now': {
    input: z
      .object({
        org: OrgCode,
        pks: z.array(Pk).min(1).max(1000).describe('objects to scan'),
        pluginIds: z.array(PluginId).min(1).max(100).optional().describe('only these boefjes (default: every enabled boefje that is eligible)'),
      })
      .strict(),
    doc: 'Queues a manual (priority 1) task for every enabled boefje each object is eligible for; says why the others were skipped.',
  },
  'scans.eligible': {
    input: z.object({ org: OrgCode, pk: Pk }).strict(),
    doc: 'Every boefje that consumes the object\'s type, with whether it may run on it now and why not.',
  },
  'scans.eligibleObjects': {
    input: z
      .object({
        org: OrgCode,
        pluginId: PluginId,
        offset: z.number().int().min(0).default(0),
        limit: z.number().int().min(1).max(500).default(50),
      })
      .strict(),
    doc: 'The objects a boefje may run on: of a type it consumes and at or above its scan level.',
  },
  'engine.status': {
    input: z.object({ refresh: z.boolean().default(false).describe('probe the engine again instead of the cached answer') }).strict(),
    doc: 'Whether a Docker-compatible container engine is reachable (scanning needs one), and if not how to start one.',
  },
} as const;

export type TaskStatus = (typeof TASK_STATUSES)[number];
export type TaskKind = (typeof TASK_KINDS)[number];

export interface TaskInfo {
  id: string;
  org: string;
  kind: TaskKind;
  pluginId: string;
  pluginVersion: string | null;
  /** boefje: the object scanned; normalizer: the raw file's input object (null for an upload about no object) */
  inputPk: string | null;
  /** normalizer: the raw file it parses */
  rawId: string | null;
  status: TaskStatus;
  /** lower runs first: manual scans 1 */
  priority: number;
  /** why the task exists: 'manual' (scan now), 'raw' (a stored raw file), 'retry' */
  reason: string;
  attempts: number;
  createdAt: string;
  startedAt: string | null;
  endedAt: string | null;
  durationMs: number | null;
  error: ErrorPayload | null;
  /** boefje: exit code of the container (null before it ended or when killed) */
  exitCode: number | null;
  /** boefje: raw files stored; normalizer: objects in its observation */
  outputCount: number | null;
}

export interface TaskDetail extends TaskInfo {
  stdout: string;
  stderr: string;
  /** boefje: the raw files it stored; normalizer: the raw file it read */
  rawFiles: RawFileInfo[];
  /** normalizer: the objects of its observation (at most 1000) and what saving it changed */
  produced: { objects: string[]; created: string[]; updated: string[]; deleted: string[] } | null;
  /** the scan level of the input object when the task was checked last (boefje) */
  inputLevel: number | null;
}

export interface TaskCounts {
  queued: number;
  running: number;
  completed: number;
  failed: number;
  cancelled: number;
}

export interface SkippedScan {
  pk: string;
  pluginId: string;
  /** NOT_ELIGIBLE (level too low), PLUGIN_DISABLED, TYPE_NOT_CONSUMED, ALREADY_QUEUED, PLUGIN_BROKEN, SETTINGS_MISSING */
  code: string;
  message: string;
}

export interface Eligibility {
  pluginId: string;
  name: string;
  scanLevel: number;
  enabled: boolean;
  /** may run now */
  eligible: boolean;
  /** why not (same codes as SkippedScan) */
  code: string | null;
  message: string | null;
}

export type EngineStatus =
  | { available: true; socket: string; version: string; flavour: 'docker' | 'podman'; checkedAt: string }
  | { available: false; reason: string; hint: string; tried: string[]; checkedAt: string };

export interface ScansResults {
  'tasks.list': { items: TaskInfo[]; total: number; counts: TaskCounts };
  'tasks.get': TaskDetail;
  'tasks.cancel': TaskInfo;
  'tasks.retry': TaskInfo;
  'scans.now': { queued: TaskInfo[]; skipped: SkippedScan[] };
  'scans.eligible': { pk: string; level: number; boefjes: Eligibility[] };
  'scans.eligibleObjects': { items: { pk: string; type: string; level: number }[]; total: number };
  'engine.status': EngineStatus;
}
