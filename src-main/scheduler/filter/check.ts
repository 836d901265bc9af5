/**
 * Resolves a parsed filter against the attributes of one back end and checks every literal against
 * its attribute, producing a typed tree both back ends (memory and SQL) translate one to one.
 *
 * Semantics, shared by both back ends: every test is true or false, never unknown. A missing
 * attribute (null, or absent from the object) makes `=`, `<`, `<=`, `>`, `>=`, `in`, `has` and `like`
 * false; `!=`, `not in`, `not has` and `not like` are exactly their negations, so they are true.
 * `x = null` / `x != null` test for a missing value.
 */
import type { Expr, Literal } from './ast.js';
import { invalid } from './lexer.js';
import { checkLikePattern } from './like.js';

/** What an attribute holds: decides which operators and literals fit it. */
export type ValueKind = 'number' | 'text' | 'boolean' | 'datetime' | 'list' | 'json';

export interface Attribute<R> {
  name: string;
  kind: ValueKind;
  /** for text attributes with a closed set of values (enums): the allowed values */
  values?: readonly string[];
  /** the back end's handle: a getter in memory, an SQL expression for objects */
  ref: R;
}

export interface AttributeSet<R> {
  /** e.g. "plugins" or "Hostname", for error messages */
  label: string;
  get(name: string): Attribute<R> | undefined;
  names(): readonly string[];
}

export type OrderOp = '<' | '<=' | '>' | '>=';

export type Test<R> =
  | { kind: 'and' | 'or'; items: Test<R>[] }
  | { kind: 'not'; item: Test<R> }
  | { kind: 'eq'; attr: Attribute<R>; value: string | number | boolean; negated: boolean }
  | { kind: 'null'; attr: Attribute<R>; negated: boolean }
  | { kind: 'order'; attr: Attribute<R>; op: OrderOp; value: number | string }
  | { kind: 'in'; attr: Attribute<R>; values: (string | number)[]; negated: boolean }
  | { kind: 'has'; attr: Attribute<R>; value: string; negated: boolean }
  | { kind: 'like'; attr: Attribute<R>; pattern: string; negated: boolean };

const KIND_LABEL: Record<ValueKind, string> = {
  number: 'a number',
  text: 'text',
  boolean: 'true or false',
  datetime: 'a date-time',
  list: 'a list of text',
  json: 'JSON',
};

function literalLabel(l: Literal): string {
  switch (l.kind) {
    case 'string':
      return `'${l.value.replace(/'/g, "''")}'`;
    case 'integer':
      return String(l.value);
    case 'boolean':
      return String(l.value);
    case 'null':
      return 'null';
  }
}

function mismatch(attr: Attribute<unknown>, l: Literal, expected: string): never {
  const found = literalLabel(l);
  invalid(`'${attr.name}' is ${KIND_LABEL[attr.kind]}: expected ${expected} at column ${l.column}, found ${found}.`, l.column, { expected, found });
}

const DATE = /^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})?)?$/i;

/** A date-time literal in the stored form (UTC `toISOString()`); a time without a zone is UTC. */
function dateValue(attr: Attribute<unknown>, l: Literal): string {
  const expected = "a date-time such as '2026-03-01' or '2026-03-01T09:00:00Z'";
  if (l.kind !== 'string') mismatch(attr, l, expected);
  const m = DATE.exec(l.value);
  if (!m) mismatch(attr, l, expected);
  const text = l.value.includes(':') && m[1] === undefined ? `${l.value.replace(' ', 'T')}Z` : l.value.replace(' ', 'T');
  const ms = Date.parse(text);
  const [y, mo, d] = l.value.slice(0, 10).split('-').map(Number) as [number, number, number];
  const day = new Date(Date.UTC(y, mo - 1, d));
  if (Number.isNaN(ms) || day.getUTCMonth() !== mo - 1 || day.getUTCDate() !== d) mismatch(attr, l, expected); // e.g. '2026-02-30'
  return new Date(ms).toISOString();
}

