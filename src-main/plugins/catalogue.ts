import type { Clock } from '../common/clock';
import { AppError } from '../common/errors';
import type { Logger } from '../common/logger';
import type { Database, Queryable } from '../db/database';
import type { PluginDetail, PluginSummary } from '../api/contracts/plugins';
import type { KatEvent } from '../api/types';
import { secretKeys, validate, withDefaults, type JsonSchema } from './json-schema';
import { loadPlugins, type LoadedPlugin } from './loader';
import type { PluginKind, PluginManifest } from './manifest';
import * as repo from './repository';
import { maskSecret, type SecretBox } from './secrets';

export interface CatalogueFilter {
  kind?: PluginKind;
  enabled?: boolean;
  search?: string;
}

/** Records an event in the caller's transaction; it is dispatched after commit. */
export type RecordEvent = (q: Queryable, event: KatEvent) => Promise<void>;

export interface CatalogueDeps {
  db: Database;
  clock: Clock;
  secrets: SecretBox;
  log: Logger;
  recordEvent: RecordEvent;
  /** called after a committed change, to dispatch the recorded events */
  afterCommit: () => Promise<void>;
}

/**
 * The KATalogus: plugins loaded from a folder, with per-organisation enablement and settings.
 * Boefjes default off, normalizers on. Secret settings are encrypted at rest and never returned.
 */
export class PluginCatalogue {
  private plugins: LoadedPlugin[] = [];
  private byId = new Map<string, LoadedPlugin>();

  constructor(
    readonly dir: string,
    private readonly d: CatalogueDeps,
  ) {
    this.reload();
  }

  /** Reads the plugins folder again (a broken manifest makes a broken entry, never an exception). */
  reload(): void {
    this.plugins = loadPlugins(this.dir);
    this.byId = new Map(this.plugins.map((p) => [p.id, p]));
    for (const p of this.plugins) {
      if (p.errors.length) this.d.log.warn('broken plugin', { plugin: p.id, file: p.file, errors: p.errors.map((e) => e.message) });
    }
  }

  all(): readonly LoadedPlugin[] {
    return this.plugins;
  }

  find(id: string): LoadedPlugin | undefined {
    return this.byId.get(id);
  }

  require(id: string): LoadedPlugin {
    const p = this.byId.get(id);
    if (!p) throw new AppError('PLUGIN_NOT_FOUND', `No plugin "${id}" in the catalogue`, { id });
    return p;
  }

  /** The valid manifest of a plugin, or PLUGIN_BROKEN with its errors. */
  manifestOf(id: string): PluginManifest {
    const p = this.require(id);
    if (!p.manifest) {
      throw new AppError('PLUGIN_BROKEN', `Plugin "${id}" has an invalid manifest: ${p.errors[0]?.message ?? 'unknown error'}`, {
        id,
        errors: p.errors,
      });
    }
    return p.manifest;
  }

  async list(org: string, filter: CatalogueFilter = {}): Promise<PluginSummary[]> {
    const enabled = await repo.enabledMap(this.d.db, org);
    const stored = await repo.pluginsWithSettings(this.d.db, org);
    const needle = filter.search?.trim().toLowerCase();
    const out: PluginSummary[] = [];
    for (const p of this.plugins) {
      if (filter.kind && p.kind !== filter.kind) continue;
      const s = this.summary(org, p, enabled.get(p.id), stored.get(p.id) ?? null);
      if (filter.enabled !== undefined && s.enabled !== filter.enabled) continue;
      if (needle && !haystack(s).includes(needle)) continue;
      out.push(s);
    }
    return out;
  }

