/**
 * The `input` filter of a schedule compiled to parameterised SQL: `Hostname: scan_level > 0;
 * IPAddress: scan_level >= 2 and address like '10.%'`. Each clause selects objects of its type's
 * concrete subtypes that pass its filter; the clauses are OR-ed.
 *
 * Every literal becomes a parameter ($n with an explicit cast); the only identifiers in the SQL are
 * the fixed built-ins and registry field names (object-attributes.ts). The fragment refers to
 * `objects o` and `scan_profiles p`, joined as in OBJECTS_FROM.
 */
import { allTypes, concreteSubtypes, hasType } from '../../graph/model/index.js';
import type { InputClause } from './ast.js';
import { checkFilter, type Test } from './check.js';
import { invalid } from './lexer.js';
import { objectAttributes, type SqlColumn } from './object-attributes.js';
import { parseInput } from './parser.js';

export interface SqlFragment {
  sql: string;
  params: unknown[];
}

/** The FROM clause every fragment expects. */
export const OBJECTS_FROM = 'objects o LEFT JOIN scan_profiles p ON p.org = o.org AND p.pk = o.pk';

class Params {
  readonly values: unknown[] = [];
  constructor(private readonly first: number) {}
  add(value: unknown, cast: string): string {
    this.values.push(value);
    return `$${this.first + this.values.length - 1}::${cast}`;
  }
}

function sqlOf(t: Test<SqlColumn>, ps: Params): string {
  switch (t.kind) {
    case 'and':
    case 'or':
      return `(${t.items.map((i) => sqlOf(i, ps)).join(t.kind === 'and' ? ' AND ' : ' OR ')})`;
    case 'not':
      return `(NOT ${sqlOf(t.item, ps)})`;
    case 'null':
      return `(${t.attr.ref.value} IS ${t.negated ? 'NOT ' : ''}NULL)`;
    case 'eq':
      return negate(t.negated, `COALESCE(${t.attr.ref.value} = ${ps.add(t.value, t.attr.ref.cast)}, false)`);
    case 'order':
      return `COALESCE(${t.attr.ref.value} ${t.op} ${ps.add(t.value, t.attr.ref.cast)}, false)`;
    case 'in':
      return negate(t.negated, `COALESCE(${t.attr.ref.value} = ANY(${ps.add(t.values, `${t.attr.ref.cast}[]`)}), false)`);
    case 'has':
      return negate(t.negated, `COALESCE(${t.attr.ref.json} @> jsonb_build_array(${ps.add(t.value, 'text')}), false)`);
    case 'like':
      return negate(t.negated, `COALESCE(${t.attr.ref.value} ILIKE ${ps.add(t.pattern, 'text')}, false)`);
  }
}

function negate(negated: boolean, sql: string): string {
  return negated ? `(NOT ${sql})` : sql;
}

function clauseTypes(c: InputClause): readonly string[] {
  if (!hasType(c.type)) {
    const near = allTypes().find((t) => t.name.toLowerCase() === c.type.toLowerCase());
    const hint = near ? ` Did you mean '${near.name}'?` : '';
    invalid(`Unknown object type '${c.type}' at column ${c.column}.${hint}`, c.column, {
      expected: 'an object type',
      found: c.type,
      known: allTypes().map((t) => t.name),
    });
  }
  return concreteSubtypes(c.type);
}

/** Parses and checks an input filter: its clauses with their concrete types and checked tests. */
function checkInput(text: string): { types: readonly string[]; test: Test<SqlColumn> | null }[] {
  return parseInput(text).map((c) => {
    const types = clauseTypes(c);
    return { types, test: c.filter && checkFilter(c.filter, objectAttributes(c.type)) };
  });
}

/**
 * A WHERE fragment selecting the objects an input filter matches, with parameters numbered from
 * `firstParam`. It does not restrict the organisation. Throws AppError('INVALID_QUERY').
 */
export function compileInputFilter(text: string, firstParam = 1): SqlFragment {
  const ps = new Params(firstParam);
  const parts = checkInput(text).map(({ types, test }) => {
    const typeTest = `o.type = ANY(${ps.add([...types], 'text[]')})`;
    return test ? `(${typeTest} AND ${sqlOf(test, ps)})` : `(${typeTest})`;
  });
  return { sql: parts.length === 1 ? parts[0]! : `(${parts.join(' OR ')})`, params: ps.values };
}

/** The concrete object types an input filter can select, in registry order. Throws INVALID_QUERY. */
export function inputFilterTypes(text: string): string[] {
  const types = new Set(checkInput(text).flatMap((c) => c.types));
  return allTypes()
    .map((t) => t.name)
    .filter((t) => types.has(t));
}

/** A complete query for the objects of `org` an input filter matches: rows `{ pk, type }`, unordered. */
export function selectObjectsSql(org: string, input: string): SqlFragment {
  const where = compileInputFilter(input, 2);
  return {
    sql: `SELECT o.pk, o.type FROM ${OBJECTS_FROM} WHERE o.org = $1 AND ${where.sql}`,
    params: [org, ...where.params],
  };
}
