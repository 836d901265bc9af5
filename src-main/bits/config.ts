/**
 * Per-object configuration of bits (OpenKAT's Question -> Config): a bit whose manifest has a
 * `config` (a relation path and a JSON schema) reads the newest Config for it on the object that
 * path reaches from its source, usually the Network. Answering here declares two objects in one
 * transaction:
 *   - Question{schema_id: "/bit/<id>", ooi, json_schema}: what was asked, on which object;
 *   - Config{ooi, bit_id, config}: the answer, validated against the manifest's schema.
 * The write emits objects.changed with the Config's key, and the bit engine re-runs that bit on
 * all its sources before the call returns (see engine.ts, afterChange). Resetting deletes both
 * objects, which re-runs the bit with the defaults.
 *
 * Only values that differ from "absent" are stored: a value left out (or null) takes the
 * schema's default at run time, so a later change of a default reaches every network that did
 * not choose otherwise.
 */
import { AppError } from '../common/errors';
import type { Database } from '../db/database';
import type { BitConfigView, ConfigurableBit } from '../api/contracts/bits';
import type { GraphService } from '../core/graph-service';
import { normalizeObject, typeOfPk } from '../graph/model';
import type { PluginCatalogue } from '../plugins/catalogue';
import { validate, withDefaults, type JsonSchema } from '../plugins/json-schema';
import type { BitManifest } from '../plugins/manifest';
import { compileBitPath } from './paths';

/** The declaration method of answers given through bits.config.set. */
export const CONFIG_METHOD = 'bit-config';

export const questionSchemaId = (bitId: string): string => `/bit/${bitId}`;

export interface BitConfigDeps {
  db: Database;
  graph: GraphService;
  plugins: PluginCatalogue;
}

interface Holder {
  m: BitManifest & { config: NonNullable<BitManifest['config']> };
  holderTypes: string[];
  schema: JsonSchema;
  defaults: Record<string, unknown>;
}

export class BitConfigs {
  constructor(private readonly d: BitConfigDeps) {}

  /** Every bit that takes a configuration (or the one asked for, with a coded error if it takes none). */
  async configurable(org: string, bitId?: string): Promise<ConfigurableBit[]> {
    const ids = bitId ? [this.holder(bitId).m.id] : this.d.plugins.all().filter((p) => p.manifest?.kind === 'bit' && p.manifest.config).map((p) => p.id);
    const out: ConfigurableBit[] = [];
    for (const id of ids.sort()) {
      const h = this.holder(id);
      out.push({
        id,
        name: h.m.name,
        description: h.m.description,
        enabled: await this.d.plugins.isEnabled(org, id),
        path: h.m.config.path,
        holderTypes: h.holderTypes,
        schema: h.schema as unknown as Record<string, unknown>,
        defaults: h.defaults,
      });
    }
    return out;
  }

  /** The saved configurations of the given bits, by bit id, ordered by object key. */
  async saved(org: string, bitIds: readonly string[]): Promise<Map<string, BitConfigView[]>> {
    const out = new Map<string, BitConfigView[]>(bitIds.map((id) => [id, []]));
    if (bitIds.length === 0) return out;
    const res = await this.d.db.query<{ pk: string; data: { ooi: string; bit_id: string; config: unknown }; valid_from: Date }>(
      `SELECT pk, data, valid_from FROM objects WHERE org = $1 AND type = 'Config' AND data->>'bit_id' = ANY($2::text[]) ORDER BY data->>'ooi', pk`,
      [org, [...bitIds]],
    );
    for (const r of res.rows) {
      const h = this.holder(r.data.bit_id);
      out.get(r.data.bit_id)!.push(view(h, r.data.ooi, r.pk, asObject(r.data.config), r.valid_from));
    }
    return out;
  }

  async get(org: string, bitId: string, ooi: string): Promise<BitConfigView> {
    const h = this.holder(bitId);
    await this.checkHolder(org, h, ooi);
    const configPk = configOf(bitId, ooi).pk;
    const res = await this.d.db.query<{ config: unknown; valid_from: Date }>(`SELECT data->'config' AS config, valid_from FROM objects WHERE org = $1 AND pk = $2`, [org, configPk]);
    const r = res.rows[0];
    return view(h, ooi, configPk, r ? asObject(r.config) : null, r?.valid_from ?? null);
  }