  async get(org: string, id: string): Promise<PluginDetail> {
    const p = this.require(id);
    const enabled = (await repo.enabledMap(this.d.db, org)).get(id);
    const stored = await repo.getSettings(this.d.db, org, id);
    const summary = this.summary(org, p, enabled, stored);
    const schema = settingsSchemaOf(p);
    const secrets = stored ? this.openSecrets(org, id, stored.secrets) : {};
    const settings: Record<string, unknown> = { ...(stored?.settings ?? {}) };
    for (const [k, v] of Object.entries(secrets)) settings[k] = maskSecret(v);
    return {
      ...summary,
      manifest: p.manifest ? (p.manifest as unknown as Record<string, unknown>) : null,
      settingsSchema: schema ? (schema as unknown as Record<string, unknown>) : null,
      settings,
      secretsSet: Object.keys(secrets).sort(),
      settingsUpdatedAt: stored?.updatedAt ?? null,
      intervalMinutes: null,
    };
  }

  async isEnabled(org: string, id: string): Promise<boolean> {
    const p = this.byId.get(id);
    if (!p?.manifest) return false;
    return (await repo.enabledMap(this.d.db, org)).get(id) ?? enabledByDefault(p);
  }

  /** Valid plugins enabled for the organisation (for the scheduler and the runner). */
  async enabledPlugins(org: string, kind?: PluginKind): Promise<PluginManifest[]> {
    const enabled = await repo.enabledMap(this.d.db, org);
    return this.plugins
      .filter((p) => p.manifest && (!kind || p.kind === kind) && (enabled.get(p.id) ?? enabledByDefault(p)))
      .map((p) => p.manifest!);
  }

  async setEnabled(org: string, id: string, on: boolean): Promise<PluginSummary> {
    const p = this.require(id);
    if (on) this.manifestOf(id);
    if (on) {
      const missing = await this.missingSettings(org, p);
      if (missing.length) {
        throw new AppError('PLUGIN_SETTINGS_INVALID', `Set "${missing[0]}" for ${p.id} before enabling it`, { id, field: missing[0], missing });
      }
    }
    await this.d.db.transaction(async (tx) => {
      await repo.setEnabled(tx, org, id, on, this.d.clock.now());
      await this.d.recordEvent(tx, { topic: 'plugins.changed', org, pluginId: id, change: on ? 'enabled' : 'disabled' });
    });
    await this.d.afterCommit();
    return this.summary(org, p, on, await repo.getSettings(this.d.db, org, id));
  }

  /**
   * Replaces an organisation's settings of a boefje. A secret property left out or given as ""
   * keeps its stored value; null clears it. Errors name the field and never echo a secret.
   */
  async setSettings(org: string, id: string, input: Record<string, unknown>): Promise<PluginDetail> {
    const m = this.manifestOf(id);
    if (m.kind !== 'boefje') throw new AppError('BAD_REQUEST', `Normalizer "${id}" has no settings`, { id, field: 'settings' });
    const schema = m.settings as JsonSchema;
    const secretNames = new Set(secretKeys(schema));
    const stored = await repo.getSettings(this.d.db, org, id);
    const secrets: Record<string, string> = stored ? this.openSecrets(org, id, stored.secrets) : {};
    const plain: Record<string, unknown> = {};
    const issues: { field: string; message: string }[] = [];
    for (const [k, v] of Object.entries(input)) {
      if (!schema.properties?.[k]) issues.push({ field: k, message: 'is not a known setting' });
      else if (secretNames.has(k)) {
        if (v === null) delete secrets[k];
        else if (typeof v !== 'string') issues.push({ field: k, message: 'must be a string' });
        else if (v !== '') secrets[k] = v;
      } else if (v !== null) plain[k] = v;
    }
    if (!issues.length) issues.push(...validate(schema, { ...plain, ...secrets }));
    if (issues.length) {
      const first = issues[0]!;
      throw new AppError('PLUGIN_SETTINGS_INVALID', `Setting "${first.field}" ${first.message}`, { id, field: first.field, issues });
    }
    const sealed = Object.keys(secrets).length ? this.d.secrets.encrypt(JSON.stringify(secrets), aad(org, id)) : null;
    await this.d.db.transaction(async (tx) => {
      await repo.putSettings(tx, org, id, plain, sealed, this.d.clock.now());
      await this.d.recordEvent(tx, { topic: 'plugins.changed', org, pluginId: id, change: 'settings' });
    });
    await this.d.afterCommit();
    return this.get(org, id);
  }

