/**
 * The bit contract. A bit is an inference rule: a pure function (no I/O, no database, no clock of
 * its own) from one source object, the objects its parameters reach and its configuration, to the
 * objects it infers. The engine (src-main/bits/engine.ts) saves them as ONE inference origin
 * (kind 'inference', method = bit id, source = the source object, parameters = every parameter
 * object it read). Each run replaces the previous result set, so what is no longer inferred
 * disappears through the normal deletion propagation.
 *
 * Bits live in plugins/bits/<id>/bit.ts beside their manifest.json and are registered in
 * src-main/bits/registry.ts. Unit tests live in test/unit/bits/<id>.test.ts and use plain objects.
 *
 * Manifest (plugins/bits/<id>/manifest.json, validated by src-main/plugins/manifest.ts):
 *   id, name, description, version, kind: "bit",
 *   consumes: one object type (abstract allowed, e.g. "IPAddress"),
 *   parameters: [{ name, path }] where path is a relation path from the consumed type, e.g.
 *     "Hostname.<hostname[is DNSARecord]" (see src-main/graph/query/path-parser.ts); the bit
 *     receives the objects at the end of each path under params[name],
 *   scan_level: the source's level must be at least this, otherwise the bit yields nothing,
 *   default_enabled: whether organisations have it on until a user says otherwise,
 *   config (optional): { path: relation path from the source to the object a Config is attached
 *     to (usually "<Type>.network"), defaults: {...}, schema: JSON schema for the Question form },
 *   produces: the object types the bit may return (checked on every run).
 */
import type { OOI } from '../graph/model';

export interface BitInput {
  /** the consumed object, references as primary keys */
  source: OOI;
  /** per manifest parameter name: the objects its path reaches from the source, sorted by pk */
  params: Readonly<Record<string, readonly OOI[]>>;
  /** the manifest's config defaults overlaid with the newest Config object's config (or just the defaults) */
  config: Readonly<Record<string, unknown>>;
  /** the engine's clock (fake in tests); the only notion of time a bit may use */
  now: Date;
}

/** Returns every object the inputs imply. Build objects with normalizeObject(type, data). */
export type BitFn = (input: BitInput) => OOI[];

/** Helper for bits: the finding `findingTypeId` on `ooi`, plus its finding type object. */
export interface FindingSpec {
  ooi: string;
  findingTypeId: string;
  description?: string;
  proof?: string;
}
