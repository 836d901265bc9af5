/** Shared pieces for bit unit tests: plain objects in, checked objects out. */
import { readFileSync } from 'node:fs';
import { normalizeObject, type OOI } from '../../src-main/graph/model';
import { runBit } from '../../src-main/bits/run';
import { withDefaults, type JsonSchema } from '../../src-main/plugins/json-schema';
import { checkManifest, type BitManifest } from '../../src-main/plugins/manifest';

/** The validated manifest of plugins/bits/<id> (throws with the issues when invalid). */
export function bitManifest(id: string): BitManifest {
  const raw = JSON.parse(readFileSync(new URL(`../../plugins/bits/${id}/manifest.json`, import.meta.url), 'utf8'));
  const checked = checkManifest('bit', raw, id);
  if (!checked.ok) throw new Error(`${id}: ${JSON.stringify(checked.issues)}`);
  return checked.manifest as BitManifest;
}

/** An object of `type`, validated by the model (primary key computed). */
export const o = (type: string, data: Record<string, unknown>): OOI => normalizeObject(type, data);

/**
 * Runs bit `id` through the same boundary the engine uses (outputs re-validated against the model
 * and the manifest's produces). Missing parameters are empty lists; config defaults come from the
 * manifest's config schema, overlaid with `config`.
 */
export function bit(
  id: string,
  source: OOI,
  params: Record<string, OOI[]> = {},
  opts: { config?: Record<string, unknown>; now?: Date } = {},
): OOI[] {
  const m = bitManifest(id);
  const full: Record<string, OOI[]> = {};
  for (const p of m.parameters) full[p.name] = [...(params[p.name] ?? [])].sort((a, b) => (a.pk < b.pk ? -1 : 1));
  for (const k of Object.keys(params)) if (!(k in full)) throw new Error(`${id} has no parameter "${k}" (has ${m.parameters.map((p) => p.name).join(', ')})`);
  const defaults = m.config ? (withDefaults(m.config.schema as JsonSchema, {}) as Record<string, unknown>) : {};
  return runBit(m, { source, params: full, config: { ...defaults, ...(opts.config ?? {}) }, now: opts.now ?? new Date('2026-06-01T00:00:00Z') });
}

/** The primary keys of the findings' finding types among `out`, sorted: ['KAT-NO-HSTS', ...]. */
export function findingIds(out: OOI[]): string[] {
  return out
    .filter((x) => x.type === 'Finding')
    .map((x) => String(x.data.finding_type).split('|').slice(1).join('|'))
    .sort();
}
