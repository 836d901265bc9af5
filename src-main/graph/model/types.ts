/**
 * The OOI model: pure data about object types. No I/O, no database, no Electron.
 *
 * An object (OOI) is `{ type, pk, data }`: `data` holds every attribute, with references stored as
 * the referenced object's full primary key string (e.g. `IPAddressV4|internet|1.1.1.1`).
 * The primary key is `<Type>|<natural key>`, built from the type's key attributes (see keys.ts).
 */

export type FieldKind =
  | 'string'
  | 'integer'
  | 'number'
  | 'boolean'
  | 'enum'
  | 'reference'
  | 'datetime' // ISO 8601 string, normalised to UTC `toISOString()`
  | 'json' // any JSON value
  | 'string[]'
  | 'ipv4' // canonical dotted quad
  | 'ipv6' // canonical compressed lowercase
  | 'ip' // either
  | 'hostname'; // lowercased, IDNA (punycode) normalised, no trailing dot

export interface FieldDef {
  name: string;
  kind: FieldKind;
  required: boolean;
  description?: string;
  /** for kind 'enum' */
  enumValues?: readonly string[];
  /** for kind 'reference': allowed target types (may be abstract) */
  refTypes?: readonly string[];
  /** for kind 'reference': the label of the incoming edge seen from the target (e.g. IPPort.address -> 'ports') */
  reverseName?: string;
  /**
   * Scan-level flow along a reference (OpenKAT section 3). `maxIssueScanLevel`: the most this
   * object passes to the referenced object; `maxInheritScanLevel`: the most this object takes from
   * the referenced object. `null` (or absent) means nothing flows that way.
   */
  maxIssueScanLevel?: number | null;
  maxInheritScanLevel?: number | null;
  /** for numbers: inclusive bounds */
  min?: number;
  max?: number;
  /** value used by normalisation when the field is absent (e.g. SPF qualifier '+') */
  default?: unknown;
  /** for strings: stored upper-cased (CVE/CWE/CAPEC/Snyk finding-type ids) */
  uppercase?: boolean;
  /** for strings: case-insensitive regular expression (source text) the value must match */
  pattern?: string;
  /** for strings: human wording of `pattern`, used in error messages and forms */
  patternDescription?: string;
}

/** How one key attribute contributes to the natural key. */
export type KeyPart =
  | { field: string; mode: 'natural' } // value, or referenced object's natural key (no type)
  | { field: string; mode: 'full' } // referenced object's full pk (type included): Finding.ooi, SoftwareInstance.*
  | { field: string; mode: 'sha1' }; // sha1 hex of the value: DNSTXTRecord.value, DNSSPFRecord.value

export interface OOITypeDef {
  name: string;
  abstract: boolean;
  /** direct abstract supertypes (besides the root `OOI`), e.g. IPAddressV4 -> ['IPAddress'] */
  parents: readonly string[];
  /** all fields, key fields included, in display order */
  fields: readonly FieldDef[];
  /** key attributes in key order (empty for abstract types) */
  key: readonly KeyPart[];
  /** tree walks do not expand through objects of this type */
  nonTraversable: boolean;
  description: string;
}

export interface OOI {
  type: string;
  pk: string;
  data: Record<string, unknown>;
}

export interface ObjectReference {
  /** the referencing attribute */
  attr: string;
  /** the referenced object's primary key */
  target: string;
}
