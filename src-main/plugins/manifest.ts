import { z } from 'zod';
import { isAppError } from '../common/errors';
import { hasType } from '../graph/model';
import { parsePath } from '../graph/query/path-parser';
import { JsonSchemaNode, checkSchema, type JsonSchema, type SchemaIssue } from './json-schema';

/**
 * Plugin manifests (plugins/boefjes/<id>/manifest.json, plugins/normalizers/<id>/manifest.json),
 * validated at load. Every problem is reported with the field it is about.
 */
export const PLUGIN_ID = /^[a-z0-9][a-z0-9_-]{0,63}$/;
/** type/subtype, e.g. boefje/dns-records, application/json, text/html */
export const MIME_TYPE = /^[a-z0-9][a-z0-9.+_-]*\/[a-z0-9][a-z0-9.+_-]*$/i;

const Id = z.string().regex(PLUGIN_ID, 'lowercase letters, digits, "-" and "_" (at most 64)');
const Mime = z.string().max(200).regex(MIME_TYPE, 'a mime type like "boefje/nmap" or "application/json"');
const Text = (max: number) => z.string().trim().min(1).max(max);
const Version = z.string().regex(/^\d+\.\d+(\.\d+)?([-+][0-9A-Za-z.-]+)?$/, 'a version like 1.0.0');
/** A path inside the plugin's folder: relative, no "..", no backslashes. */
const RelativePath = z
  .string()
  .min(1)
  .max(300)
  .refine((p) => !p.startsWith('/') && !p.includes('\\') && !p.split('/').includes('..'), 'a relative path inside the plugin folder');

/** Inputs per container of a multiInput boefje whose manifest does not say. */
export const DEFAULT_MAX_INPUTS = 256;

const SettingsSchema = JsonSchemaNode.refine((s) => s.type === 'object', 'the settings schema must be of type "object"');

export const BoefjeManifest = z
  .object({
    id: Id,
    name: Text(100),
    description: Text(2000),
    version: Version,
    kind: z.literal('boefje'),
    scan_level: z.number().int().min(0).max(4),
    consumes: z.array(z.string().min(1).max(100)).min(1).max(50),
    produces: z.array(Mime).min(1).max(20),
    settings: SettingsSchema.default({ type: 'object', properties: {} }),
    image: z
      .object({
        context: RelativePath.default('.'),
        containerfile: RelativePath.default('Containerfile'),
        args: z.record(z.string().regex(/^[A-Z][A-Z0-9_]*$/, 'UPPER_SNAKE build argument names'), z.string().max(500)).default({}),
      })
      .strict(),
    arguments: z.array(z.string().max(1000)).min(1).max(100),
    capabilities: z
      .array(z.string().regex(/^[A-Z][A-Z_]*$/, 'a Linux capability name without CAP_, e.g. NET_RAW'))
      .max(10)
      .default([]),
    limits: z
      .object({
        memoryMb: z.number().int().min(16).max(16_384).default(512),
        cpus: z.number().min(0.1).max(16).default(1),
        pids: z.number().int().min(8).max(4096).default(128),
        timeoutSeconds: z.number().int().min(1).max(86_400).default(300),
      })
      .strict()
      .default({ memoryMb: 512, cpus: 1, pids: 128, timeoutSeconds: 300 }),
    /** one container for many inputs of this boefje (runner/boefje-input.ts: the batch format) */
    multiInput: z.boolean().default(false),
    /** with multiInput: at most this many inputs per container */
    maxInputs: z.number().int().min(1).max(4096).optional(),
  })
  .strict()
  .transform((m) => ({ ...m, maxInputs: m.maxInputs ?? (m.multiInput ? DEFAULT_MAX_INPUTS : 1) }));

export const NormalizerManifest = z
  .object({
    id: Id,
    name: Text(100),
    description: Text(2000),
    version: Version,
    kind: z.literal('normalizer'),
    consumes: z.array(Mime).min(1).max(20),
    produces: z.array(z.string().min(1).max(100)).min(1).max(100),
  })
  .strict();

/**
 * A bit (inference rule), see src-main/bits/types.ts. Parameter and config paths are relation
 * paths that start at the consumed type; they are parsed at load, so a broken path is a broken plugin.
 */
export const BitManifest = z
  .object({
    id: Id,
    name: Text(100),
    description: Text(2000),
    version: Version,
    kind: z.literal('bit'),
    consumes: z.string().min(1).max(100),
    parameters: z
      .array(
        z
          .object({
            name: z.string().regex(/^[a-z][a-z0-9_]{0,39}$/, 'lowercase letters, digits and "_", starting with a letter'),
            path: z.string().min(1).max(500),
          })
          .strict(),
      )
      .max(12)
      .default([]),
    scan_level: z.number().int().min(0).max(4),
    default_enabled: z.boolean().default(true),
    rerun_hours: z
      .number()
      .int()
      .min(1)
      .max(8760)
      .optional()
      .describe('for bits whose result depends on time (an expiry): re-run over every source this often'),
    config: z
      .object({
        path: z.string().min(1).max(500).describe('relation path from the consumed object to the object a Config is attached to'),
        schema: SettingsSchema,
      })
      .strict()
      .optional(),
    produces: z.array(z.string().min(1).max(100)).min(1).max(50),
  })
  .strict();

