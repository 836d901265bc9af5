/**
 * A small vocabulary for declaring OOI types. The declarations in this folder are data; registry.ts
 * resolves inheritance, checks them and precomputes everything the hot paths need.
 */
import type { FieldDef, FieldKind, KeyPart } from '../types.js';

/** A type as declared: fields and key may be inherited from `parent`. */
export interface TypeSpec {
  name: string;
  abstract?: boolean;
  /** the direct abstract supertype (the root `OOI` when absent) */
  parent?: string;
  /** own fields; a field with the name of an inherited one replaces it */
  fields?: FieldDef[];
  /** key attributes in key order; inherited from the parent when absent */
  key?: KeyPart[];
  /** renames the incoming-edge label of inherited reference fields */
  reverse?: Record<string, string>;
  /** inherited by subtypes */
  nonTraversable?: boolean;
  description: string;
}

type Opts = Partial<Omit<FieldDef, 'name' | 'kind'>>;

function field(name: string, kind: FieldKind, opts: Opts = {}): FieldDef {
  return { name, kind, required: false, ...opts };
}

/** Required fields are marked with `req`; everything else is optional. */
export const req: Opts = { required: true };

export const str = (name: string, opts?: Opts): FieldDef => field(name, 'string', opts);
export const int = (name: string, opts?: Opts): FieldDef => field(name, 'integer', opts);
export const num = (name: string, opts?: Opts): FieldDef => field(name, 'number', opts);
export const bool = (name: string, opts?: Opts): FieldDef => field(name, 'boolean', opts);
export const date = (name: string, opts?: Opts): FieldDef => field(name, 'datetime', opts);
export const json = (name: string, opts?: Opts): FieldDef => field(name, 'json', opts);
export const strs = (name: string, opts?: Opts): FieldDef => field(name, 'string[]', opts);
export const ipv4 = (name: string, opts?: Opts): FieldDef => field(name, 'ipv4', opts);
export const ipv6 = (name: string, opts?: Opts): FieldDef => field(name, 'ipv6', opts);
export const host = (name: string, opts?: Opts): FieldDef => field(name, 'hostname', opts);
export const oneOf = (name: string, values: readonly string[], opts?: Opts): FieldDef =>
  field(name, 'enum', { enumValues: values, ...opts });

/**
 * A reference. `levels` is `[maxIssueScanLevel, maxInheritScanLevel]`; `null` means nothing flows
 * that way (the default).
 */
export function ref(
  name: string,
  refTypes: string | readonly string[],
  reverseName: string,
  levels: readonly [number | null, number | null] = [null, null],
  opts: Opts = {},
): FieldDef {
  return field(name, 'reference', {
    refTypes: typeof refTypes === 'string' ? [refTypes] : refTypes,
    reverseName,
    maxIssueScanLevel: levels[0],
    maxInheritScanLevel: levels[1],
    ...opts,
  });
}

/** Key attributes: plain names contribute their (natural) value. */
export function key(...parts: (string | KeyPart)[]): KeyPart[] {
  return parts.map((p) => (typeof p === 'string' ? { field: p, mode: 'natural' as const } : p));
}
export const full = (fieldName: string): KeyPart => ({ field: fieldName, mode: 'full' });
export const sha1 = (fieldName: string): KeyPart => ({ field: fieldName, mode: 'sha1' });
