/**
 * The one boundary where object data is checked and put in canonical form. Everything that enters
 * the graph (declarations, normalizer and bit output, imports) passes through `normalizeObject`.
 */
import { AppError } from '../../common/errors.js';
import { normScalar } from './fields.js';
import { naturalKeyFromInfo } from './keys.js';
import { parseReference, Reference } from './reference.js';
import { requireInfo, type TypeInfo } from './registry.js';
import type { FieldDef, ObjectReference, OOI } from './types.js';
import { Bad, describe, isBad } from './values.js';

function invalid(type: string, field: string | undefined, reason: string, message: string): AppError {
  const where = field === undefined ? type : `${type}.${field}`;
  return new AppError('INVALID_OBJECT', `${where}: ${message}`, { type, field, reason });
}

/**
 * The last accepted value of each reference field. Bulk input repeats the same targets (the network,
 * the host), and one string per field is all it keeps, so it costs the garbage collector nothing.
 */
const lastAccepted = new Map<FieldDef, { input: string; pk: string }>();

function normReference(info: TypeInfo, f: FieldDef, v: unknown): string | Bad {
  if (typeof v !== 'string') {
    return new Bad('wrong-kind', `expected a primary key string such as 'Type|key', got ${describe(v)}`);
  }
  const last = lastAccepted.get(f);
  if (last !== undefined && last.input === v) return last.pk;
  const r = parseReference(v);
  if (isBad(r)) return new Bad('bad-reference', r.message);
  if (!info.allowedTargets.get(f.name)?.has(r.type)) {
    return new Bad(
      'wrong-target-type',
      `'${r.pk}' is a ${r.type}, but this attribute references ${(f.refTypes ?? []).join(' or ')}`,
    );
  }
  if (last === undefined) lastAccepted.set(f, { input: v, pk: r.pk });
  else {
    last.input = v;
    last.pk = r.pk;
  }
  return r.pk;
}

function normField(info: TypeInfo, f: FieldDef, v: unknown): unknown {
  if (f.kind === 'reference') return normReference(info, f, v);
  const out = normScalar(info, f, v);
  if (isBad(out)) return out;
  const mode = info.keyModes.get(f.name);
  if (mode === 'natural' && typeof out === 'string') {
    if (out.indexOf('|') >= 0) {
      return new Bad(
        'pipe-in-key',
        `'${out}' contains '|', which separates the parts of a primary key and cannot appear in a key attribute`,
      );
    }
    if (out === '' && f.required) return new Bad('empty', 'is part of the key and may not be empty');
  }
  return out;
}

/**
 * Validates `input` as an object of `type` and returns it in canonical form with its primary key.
 * Throws AppError UNKNOWN_TYPE for an unknown type, INVALID_OBJECT (details: field, type, reason)
 * for anything else. `null`/`undefined` values count as absent.
 */
export function normalizeObject(type: string, input: Record<string, unknown>): OOI {
  const info = requireInfo(type);
  if (info.def.abstract) {
    throw invalid(type, undefined, 'abstract-type', `'${type}' is abstract; use one of ${info.concrete.join(', ')}`);
  }
  if (input === null || typeof input !== 'object' || Array.isArray(input)) {
    throw invalid(type, undefined, 'wrong-kind', `expected an object of attributes, got ${describe(input)}`);
  }
  const data: Record<string, unknown> = {};
  for (const name in input) {
    const f = info.fields.get(name);
    if (f === undefined) {
      throw invalid(type, name, 'unknown-field', `unknown attribute; ${type} has ${[...info.fields.keys()].join(', ')}`);
    }
    const v = input[name];
    if (v === undefined || v === null) continue;
    const out = normField(info, f, v);
    if (isBad(out)) throw invalid(type, name, out.reason, out.message);
    data[name] = out;
  }
  for (const f of info.defaults) if (data[f.name] === undefined) data[f.name] = f.default;
  for (const f of info.required) {
    if (data[f.name] === undefined) throw invalid(type, f.name, 'missing', 'is required');
  }
  return { type, pk: type + '|' + naturalKeyFromInfo(info, data), data };
}

/**
 * The minimal object a primary key describes: its key attributes (references as full primary keys)
 * plus defaults. Used to create referenced objects implicitly. Throws INVALID_REFERENCE when the key
 * does not parse and INVALID_OBJECT when the type needs more than its key (required non-key
 * attributes, or a key that only holds a hash of a value).
 */
export function objectFromPk(pk: string): OOI {
  const r = Reference.from(pk);
  const info = requireInfo(r.type);
  const hashed = info.keyPlan.find((s) => s.mode === 'sha1');
  if (hashed) {
    throw invalid(r.type, hashed.field.name, 'not-derivable', 'the key holds only a hash of this value, so it cannot be rebuilt from the key');
  }
  const missing = info.required.find((f) => !info.keyModes.has(f.name));
  if (missing) {
    throw invalid(r.type, missing.name, 'not-derivable', 'is required but not part of the key, so the object cannot be derived from its key');
  }
  const data: Record<string, unknown> = { ...r.keyValues };
  for (const f of info.defaults) if (data[f.name] === undefined) data[f.name] = f.default;
  return { type: r.type, pk: r.pk, data };
}

/** The outgoing references of an object, in field order. */
export function referencesOf(ooi: OOI): ObjectReference[] {
  const out: ObjectReference[] = [];
  for (const f of requireInfo(ooi.type).refFields) {
    const target = ooi.data[f.name];
    if (typeof target === 'string') out.push({ attr: f.name, target });
  }
  return out;
}