/** The literal as a value of the attribute's kind, for = != in. */
function scalar(attr: Attribute<unknown>, l: Literal): string | number | boolean {
  switch (attr.kind) {
    case 'number':
      if (l.kind !== 'integer') mismatch(attr, l, 'a number');
      return l.value;
    case 'boolean':
      if (l.kind !== 'boolean') mismatch(attr, l, 'true or false');
      return l.value;
    case 'datetime':
      return dateValue(attr, l);
    case 'text':
      if (l.kind !== 'string') mismatch(attr, l, "a quoted string such as 'text'");
      if (attr.values && !attr.values.includes(l.value)) {
        const expected = `one of ${attr.values.map((v) => `'${v}'`).join(', ')}`;
        invalid(`'${l.value}' is not a value of '${attr.name}' (column ${l.column}); expected ${expected}.`, l.column, { expected, found: literalLabel(l) });
      }
      return l.value;
    case 'list':
      invalid(`'${attr.name}' is a list (column ${l.column}); test it with 'has', e.g. ${attr.name} has 'value'.`, l.column, { expected: "'has'" });
    case 'json':
      invalid(`'${attr.name}' is JSON (column ${l.column}); it can only be compared with null.`, l.column, { expected: 'null' });
  }
}

function wrongOperator(attr: Attribute<unknown>, op: string, column: number, expected: string): never {
  invalid(`'${op}' does not apply to '${attr.name}', which is ${KIND_LABEL[attr.kind]} (column ${column}); use ${expected}.`, column, {
    expected,
    found: `'${op}'`,
  });
}

function resolve<R>(attrs: AttributeSet<R>, name: string, column: number): Attribute<R> {
  const a = attrs.get(name);
  if (a) return a;
  const known = [...attrs.names()];
  invalid(`Unknown attribute '${name}' at column ${column} for ${attrs.label}; known attributes: ${known.join(', ')}.`, column, {
    expected: `one of ${known.join(', ')}`,
    found: name,
    known,
  });
}

const OPERATORS: Record<ValueKind, string> = {
  number: '= != < <= > >= in',
  text: "= != in like",
  boolean: '= !=',
  datetime: '= != < <= > >=',
  list: "'has'",
  json: '= null or != null',
};

/** Checks `expr` against `attrs`; throws INVALID_QUERY pointing at the offending column. */
export function checkFilter<R>(expr: Expr, attrs: AttributeSet<R>): Test<R> {
  switch (expr.kind) {
    case 'and':
    case 'or':
      return { kind: expr.kind, items: expr.items.map((e) => checkFilter(e, attrs)) };
    case 'not':
      return { kind: 'not', item: checkFilter(expr.item, attrs) };
    case 'compare': {
      const attr = resolve(attrs, expr.attr.name, expr.attr.column);
      const { op, value } = expr;
      if (value.kind === 'null') {
        if (op !== '=' && op !== '!=') wrongOperator(attr, op, expr.opColumn, "'= null' or '!= null' to test for a missing value");
        return { kind: 'null', attr, negated: op === '!=' };
      }
      if (op === '=' || op === '!=') return { kind: 'eq', attr, value: scalar(attr, value), negated: op === '!=' };
      if (attr.kind === 'number') return { kind: 'order', attr, op, value: scalar(attr, value) as number };
      if (attr.kind === 'datetime') return { kind: 'order', attr, op, value: dateValue(attr, value) };
      return wrongOperator(attr, op, expr.opColumn, OPERATORS[attr.kind]);
    }
    case 'in': {
      const attr = resolve(attrs, expr.attr.name, expr.attr.column);
      if (attr.kind !== 'number' && attr.kind !== 'text') wrongOperator(attr, expr.negated ? 'not in' : 'in', expr.opColumn, OPERATORS[attr.kind]);
      const values = expr.values.map((l) => {
        if (l.kind === 'null') invalid(`null cannot be in a list (column ${l.column}); test '${attr.name} = null' instead.`, l.column, { found: 'null' });
        return scalar(attr, l) as string | number;
      });
      return { kind: 'in', attr, values, negated: expr.negated };
    }
    case 'has': {
      const attr = resolve(attrs, expr.attr.name, expr.attr.column);
      if (attr.kind !== 'list') wrongOperator(attr, expr.negated ? 'not has' : 'has', expr.opColumn, OPERATORS[attr.kind]);
      if (expr.value.kind !== 'string') mismatch(attr, expr.value, "a quoted string such as 'Hostname'");
      return { kind: 'has', attr, value: expr.value.value, negated: expr.negated };
    }
    case 'like': {
      const attr = resolve(attrs, expr.attr.name, expr.attr.column);
      if (attr.kind !== 'text') wrongOperator(attr, expr.negated ? 'not like' : 'like', expr.opColumn, OPERATORS[attr.kind]);
      if (expr.value.kind !== 'string') mismatch(attr, expr.value, "a quoted pattern such as '10.%'");
      checkLikePattern(expr.value.value, expr.value.column);
      return { kind: 'like', attr, pattern: expr.value.value, negated: expr.negated };
    }
  }
}
