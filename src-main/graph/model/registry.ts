/**
 * The registry of OOI types. Declarations (defs/) are resolved once at module load: inheritance is
 * flattened, references and keys are checked, and per-type lookups for the hot paths are built.
 */
import { AppError } from '../../common/errors.js';
import { certificateTypes } from './defs/certificate.js';
import { dnsTypes } from './defs/dns.js';
import type { TypeSpec } from './defs/dsl.js';
import { emailTypes } from './defs/email.js';
import { findingTypes } from './defs/findings.js';
import { miscTypes } from './defs/misc.js';
import { networkTypes } from './defs/network.js';
import { webTypes } from './defs/web.js';
import type { FieldDef, KeyPart, OOITypeDef } from './types.js';

export const ROOT_TYPE = 'OOI';

/** One key attribute, resolved to its field. */
export interface KeyStep {
  readonly field: FieldDef;
  readonly mode: KeyPart['mode'];
}

/** Everything precomputed about one type. */
export interface TypeInfo {
  readonly def: OOITypeDef;
  readonly fields: ReadonlyMap<string, FieldDef>;
  readonly keyPlan: readonly KeyStep[];
  /** key attribute name -> how it enters the key */
  readonly keyModes: ReadonlyMap<string, KeyPart['mode']>;
  /** required fields without a default */
  readonly required: readonly FieldDef[];
  /** per reference field: the concrete types it may point at */
  readonly allowedTargets: ReadonlyMap<string, ReadonlySet<string>>;
  readonly refFields: readonly FieldDef[];
  /** concrete types this type stands for, in registry order (itself when concrete) */
  readonly concrete: readonly string[];
  /** itself, its abstract ancestors and the root */
  readonly ancestors: ReadonlySet<string>;
  /** compiled `pattern` of string fields */
  readonly patterns: ReadonlyMap<string, RegExp>;
  /** fields with a `default` */
  readonly defaults: readonly FieldDef[];
}

const SPECS: TypeSpec[] = [
  {
    name: ROOT_TYPE,
    abstract: true,
    fields: [],
    description: 'Any object of interest; the root of all types.',
  },
  ...networkTypes,
  ...dnsTypes,
  ...emailTypes,
  ...webTypes,
  ...certificateTypes,
  ...miscTypes,
  ...findingTypes,
];

function fail(message: string): never {
  throw new Error(`OOI registry: ${message}`);
}

interface Resolved {
  spec: TypeSpec;
  fields: FieldDef[];
  key: KeyPart[];
  nonTraversable: boolean;
}

function resolveAll(specs: readonly TypeSpec[]): Map<string, Resolved> {
  const byName = new Map<string, TypeSpec>();
  for (const s of specs) {
    if (byName.has(s.name)) fail(`type ${s.name} declared twice`);
    byName.set(s.name, s);
  }
  const out = new Map<string, Resolved>();
  const resolve = (name: string): Resolved => {
    const done = out.get(name);
    if (done) return done;
    const spec = byName.get(name) ?? fail(`unknown type ${name}`);
    const parent = spec.parent === undefined || spec.parent === ROOT_TYPE ? undefined : resolve(spec.parent);
    if (parent && !parent.spec.abstract) fail(`${name}: parent ${spec.parent} is not abstract`);
    const fields = parent ? parent.fields.map((f) => ({ ...f })) : [];
    for (const f of spec.fields ?? []) {
      const at = fields.findIndex((g) => g.name === f.name);
      if (at >= 0) fields[at] = f;
      else fields.push(f);
    }
    for (const [fieldName, reverseName] of Object.entries(spec.reverse ?? {})) {
      const f = fields.find((g) => g.name === fieldName) ?? fail(`${name}: reverse for unknown field ${fieldName}`);
      f.reverseName = reverseName;
    }
    const r: Resolved = {
      spec,
      fields,
      key: spec.key ?? parent?.key ?? [],
      nonTraversable: spec.nonTraversable ?? parent?.nonTraversable ?? false,
    };
    out.set(name, r);
    return r;
  };
  for (const s of specs) resolve(s.name);
  return out;
}