  /**
   * The settings a boefje runs with: stored values, decrypted secrets and schema defaults.
   * For the runner only; never return this through the API or log it.
   */
  async effectiveSettings(org: string, id: string): Promise<Record<string, unknown>> {
    const m = this.manifestOf(id);
    if (m.kind !== 'boefje') return {};
    const stored = await repo.getSettings(this.d.db, org, id);
    const values = { ...(stored?.settings ?? {}), ...(stored ? this.openSecrets(org, id, stored.secrets, true) : {}) };
    return withDefaults(m.settings as JsonSchema, values) as Record<string, unknown>;
  }

  private summary(org: string, p: LoadedPlugin, enabled: boolean | undefined, stored: repo.StoredSettings | null): PluginSummary {
    const m = p.manifest;
    if (!m) {
      return {
        id: p.id,
        kind: p.kind,
        name: p.id,
        description: p.errors[0]?.message ?? 'broken',
        version: null,
        scanLevel: null,
        consumes: [],
        produces: [],
        enabled: false,
        broken: true,
        errors: p.errors,
        hasSettings: false,
        missingSettings: [],
      };
    }
    const schema = settingsSchemaOf(p);
    return {
      id: m.id,
      kind: m.kind,
      name: m.name,
      description: m.description,
      version: m.version,
      scanLevel: m.kind === 'normalizer' ? null : m.scan_level,
      consumes: m.kind === 'bit' ? [m.consumes] : [...m.consumes],
      produces: [...m.produces],
      enabled: enabled ?? enabledByDefault(p),
      broken: false,
      errors: [],
      hasSettings: Object.keys(schema?.properties ?? {}).length > 0,
      missingSettings: this.missingFrom(org, p, stored),
    };
  }

  private async missingSettings(org: string, p: LoadedPlugin): Promise<string[]> {
    return this.missingFrom(org, p, await repo.getSettings(this.d.db, org, p.id));
  }

  private missingFrom(org: string, p: LoadedPlugin, stored: repo.StoredSettings | null): string[] {
    const schema = settingsSchemaOf(p);
    if (!schema?.required?.length) return [];
    const have = { ...(stored?.settings ?? {}), ...(stored ? this.openSecrets(org, p.id, stored.secrets) : {}) };
    return schema.required.filter((k) => have[k] === undefined && schema.properties?.[k]?.default === undefined);
  }

  /** Decrypted secrets; an unreadable blob counts as "no secrets" (the user enters them again) unless strict. */
  private openSecrets(org: string, id: string, sealed: string | null, strict = false): Record<string, string> {
    if (!sealed) return {};
    try {
      return JSON.parse(this.d.secrets.decrypt(sealed, aad(org, id))) as Record<string, string>;
    } catch (e) {
      if (strict) throw e;
      this.d.log.warn('stored plugin secrets cannot be decrypted; they must be entered again', { org, plugin: id });
      return {};
    }
  }
}

function aad(org: string, id: string): string {
  return `plugin-settings|${org}|${id}`;
}

function settingsSchemaOf(p: LoadedPlugin): JsonSchema | null {
  return p.manifest?.kind === 'boefje' ? (p.manifest.settings as JsonSchema) : null;
}

function haystack(s: PluginSummary): string {
  return [s.id, s.name, s.description, ...s.consumes, ...s.produces].join('\n').toLowerCase();
}

/** Boefjes start disabled (they touch the network), normalizers enabled, bits as their manifest says. */
export function enabledByDefault(p: LoadedPlugin): boolean {
  if (p.kind === 'normalizer') return true;
  if (p.kind === 'bit') return p.manifest?.kind === 'bit' ? p.manifest.default_enabled : false;
  return false;
}