  /** Validates and saves; on any problem throws PLUGIN_SETTINGS_INVALID naming the field, and writes nothing. */
  async set(org: string, bitId: string, ooi: string, input: Record<string, unknown>): Promise<BitConfigView> {
    const h = this.holder(bitId);
    await this.checkHolder(org, h, ooi);
    const config: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(input)) if (v !== null) config[k] = v;
    const issues = validate(h.schema, config);
    if (issues.length) {
      const first = issues[0]!;
      throw new AppError('PLUGIN_SETTINGS_INVALID', `Setting "${first.field}" of ${bitId} ${first.message}`, { id: bitId, field: first.field, issues });
    }
    const question = normalizeObject('Question', {
      schema_id: questionSchemaId(bitId),
      ooi,
      json_schema: JSON.stringify({ $id: questionSchemaId(bitId), ...h.schema }),
    });
    const answer = configOf(bitId, ooi, config);
    await this.d.graph.saveOrigins(org, [
      { kind: 'declaration', method: CONFIG_METHOD, source: question.pk, results: [question] },
      { kind: 'declaration', method: CONFIG_METHOD, source: answer.pk, results: [answer] },
    ]);
    return this.get(org, bitId, ooi);
  }

  /** Deletes the saved configuration (Config and Question); `removed` says whether there was one. */
  async reset(org: string, bitId: string, ooi: string): Promise<BitConfigView & { removed: boolean }> {
    const h = this.holder(bitId);
    await this.checkHolder(org, h, ooi);
    const pks = [configOf(bitId, ooi).pk, questionOf(bitId, ooi).pk];
    const found = await this.d.db.query<{ pk: string }>(`SELECT pk FROM objects WHERE org = $1 AND pk = ANY($2::text[])`, [org, pks]);
    if (found.rows.length) await this.d.graph.deleteObjects(org, found.rows.map((r) => r.pk));
    return { ...(await this.get(org, bitId, ooi)), removed: found.rows.length > 0 };
  }

  /**
   * A Config declared directly (objects.declare, an import) is held to its bit's schema as
   * bits.config.set is: otherwise the bit would fail on every source it configures.
   */
  checkDeclared(ooi: { type: string; data: Record<string, unknown> }): void {
    if (ooi.type !== 'Config' || typeof ooi.data.bit_id !== 'string') return;
    const m = this.d.plugins.find(ooi.data.bit_id)?.manifest;
    if (m?.kind !== 'bit' || !m.config) return;
    const config = asObject(ooi.data.config);
    const issues = config ? validate(m.config.schema as JsonSchema, config) : [{ field: 'config', message: 'must be an object' }];
    if (issues.length) {
      const first = issues[0]!;
      throw new AppError('PLUGIN_SETTINGS_INVALID', `Setting "${first.field}" of ${m.id} ${first.message}`, { id: m.id, field: first.field, issues });
    }
  }

  private holder(bitId: string): Holder {
    const m = this.d.plugins.manifestOf(bitId);
    if (m.kind !== 'bit') throw new AppError('BAD_REQUEST', `"${bitId}" is a ${m.kind}, not a bit`, { field: 'bitId', id: bitId });
    if (!m.config) throw new AppError('BAD_REQUEST', `The bit "${bitId}" takes no configuration`, { field: 'bitId', id: bitId });
    const schema = m.config.schema as JsonSchema;
    return {
      m: m as Holder['m'],
      holderTypes: [...compileBitPath(m.config.path).endTypes].sort(),
      schema,
      defaults: (withDefaults(schema, {}) ?? {}) as Record<string, unknown>,
    };
  }

  private async checkHolder(org: string, h: Holder, ooi: string): Promise<void> {
    const type = typeOfPk(ooi);
    if (!h.holderTypes.includes(type)) {
      throw new AppError('BAD_REQUEST', `${h.m.id} is configured on ${h.holderTypes.join(' or ')} objects, not on a ${type}`, { field: 'ooi', holderTypes: h.holderTypes });
    }
    const res = await this.d.db.query(`SELECT 1 FROM objects WHERE org = $1 AND pk = $2`, [org, ooi]);
    if (res.rows.length === 0) throw new AppError('NOT_FOUND', `No object ${ooi} in "${org}"`, { field: 'ooi', pk: ooi });
  }
}

function configOf(bitId: string, ooi: string, config: Record<string, unknown> = {}) {
  return normalizeObject('Config', { ooi, bit_id: bitId, config });
}

function questionOf(bitId: string, ooi: string) {
  return normalizeObject('Question', { schema_id: questionSchemaId(bitId), ooi, json_schema: '{}' });
}

function asObject(v: unknown): Record<string, unknown> | null {
  return v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : null;
}

function view(h: Holder, ooi: string, configPk: string, saved: Record<string, unknown> | null, at: Date | null): BitConfigView {
  return {
    bitId: h.m.id,
    ooi,
    configPk,
    saved,
    // the same shallow overlay the engine runs with
    effective: { ...h.defaults, ...(saved ?? {}) },
    defaults: h.defaults,
    schema: h.schema as unknown as Record<string, unknown>,
    updatedAt: at ? new Date(at).toISOString() : null,
  };
}
