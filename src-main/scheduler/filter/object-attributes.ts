/**
 * The attributes an input clause `Type: filter` can test, each mapped to an SQL expression over
 * `objects o LEFT JOIN scan_profiles p`: four built-ins (pk, type, scan_level, scan_profile) and the
 * fields of the type, from the model registry. For an abstract type the fields of all its concrete
 * subtypes count (`IPAddress: address like '10.%'`); on a subtype without the field it is missing.
 *
 * Field names reach SQL only as registry identifiers checked against SAFE_NAME, inside a quoted
 * jsonb key; literal values never do (they are parameters, see objects-sql.ts).
 */
import { concreteSubtypes, getType, type FieldDef, type FieldKind } from '../../graph/model/index.js';
import type { Attribute, AttributeSet, ValueKind } from './check.js';

/** How one attribute reads in SQL. */
export interface SqlColumn {
  /** an SQL expression with the typed value (cast `cast`), or NULL when missing or of another JSON type */
  value: string;
  cast: 'numeric' | 'text' | 'boolean';
  /** the raw jsonb, for `has` on lists */
  json?: string;
}

export const SCAN_PROFILE_KINDS = ['declared', 'inherited', 'empty'] as const;

export const BUILTIN_ATTRIBUTES = ['pk', 'type', 'scan_level', 'scan_profile'] as const;

const SAFE_NAME = /^[a-z_][a-z0-9_]*$/i;

const VALUE_KIND: Record<FieldKind, ValueKind> = {
  string: 'text',
  enum: 'text',
  reference: 'text',
  ipv4: 'text',
  ipv6: 'text',
  ip: 'text',
  hostname: 'text',
  integer: 'number',
  number: 'number',
  boolean: 'boolean',
  datetime: 'datetime',
  'string[]': 'list',
  json: 'json',
};

function fieldColumn(name: string, kind: ValueKind): SqlColumn {
  if (!SAFE_NAME.test(name)) throw new Error(`filter: field name ${JSON.stringify(name)} is not a plain identifier`);
  const json = `(o.data->'${name}')`;
  const text = `(o.data->>'${name}')`;
  switch (kind) {
    case 'number':
      return { value: `(CASE WHEN jsonb_typeof(o.data->'${name}') = 'number' THEN ${text}::numeric END)`, cast: 'numeric' };
    case 'boolean':
      return { value: `(CASE WHEN jsonb_typeof(o.data->'${name}') = 'boolean' THEN ${text}::boolean END)`, cast: 'boolean' };
    case 'datetime':
      // stored as UTC toISOString(), so byte order is time order
      return { value: `(${text} COLLATE "C")`, cast: 'text' };
    case 'list':
      return { value: text, cast: 'text', json };
    case 'text':
    case 'json':
      return { value: text, cast: 'text' };
  }
}

function merge(fields: readonly FieldDef[]): Omit<Attribute<SqlColumn>, 'ref'> | null {
  const kinds = new Set(fields.map((f) => VALUE_KIND[f.kind]));
  if (kinds.size !== 1) return null; // the subtypes disagree: not filterable on the abstract type
  const [kind] = kinds as Set<ValueKind>;
  const enums = fields.every((f) => f.kind === 'enum') ? [...new Set(fields.flatMap((f) => f.enumValues ?? []))] : undefined;
  return enums ? { name: fields[0]!.name, kind, values: enums } : { name: fields[0]!.name, kind };
}

/** The attributes of an input clause for `type` (abstract or concrete). Throws UNKNOWN_TYPE for an unknown type. */
export function objectAttributes(type: string): AttributeSet<SqlColumn> {
  const concrete = concreteSubtypes(type);
  const builtins: Attribute<SqlColumn>[] = [
    { name: 'pk', kind: 'text', ref: { value: 'o.pk', cast: 'text' } },
    { name: 'type', kind: 'text', values: concrete, ref: { value: 'o.type', cast: 'text' } },
    { name: 'scan_level', kind: 'number', ref: { value: 'COALESCE(p.level, 0)', cast: 'numeric' } },
    { name: 'scan_profile', kind: 'text', values: SCAN_PROFILE_KINDS, ref: { value: "COALESCE(p.kind, 'empty')", cast: 'text' } },
  ];
  const byField = new Map<string, FieldDef[]>();
  for (const t of concrete) {
    for (const f of getType(t).fields) {
      const list = byField.get(f.name) ?? [];
      list.push(f);
      byField.set(f.name, list);
    }
  }
  const all = new Map(builtins.map((a) => [a.name, a]));
  for (const [name, fields] of byField) {
    const m = merge(fields);
    if (m && !all.has(name)) all.set(name, { ...m, ref: fieldColumn(name, m.kind) });
  }
  return { label: `type ${type}`, get: (name) => all.get(name), names: () => [...all.keys()] };
}
