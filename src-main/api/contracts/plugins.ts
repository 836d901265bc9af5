import { z } from 'zod';
import type { ErrorPayload } from '../../common/errors';
import { OrgCode, Pk } from '../schemas';

const PluginId = z.string().min(1).max(64);
const PluginKind = z.enum(['boefje', 'normalizer', 'bit']);
const MimeType = z
  .string()
  .max(200)
  .regex(/^[a-z0-9][a-z0-9.+_-]*\/[a-z0-9][a-z0-9.+_-]*$/i, 'a mime type like "boefje/nmap" or "application/json"');
const RawId = z.string().min(1).max(100);
/** 50 MiB of content, base64-encoded */
const MAX_UPLOAD_BASE64 = Math.ceil((50 * 1024 * 1024) / 3) * 4;

/** The plugin catalogue (boefjes, normalizers), per-organisation enablement and settings; raw files. */
export const pluginsContract = {
  'plugins.list': {
    input: z
      .object({
        org: OrgCode,
        kind: PluginKind.optional(),
        enabled: z.boolean().optional(),
        search: z.string().max(200).optional().describe('matches id, name, description, consumed and produced types'),
      })
      .strict(),
    doc: 'The catalogue for an organisation, broken plugins included with their errors.',
  },
  'plugins.get': {
    input: z.object({ org: OrgCode, id: PluginId }).strict(),
    doc: 'One plugin: manifest, enabled, settings schema and settings (secrets masked).',
  },
  'plugins.enable': {
    input: z.object({ org: OrgCode, id: PluginId, enabled: z.boolean() }).strict(),
    doc: 'Enables or disables a plugin for an organisation (boefjes start disabled, normalizers enabled).',
  },
  'plugins.settings.set': {
    input: z
      .object({
        org: OrgCode,
        id: PluginId,
        settings: z.record(z.string().max(100), z.json()).describe('replaces the settings; a secret left out or "" keeps its value, null clears it'),
      })
      .strict(),
    doc: "Sets a boefje's settings for an organisation, validated against its schema. Secrets are write-only.",
  },

  'raw.upload': {
    input: z
      .object({
        org: OrgCode,
        inputPk: Pk.optional().describe('the object the file is about, if any'),
        mimeTypes: z.array(MimeType).min(1).max(20),
        contentBase64: z.base64().max(MAX_UPLOAD_BASE64),
        fileName: z.string().trim().min(1).max(255),
      })
      .strict(),
    doc: 'Stores a file made elsewhere (e.g. nmap XML) as a raw file with the given mime types (at most 50 MiB).',
  },
  'raw.get': {
    input: z
      .object({
        org: OrgCode,
        id: RawId,
        as: z.enum(['text', 'base64']).default('text'),
        maxBytes: z.number().int().min(1).max(10 * 1024 * 1024).default(1024 * 1024),
      })
      .strict(),
    doc: 'A raw file and the first maxBytes of its content (truncated says whether there is more).',
  },
  'raw.list': {
    input: z
      .object({
        org: OrgCode,
        taskId: z.string().min(1).max(100).optional(),
        inputPk: Pk.optional(),
        offset: z.number().int().min(0).default(0),
        limit: z.number().int().min(1).max(1000).default(100),
      })
      .strict(),
    doc: 'Raw files of an organisation, newest first, optionally of one task or one input object.',
  },
} as const;

export interface PluginSummary {
  id: string;
  kind: 'boefje' | 'normalizer' | 'bit';
  name: string;
  description: string;
  version: string | null;
  /** the clearance level an object needs for this boefje; null for normalizers */
  scanLevel: number | null;
  /** boefje: OOI types; normalizer: mime types */
  consumes: string[];
  /** boefje: mime types; normalizer: OOI types */
  produces: string[];
  enabled: boolean;
  broken: boolean;
  /** why the plugin is broken (PLUGIN_MANIFEST_INVALID with details.file and details.field) */
  errors: ErrorPayload[];
  hasSettings: boolean;
  /** required settings that are not set for this organisation */
  missingSettings: string[];
}

export interface PluginDetail extends PluginSummary {
  /** the validated manifest (defaults filled in); null when broken */
  manifest: Record<string, unknown> | null;
  /** JSON Schema (subset) of the settings; properties with `secret: true` are write-only */
  settingsSchema: Record<string, unknown> | null;
  /** the organisation's settings; secret values appear masked ("••••1234" or "••••") */
  settings: Record<string, unknown>;
  /** names of the secret settings that have a value */
  secretsSet: string[];
  settingsUpdatedAt: string | null;
  /** boefjes: how often it may run on the same object, in minutes (null: the default 24 hours) */
  intervalMinutes: number | null;
}

export interface RawFileInfo {
  id: string;
  org: string;
  sha256: string;
  size: number;
  mimeTypes: string[];
  fileName: string | null;
  source: 'boefje' | 'upload';
  taskId: string | null;
  inputPk: string | null;
  pluginId: string | null;
  startedAt: string | null;
  endedAt: string | null;
  createdAt: string;
}

export interface RawPreview {
  file: RawFileInfo;
  as: 'text' | 'base64';
  content: string;
  /** the file is longer than what was returned */
  truncated: boolean;
  /** the returned bytes hold NUL bytes or invalid UTF-8: show hex rather than text */
  binary: boolean;
}

export interface PluginsResults {
  'plugins.list': PluginSummary[];
  'plugins.get': PluginDetail;
  'plugins.enable': PluginSummary;
  'plugins.settings.set': PluginDetail;
  'raw.upload': RawFileInfo;
  'raw.get': RawPreview;
  'raw.list': { items: RawFileInfo[]; total: number };
}