function build(): Map<string, TypeInfo> {
  const resolved = resolveAll(SPECS);
  const names = [...resolved.keys()];

  const ancestorsOf = (name: string): Set<string> => {
    const set = new Set<string>([name, ROOT_TYPE]);
    for (let p = resolved.get(name)?.spec.parent; p; p = resolved.get(p)?.spec.parent) set.add(p);
    return set;
  };
  const ancestors = new Map(names.map((n) => [n, ancestorsOf(n)]));
  const concreteOf = (name: string): string[] =>
    names.filter((n) => !resolved.get(n)?.spec.abstract && ancestors.get(n)?.has(name));

  const infos = new Map<string, TypeInfo>();
  for (const [name, r] of resolved) {
    const abstract = r.spec.abstract === true;
    const fields = new Map(r.fields.map((f) => [f.name, f]));
    const patterns = new Map<string, RegExp>();
    for (const f of r.fields) {
      if (f.kind === 'reference') {
        if (!f.refTypes?.length) fail(`${name}.${f.name}: reference without target types`);
        for (const t of f.refTypes) if (!resolved.has(t)) fail(`${name}.${f.name}: unknown target type ${t}`);
      }
      if (f.kind === 'enum' && !f.enumValues?.length) fail(`${name}.${f.name}: enum without values`);
      if (f.pattern !== undefined) patterns.set(f.name, new RegExp(f.pattern, 'i'));
    }
    const keyPlan: KeyStep[] = abstract
      ? []
      : r.key.map((p) => {
          const field = fields.get(p.field) ?? fail(`${name}: key attribute ${p.field} is not a field`);
          if (p.mode === 'full' && field.kind !== 'reference') fail(`${name}.${p.field}: 'full' key part must be a reference`);
          if (p.mode === 'sha1' && field.kind !== 'string') fail(`${name}.${p.field}: 'sha1' key part must be a string`);
          return { field, mode: p.mode };
        });
    if (!abstract && keyPlan.length === 0) fail(`${name}: concrete type without key`);
    const def: OOITypeDef = {
      name,
      abstract,
      parents: r.spec.parent && r.spec.parent !== ROOT_TYPE ? [r.spec.parent] : [],
      fields: r.fields,
      key: keyPlan.map((s) => ({ field: s.field.name, mode: s.mode }) as KeyPart),
      nonTraversable: r.nonTraversable,
      description: r.spec.description,
    };
    infos.set(name, {
      def,
      fields,
      keyPlan,
      keyModes: new Map(keyPlan.map((s) => [s.field.name, s.mode])),
      required: r.fields.filter((f) => f.required && f.default === undefined),
      allowedTargets: new Map(
        r.fields
          .filter((f) => f.kind === 'reference')
          .map((f) => [f.name, new Set((f.refTypes ?? []).flatMap((t) => concreteOf(t)))]),
      ),
      refFields: r.fields.filter((f) => f.kind === 'reference'),
      concrete: concreteOf(name),
      ancestors: ancestors.get(name) ?? new Set([name]),
      patterns,
      defaults: r.fields.filter((f) => f.default !== undefined),
    });
  }
  checkAbstractKeyShapes(infos);
  return infos;
}

/**
 * A natural-key reference to an abstract type is split by position, so all concrete candidates must
 * take the same number of tokens (IPAddressV4/V6 do; so do the two NetBlocks, WebURLs and
 * FindingTypes). Only references to the root `OOI` are exempt: those are resolved by trying types.
 */
function checkAbstractKeyShapes(infos: Map<string, TypeInfo>): void {
  const width = (name: string, seen: Set<string>): number | null => {
    const info = infos.get(name);
    if (!info || seen.has(name)) return null;
    let total = 0;
    for (const step of info.keyPlan) {
      if (step.mode !== 'natural' || step.field.kind !== 'reference') {
        if (step.mode === 'full') return null;
        total += 1;
        continue;
      }
      const targets = (step.field.refTypes ?? []).flatMap((t) => infos.get(t)?.concrete ?? []);
      const widths = new Set(targets.map((t) => width(t, new Set([...seen, name]))));
      if (widths.size !== 1) return null;
      const [w] = widths;
      if (w === null || w === undefined) return null;
      total += w;
    }
    return total;
  };
  for (const info of infos.values()) {
    for (const step of info.keyPlan) {
      if (step.mode !== 'natural' || step.field.kind !== 'reference') continue;
      if (step.field.refTypes?.includes(ROOT_TYPE)) continue;
      const targets = (step.field.refTypes ?? []).flatMap((t) => infos.get(t)?.concrete ?? []);
      if (targets.length < 2) continue;
      const widths = new Set(targets.map((t) => width(t, new Set())));
      if (widths.size !== 1 || widths.has(null)) {
        fail(`${info.def.name}.${step.field.name}: key targets ${targets.join(', ')} have different key shapes`);
      }
    }
  }
}

const TYPES = build();
const ALL: readonly OOITypeDef[] = [...TYPES.values()].map((i) => i.def);

/** Precomputed lookups; undefined for an unknown type. */
export function typeInfo(name: string): TypeInfo | undefined {
  return TYPES.get(name);
}

export function requireInfo(name: string): TypeInfo {
  const info = TYPES.get(name);
  if (!info) {
    throw new AppError('UNKNOWN_TYPE', `Unknown object type '${name}'.`, { type: name });
  }
  return info;
}

export function getType(name: string): OOITypeDef {
  return requireInfo(name).def;
}

export function hasType(name: string): boolean {
  return TYPES.has(name);
}

/** Every type, abstract ones included, in declaration order (the root `OOI` first). */
export function allTypes(): readonly OOITypeDef[] {
  return ALL;
}

/** The concrete types an (abstract) type stands for; a concrete type gives itself. */
export function concreteSubtypes(name: string): readonly string[] {
  return requireInfo(name).concrete;
}

/** True when `type` is `ancestor` or inherits from it (everything is a subtype of `OOI`). */
export function isSubtypeOf(type: string, ancestor: string): boolean {
  return TYPES.get(type)?.ancestors.has(ancestor) ?? false;
}

export function referenceFields(type: string): readonly FieldDef[] {
  return requireInfo(type).refFields;
}

export function keyFieldNames(type: string): readonly string[] {
  return requireInfo(type).def.key.map((k) => k.field);
}
