import { z } from 'zod';
import { OrgCode, Pk, Timestamp, TypeName } from '../schemas';
import {
  REPORT_TYPES,
  type PluginWarning,
  type Report,
  type ReportChanges,
  type ReportRecipe,
  type ReportSummary,
  type ReportTypeInfo,
} from '../../reports/types';

export const ReportTypeSchema = z.enum(REPORT_TYPES);
const ReportId = z.string().min(1).max(100);
const RecipeId = z.string().min(1).max(100);

export const ReportInputsSchema = z.union([
  z
    .object({
      objects: z.array(Pk).min(1, 'choose at least one object').max(10_000).describe('the objects the report is about'),
    })
    .strict(),
  z
    .object({
      filter: z
        .object({
          types: z.array(TypeName).max(100).optional().describe('object types (abstract types include subtypes)'),
          search: z.string().max(200).optional().describe('case-insensitive text in the object key'),
          minLevel: z.number().int().min(0).max(4).optional().describe('only objects with at least this scan level'),
        })
        .strict(),
    })
    .strict()
    .describe('a live filter, evaluated at the report time'),
]);

const RecipeFields = {
  name: z.string().trim().min(1).max(200),
  type: ReportTypeSchema,
  inputs: ReportInputsSchema,
  rrule: z.string().trim().min(1).max(1000).describe('an iCalendar RRULE (FREQ=WEEKLY;BYDAY=MO;BYHOUR=6;BYMINUTE=0) or a preset (daily, weekly, monthly)'),
  enabled: z.boolean(),
};

/** Reports: aggregated views of the graph at one valid time, stored as made; PDF, JSON and CSV export; recipes. */
export const reportsContract = {
  'reports.types': {
    input: z.object({}).strict(),
    doc: 'The report types: what each shows, the object types it takes and the plugins it needs.',
  },
  'reports.check': {
    input: z.object({ org: OrgCode, type: ReportTypeSchema, inputs: ReportInputsSchema }).strict(),
    doc: 'Before creating a report: how many objects the inputs resolve to, and plugins it needs that are disabled or have not run on them.',
  },
  'reports.create': {
    input: z
      .object({
        org: OrgCode,
        type: ReportTypeSchema,
        inputs: ReportInputsSchema,
        asOf: Timestamp.optional().describe('the valid time the report describes (default: now)'),
        name: z.string().trim().min(1).max(200).optional().describe('default: "<type> report <date>"'),
      })
      .strict(),
    doc: 'Makes a report of the graph as of a valid time and stores it (data, inputs, as-of, plugin versions).',
  },
  'reports.list': {
    input: z
      .object({
        org: OrgCode,
        type: ReportTypeSchema.optional(),
        limit: z.number().int().min(1).max(500).default(50),
        offset: z.number().int().min(0).max(1_000_000).default(0),
      })
      .strict(),
    doc: 'Stored reports, newest first, without their data, with finding counts per severity.',
  },
  'reports.get': {
    input: z.object({ org: OrgCode, id: ReportId }).strict(),
    doc: 'One stored report, exactly as it was made.',
  },
  'reports.delete': {
    input: z.object({ org: OrgCode, id: ReportId }).strict(),
    doc: 'Deletes a stored report.',
  },
  'reports.regenerate': {
    input: z
      .object({ org: OrgCode, id: ReportId, store: z.boolean().default(false).describe('store the regenerated report as a new one') })
      .strict(),
    doc: 'Makes the report again from the same inputs and as-of time; identical tells whether the data is the same.',
  },
  'reports.changes': {
    input: z.object({ org: OrgCode, id: ReportId }).strict(),
    doc: 'Findings new, fixed and still open since the previous report of the same type and inputs.',
  },
  'reports.exportData': {
    input: z.object({ org: OrgCode, id: ReportId, format: z.enum(['json', 'csv']) }).strict(),
    doc: "A report's data as JSON, or its tables as CSV (one block per table, each under a header line).",
  },
  'reports.pdf': {
    input: z.object({ org: OrgCode, id: ReportId }).strict(),
    doc: 'A report printed to PDF by Chromium (base64), with its file name and page count.',
  },
  'reports.recipes.list': {
    input: z.object({ org: OrgCode }).strict(),
    doc: 'Report recipes: reports made by themselves on a recurrence.',
  },
  'reports.recipes.save': {
    input: z
      .object({
        org: OrgCode,
        id: RecipeId.optional().describe('an existing recipe to change; absent: a new one'),
        ...RecipeFields,
        enabled: RecipeFields.enabled.default(true),
      })
      .strict(),
    doc: 'Adds or changes a report recipe (the RRULE is validated: BAD_REQUEST with details.field).',
  },
  'reports.recipes.delete': {
    input: z.object({ org: OrgCode, id: RecipeId }).strict(),
    doc: 'Removes a recipe; reports it made stay.',
  },
} as const;

export interface ExportedFile {
  fileName: string;
  mime: string;
  content: string;
}

export interface ReportPdf {
  fileName: string;
  base64: string;
  pages: number;
}

export interface ReportsResults {
  'reports.types': { types: ReportTypeInfo[] };
  'reports.check': { warnings: PluginWarning[]; objects: number };
  'reports.create': Report;
  'reports.list': { reports: ReportSummary[]; total: number };
  'reports.get': Report;
  'reports.delete': { deleted: true };
  'reports.regenerate': { report: Report; identical: boolean };
  'reports.changes': ReportChanges;
  'reports.exportData': ExportedFile;
  'reports.pdf': ReportPdf;
  'reports.recipes.list': { recipes: ReportRecipe[] };
  'reports.recipes.save': ReportRecipe;
  'reports.recipes.delete': { deleted: true };
}
