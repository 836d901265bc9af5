import { z } from 'zod';
import { AsOf, ObjectInput, OrgCode, OriginKind, Pk, Timestamp, TypeName } from '../schemas';
import type * as T from '../types';

/** System, organisations, types, objects, origins, history and queries. */
export const graphContract = {
  'system.listApi': { input: z.object({}).strict(), doc: 'Every method with its request schema (JSON Schema).' },
  'system.multicall': {
    input: z
      .object({ calls: z.array(z.object({ method: z.string(), params: z.unknown() }).strict()).max(200) })
      .strict(),
    doc: 'Runs a batch of calls in one round trip; each result is { ok, result } or { ok: false, error }.',
  },
  'system.info': { input: z.object({}).strict(), doc: 'Version, database location and host kind.' },

  'orgs.list': { input: z.object({}).strict(), doc: 'All organisations with object counts.' },
  'orgs.create': {
    input: z
      .object({
        code: OrgCode,
        name: z.string().trim().min(1).max(200),
        schedules: z.enum(['default', 'none']).default('default').describe("'default': the default schedules (three that scan by themselves, one that has new raw files read by the normalizers); 'none': manual scans only (new raw files are still read by every enabled normalizer)"),
      })
      .strict(),
    doc: 'Creates an organisation; the code is its permanent identifier.',
  },
  'orgs.rename': { input: z.object({ code: OrgCode, name: z.string().trim().min(1).max(200) }).strict(), doc: 'Renames.' },
  'orgs.delete': {
    input: z.object({ code: OrgCode, confirm: z.string() }).strict(),
    doc: 'Deletes an organisation and everything in it; `confirm` must repeat the code.',
  },

  'types.list': { input: z.object({}).strict(), doc: 'The OOI type registry, for forms and filters.' },

  'objects.list': {
    input: z
      .object({
        org: OrgCode,
        types: z.array(TypeName).max(100).optional().describe('abstract types include their subtypes'),
        search: z.string().max(200).optional(),
        sort: z.enum(['pk', 'type', 'changed']).default('pk'),
        desc: z.boolean().default(false),
        offset: z.number().int().min(0).max(10_000_000).default(0),
        limit: z.number().int().min(1).max(1000).default(50),
        asOf: AsOf.optional(),
      })
      .strict(),
    doc: 'A page of objects with their origin kinds and last change.',
  },
  'objects.get': {
    input: z.object({ org: OrgCode, pk: Pk, asOf: AsOf.optional() }).strict(),
    doc: 'One object with its references both ways and its origins.',
  },
  'objects.declare': {
    input: z
      .object({
        org: OrgCode,
        object: ObjectInput.optional(),
        pk: Pk.optional().describe('alternatively, the primary key alone (key attributes only)'),
        method: z.string().min(1).max(100).default('manual'),
        validTime: Timestamp.optional(),
      })
      .strict()
      .refine((v) => (v.object === undefined) !== (v.pk === undefined), { message: 'give exactly one of object or pk' }),
    doc: 'Declares an object (a declaration origin). Referenced objects derivable from keys are created too.',
  },
  'objects.delete': {
    input: z.object({ org: OrgCode, pk: Pk, dryRun: z.boolean().default(false) }).strict(),
    doc: 'Deletes an object and everything that depended on it; with dryRun, only reports what would go.',
  },
  'objects.history': { input: z.object({ org: OrgCode, pk: Pk }).strict(), doc: 'Every version of an object with the origin behind it.' },
  'objects.diff': {
    input: z.object({ org: OrgCode, pk: Pk.optional(), from: AsOf, to: AsOf }).strict(),
    doc: 'What changed between two times: for one object its attributes, otherwise the organisation.',
  },
  'objects.importCsv': {
    input: z
      .object({
        org: OrgCode,
        csv: z.string().max(20_000_000),
        network: z.string().min(1).max(100).default('internet'),
        dryRun: z.boolean().default(false),
      })
      .strict(),
    doc: 'Declares hostnames, IPs, URLs and networks from CSV (one per line, or with a type column); reports per row.',
  },

  'origins.list': {
    input: z
      .object({
        org: OrgCode,
        source: Pk.optional(),
        result: Pk.optional(),
        method: z.string().max(200).optional(),
        kind: OriginKind.optional(),
        taskId: z.string().max(200).optional(),
        limit: z.number().int().min(1).max(1000).default(200),
      })
      .strict(),
    doc: 'Origins filtered by source, result, method, kind or task ("who created this").',
  },
  'origins.save': {
    input: z
      .object({
        org: OrgCode,
        kind: OriginKind,
        method: z.string().min(1).max(200),
        source: Pk,
        sourceMethod: z.string().min(1).max(200).optional(),
        taskId: z.string().max(200).optional(),
        results: z.array(ObjectInput).max(100_000),
        parameters: z.array(Pk).max(1000).optional(),
        validTime: Timestamp.optional(),
      })
      .strict(),
    doc: 'Saves an origin with its full result set, replacing the previous one (observations, inferences, affirmations).',
  },

  'query.path': {
    input: z
      .object({ org: OrgCode, path: z.string().min(1).max(1000), sources: z.array(Pk).min(1).max(10_000), asOf: AsOf.optional() })
      .strict(),
    doc: 'Runs a path expression (e.g. Hostname.<hostname[is DNSARecord].address) from sources; (source, result) pairs.',
  },
  'query.tree': {
    input: z
      .object({ org: OrgCode, pk: Pk, depth: z.number().int().min(1).max(10).default(2), types: z.array(TypeName).max(100).optional() })
      .strict(),
    doc: 'The tree around an object, both directions, not walking back, not expanding non-traversable types.',
  },
  'query.validatePath': { input: z.object({ path: z.string().max(1000) }).strict(), doc: 'Parses a path expression; errors point at the column.' },
} as const;

export interface GraphResults {

  'system.listApi': T.ApiDescription[];
  'system.multicall': T.MulticallResult[];
  'system.info': T.SystemInfo;
  'orgs.list': T.Organisation[];
  'orgs.create': T.Organisation;
  'orgs.rename': T.Organisation;
  'orgs.delete': { deleted: string; objects: number };
  'types.list': T.TypeDescription[];
  'objects.list': T.ObjectPage;
  'objects.get': T.ObjectDetail;
  'objects.declare': T.MutationResult;
  'objects.delete': T.MutationResult;
  'objects.history': T.ObjectVersion[];
  'objects.diff': T.Diff;
  'objects.importCsv': T.CsvImportResult;
  'origins.list': T.OriginInfo[];
  'origins.save': T.MutationResult;
  'query.path': T.PathPair[];
  'query.tree': T.TreeNode;
  'query.validatePath': T.PathValidation;
}