export type BoefjeManifest = z.output<typeof BoefjeManifest>;
export type NormalizerManifest = z.output<typeof NormalizerManifest>;
export type BitManifest = z.output<typeof BitManifest>;
export type PluginManifest = BoefjeManifest | NormalizerManifest | BitManifest;
export type PluginKind = PluginManifest['kind'];

export type ManifestCheck = { ok: true; manifest: PluginManifest } | { ok: false; issues: SchemaIssue[] };

/**
 * Validates a parsed manifest.json of the given kind: shape, then the OOI type names against the
 * model registry (abstract types allowed) and the settings schema's own consistency.
 */
export function checkManifest(kind: PluginKind, raw: unknown, folderName: string): ManifestCheck {
  const schema = kind === 'boefje' ? BoefjeManifest : kind === 'normalizer' ? NormalizerManifest : BitManifest;
  if (typeof raw === 'object' && raw !== null && 'kind' in raw && (raw as { kind: unknown }).kind !== kind) {
    return { ok: false, issues: [{ field: 'kind', message: `must be "${kind}" for a plugin under ${kind}s/` }] };
  }
  const parsed = schema.safeParse(raw);
  if (!parsed.success) {
    return { ok: false, issues: parsed.error.issues.map((i) => ({ field: i.path.join('.'), message: zodMessage(i.message) })) };
  }
  const m = parsed.data;
  const issues: SchemaIssue[] = [];
  if (m.id !== folderName) issues.push({ field: 'id', message: `must equal the folder name "${folderName}"` });
  if (m.kind === 'bit') {
    checkBit(m, issues);
    return issues.length ? { ok: false, issues } : { ok: true, manifest: m };
  }
  const typeField = m.kind === 'boefje' ? 'consumes' : 'produces';
  const typeNames = m.kind === 'boefje' ? m.consumes : m.produces;
  typeNames.forEach((t, i) => {
    if (!hasType(t)) issues.push({ field: `${typeField}.${i}`, message: `"${t}" is not an object type` });
  });
  if (m.kind === 'boefje') {
    const given = (raw as { maxInputs?: unknown }).maxInputs;
    if (given !== undefined && given !== 1 && !m.multiInput) issues.push({ field: 'maxInputs', message: 'needs "multiInput": true (a single-input boefje takes one input per run)' });
    for (const i of checkSchema(m.settings as JsonSchema)) issues.push({ field: i.field ? `settings.${i.field}` : 'settings', message: i.message });
  }
  return issues.length ? { ok: false, issues } : { ok: true, manifest: m };
}

function checkBit(m: BitManifest, issues: SchemaIssue[]): void {
  if (!hasType(m.consumes)) issues.push({ field: 'consumes', message: `"${m.consumes}" is not an object type` });
  m.produces.forEach((t, i) => {
    if (!hasType(t)) issues.push({ field: `produces.${i}`, message: `"${t}" is not an object type` });
  });
  const names = new Set<string>();
  const checkPath = (field: string, path: string): void => {
    if (!path.startsWith(m.consumes + '.')) {
      issues.push({ field, message: `must start at the consumed type ("${m.consumes}.")` });
      return;
    }
    try {
      const plan = parsePath(path);
      if (plan.result !== 'object') issues.push({ field, message: 'must end at objects, not at an attribute' });
    } catch (e) {
      issues.push({ field, message: isAppError(e) ? `${e.message} (column ${String(e.details?.column ?? '?')})` : String(e) });
    }
  };
  m.parameters.forEach((p, i) => {
    if (names.has(p.name)) issues.push({ field: `parameters.${i}.name`, message: `"${p.name}" is used twice` });
    names.add(p.name);
    checkPath(`parameters.${i}.path`, p.path);
  });
  if (m.config) {
    checkPath('config.path', m.config.path);
    for (const i of checkSchema(m.config.schema as JsonSchema)) issues.push({ field: i.field ? `config.schema.${i.field}` : 'config.schema', message: i.message });
  }
}

/** "Invalid input: expected string, received undefined" -> "is required"; otherwise lower-cased. */
function zodMessage(m: string): string {
  if (/received undefined$/.test(m)) return 'is required';
  return m.charAt(0).toLowerCase() + m.slice(1);
}
