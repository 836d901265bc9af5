import { z } from 'zod';
import { OrgCode, TypeName } from '../schemas';

const ScheduleId = z.string().min(1).max(100);
const PluginId = z.string().min(1).max(64);
export const SCHEDULE_OPERATIONS = ['created', 'updated'] as const;

const ScheduleFields = {
  name: z.string().trim().min(1).max(200),
  enabled: z.boolean(),
  recurrence: z
    .string()
    .trim()
    .max(1000)
    .nullable()
    .describe('an iCalendar RRULE (e.g. FREQ=DAILY;BYHOUR=2;BYMINUTE=0) or a preset (hourly, daily, weekly, monthly); null: runs on events only'),
  plugins: z.string().max(2000).describe("filter over boefjes, e.g. scan_level <= 2 and id not in ('nmap'); empty: every enabled boefje"),
  input: z.string().max(2000).describe('filter per object type, e.g. Hostname: scan_level > 0; IPAddress: scan_level >= 2; empty: every object a boefje consumes'),
  runOn: TypeName.nullable().describe(
    "run when an object of this type (abstract types include subtypes) is created or updated, or 'file': run normalizers on raw files of the mimeType; null: on the recurrence only",
  ),
  mimeType: z
    .string()
    .trim()
    .max(200)
    .nullable()
    .describe("with runOn 'file': the raw files' mime type, e.g. boefje/nmap, boefje/* (every boefje's output) or */* (any file); null otherwise"),
  operations: z
    .array(z.enum(SCHEDULE_OPERATIONS))
    .max(2)
    .describe("which changes of a runOn object trigger the schedule (a level change counts as updated); for runOn 'file': created (a raw file was stored)"),
};

const Draft = z.object({ ...ScheduleFields, mimeType: ScheduleFields.mimeType.default(null) }).strict();

/** Schedules: when boefjes run by themselves (recurrences and triggers), with filters over plugins and objects. */
export const schedulesContract = {
  'schedules.list': {
    input: z.object({ org: OrgCode }).strict(),
    doc: 'The schedules of an organisation with their next run and what their last run queued.',
  },
  'schedules.create': {
    input: z
      .object({
        org: OrgCode,
        ...ScheduleFields,
        enabled: ScheduleFields.enabled.default(true),
        recurrence: ScheduleFields.recurrence.default(null),
        plugins: ScheduleFields.plugins.default(''),
        input: ScheduleFields.input.default(''),
        runOn: ScheduleFields.runOn.default(null),
        mimeType: ScheduleFields.mimeType.default(null),
        operations: ScheduleFields.operations.default([]),
      })
      .strict(),
    doc: 'Adds a schedule. Filters and the recurrence are validated (INVALID_QUERY / BAD_REQUEST with details.field and details.column).',
  },
  'schedules.update': {
    input: z
      .object({
        org: OrgCode,
        id: ScheduleId,
        name: ScheduleFields.name.optional(),
        enabled: ScheduleFields.enabled.optional(),
        recurrence: ScheduleFields.recurrence.optional(),
        plugins: ScheduleFields.plugins.optional(),
        input: ScheduleFields.input.optional(),
        runOn: ScheduleFields.runOn.optional(),
        mimeType: ScheduleFields.mimeType.optional(),
        operations: ScheduleFields.operations.optional(),
      })
      .strict(),
    doc: 'Changes a schedule (only the fields given).',
  },
  'schedules.delete': {
    input: z.object({ org: OrgCode, id: ScheduleId }).strict(),
    doc: 'Removes a schedule; tasks it queued stay.',
  },
  'schedules.preview': {
    input: z.object({ org: OrgCode, id: ScheduleId.optional().describe('a stored schedule'), draft: Draft.optional().describe('or an unsaved one') }).strict(),
    doc: 'What the schedule would queue now, without queuing it: counts per boefje and object type, and why the rest is skipped.',
  },
  'schedules.runNow': {
    input: z.object({ org: OrgCode, id: ScheduleId }).strict(),
    doc: 'Runs a schedule now (grace periods still apply) and returns what it queued.',
  },
  'plugins.interval.set': {
    input: z
      .object({ org: OrgCode, id: PluginId, intervalMinutes: z.number().int().min(1).max(525_600).nullable().describe('null: the default grace period of 24 hours') })
      .strict(),
    doc: "Sets how often a boefje may run on the same object: its grace period (a manual scan ignores it).",
  },
} as const;

export type ScheduleOperation = (typeof SCHEDULE_OPERATIONS)[number];

export interface Schedule {
  id: string;
  org: string;
  name: string;
  enabled: boolean;
  /** canonical DTSTART + RRULE text, or null */
  recurrence: string | null;
  /** "every day at 02:00 (UTC)" */
  recurrenceText: string | null;
  plugins: string;
  input: string;
  /** an object type, 'file' (normalizers on raw files of mimeType), or null */
  runOn: string | null;
  /** with runOn 'file': boefje/nmap, boefje/* or * / * (any) */
  mimeType: string | null;
  operations: ScheduleOperation[];
  /** one of the schedules every organisation starts with */
  isDefault: boolean;
  createdAt: string;
  updatedAt: string;
  lastRunAt: string | null;
  nextRunAt: string | null;
  /** what its last run queued */
  lastResult: PlanSummary | null;
}

export interface PlanSummary {
  queued: number;
  /** per boefje: how many tasks, on how many objects of which types */
  byPlugin: { pluginId: string; tasks: number; types: Record<string, number> }[];
  /** upToDate (file schedules): raw files this normalizer version has already read */
  skipped: { grace: number; level: number; active: number; settings: number; upToDate?: number };
  /** "12 tasks: dns-records × 8 hostnames, nmap × 4 IP addresses" */
  text: string;
}

export interface SchedulesResults {
  'schedules.list': Schedule[];
  'schedules.create': Schedule;
  'schedules.update': Schedule;
  'schedules.delete': { deleted: string };
  'schedules.preview': PlanSummary;
  'schedules.runNow': PlanSummary;
  'plugins.interval.set': { pluginId: string; intervalMinutes: number | null };
}
