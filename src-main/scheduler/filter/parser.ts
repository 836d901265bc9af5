/**
 * The schedule filter language (issue 4): one grammar for the `plugins` filter of a schedule and for
 * each clause of its `input` filter. See README.md in this folder for the user-facing description.
 *
 *   input      := clause (';' clause)* ';'?          the `input` of a schedule
 *   clause     := TYPE (':' filter)?                 TYPE alone: every object of that type
 *   filter     := or                                 the `plugins` of a schedule; may be empty there
 *   or         := and ('or' and)*
 *   and        := unary ('and' unary)*
 *   unary      := 'not' unary | '(' or ')' | test
 *   test       := NAME op literal
 *               | NAME 'not'? 'in' '(' literal (',' literal)* ')'
 *               | NAME 'not'? 'has' literal
 *               | NAME 'not'? 'like' literal
 *   op         := '=' | '!=' | '<' | '<=' | '>' | '>='
 *   literal    := STRING | INTEGER | 'true' | 'false' | 'null'
 *   NAME, TYPE := [A-Za-z_][A-Za-z0-9_]*             case-sensitive; no dots (attributes are flat)
 *   STRING     := "'" ( any character but "'" | "''" )* "'"
 *   INTEGER    := '-'? [0-9]+                        a safe integer
 *
 * Keywords (and or not in has like true false null) are case-insensitive and reserved. `not` binds
 * tighter than `and`, which binds tighter than `or`. Whitespace (spaces, tabs, newlines) separates
 * tokens. Limits: MAX_FILTER_LENGTH characters and MAX_FILTER_DEPTH nested parentheses / `not`s, so
 * hostile input cannot exhaust the stack. Every error is AppError('INVALID_QUERY') with details
 * { column (1-based offset into the whole text), expected?, found? }.
 *
 * This file is syntax only: whether a name is a known attribute and a literal fits it is checked by
 * check.ts against the back end's attributes.
 */
import type { AttrRef, ComparisonOp, Expr, InputClause, Literal } from './ast.js';
import { describeToken, invalid, tokenize, type Keyword, type Punct, type Token } from './lexer.js';

export const MAX_FILTER_LENGTH = 2000;
export const MAX_FILTER_DEPTH = 32;

const COMPARISON_OPS: readonly string[] = ['=', '!=', '<', '<=', '>', '>='];

class Parser {
  private at = 0;
  private depth = 0;
  constructor(private readonly tokens: Token[]) {}

  peek(): Token {
    return this.tokens[this.at]!;
  }
  next(): Token {
    const t = this.tokens[this.at]!;
    if (t.kind !== 'end') this.at++;
    return t;
  }
  isPunct(p: Punct): boolean {
    const t = this.peek();
    return t.kind === 'punct' && t.value === p;
  }
  isKeyword(k: Keyword): boolean {
    const t = this.peek();
    return t.kind === 'keyword' && t.value === k;
  }
  fail(expected: string, t: Token = this.peek()): never {
    const found = describeToken(t);
    invalid(`Expected ${expected} at column ${t.column}, found ${found}.`, t.column, { expected, found });
  }
  expectPunct(p: Punct): Token {
    if (!this.isPunct(p)) this.fail(`'${p}'`);
    return this.next();
  }

  /** or := and ('or' and)* */
  or(): Expr {
    const items = [this.and()];
    while (this.isKeyword('or')) {
      this.next();
      items.push(this.and());
    }
    return items.length === 1 ? items[0]! : { kind: 'or', items };
  }

  and(): Expr {
    const items = [this.unary()];
    while (this.isKeyword('and')) {
      this.next();
      items.push(this.unary());
    }
    return items.length === 1 ? items[0]! : { kind: 'and', items };
  }

  unary(): Expr {
    const t = this.peek();
    if (this.isKeyword('not') || this.isPunct('(')) {
      if (++this.depth > MAX_FILTER_DEPTH) {
        invalid(`Too deeply nested at column ${t.column}: at most ${MAX_FILTER_DEPTH} levels of parentheses and 'not'.`, t.column, {
          found: describeToken(t),
        });
      }
      this.next();
      let e: Expr;
      if (t.kind === 'keyword') e = { kind: 'not', item: this.unary() };
      else {
        e = this.or();
        this.expectPunct(')');
      }
      this.depth--;
      return e;
    }
    return this.test();
  }

  test(): Expr {
    const t = this.peek();
    if (t.kind !== 'ident') {
      if (t.kind === 'keyword' && !['true', 'false', 'null'].includes(t.value)) {
        this.fail("an attribute name or '(' (keywords such as 'and' cannot be attribute names)");
      }
      this.fail("an attribute name or '('");
    }
    this.next();
    const attr: AttrRef = { name: t.value, column: t.column };
    const op = this.peek();
    if (op.kind === 'punct' && COMPARISON_OPS.includes(op.value)) {
      this.next();
      return { kind: 'compare', attr, op: op.value as ComparisonOp, opColumn: op.column, value: this.literal() };
    }
    const opColumn = op.column;
    let negated = false;
    if (this.isKeyword('not')) {
      negated = true;
      this.next();
      if (!this.isKeyword('in') && !this.isKeyword('has') && !this.isKeyword('like')) this.fail("'in', 'has' or 'like' after 'not'");
    }
    if (this.isKeyword('in')) {
      this.next();
      this.expectPunct('(');
      const values = [this.literal()];
      while (this.isPunct(',')) {
        this.next();
        values.push(this.literal());
      }
      this.expectPunct(')');
      return { kind: 'in', attr, negated, opColumn, values };
    }
    if (this.isKeyword('has')) {
      this.next();
      return { kind: 'has', attr, negated, opColumn, value: this.literal() };
    }
    if (this.isKeyword('like')) {
      this.next();
      return { kind: 'like', attr, negated, opColumn, value: this.literal() };
    }
    this.fail("an operator (= != < <= > >= in 'not in' has like)");
  }

  literal(): Literal {
    const t = this.next();
    const column = t.column;
    if (t.kind === 'string') return { kind: 'string', value: t.value, column };
    if (t.kind === 'integer') return { kind: 'integer', value: t.value, column };
    if (t.kind === 'keyword' && (t.value === 'true' || t.value === 'false')) return { kind: 'boolean', value: t.value === 'true', column };
    if (t.kind === 'keyword' && t.value === 'null') return { kind: 'null', column };
    const hint = t.kind === 'ident' ? " (strings are quoted: 'like this')" : '';
    this.fail(`a value: a 'string', a number, true, false or null${hint}`, t);
  }

  /** A filter that must end here, or at a ';' when `clauseEnd` is set. */
  filter(clauseEnd: boolean): Expr {
    const e = this.or();
    const t = this.peek();
    if (t.kind !== 'end' && !(clauseEnd && this.isPunct(';'))) {
      this.fail(clauseEnd ? "'and', 'or', ';' or the end" : "'and', 'or' or the end");
    }
    return e;
  }

  clause(): InputClause {
    const t = this.next();
    if (t.kind !== 'ident') this.fail("an object type such as 'Hostname'", t);
    if (this.isPunct(':')) {
      this.next();
      return { type: t.value, column: t.column, filter: this.filter(true) };
    }
    if (this.peek().kind !== 'end' && !this.isPunct(';')) this.fail("':' or ';' after the type");
    return { type: t.value, column: t.column, filter: null };
  }
}

function checkLength(text: string): void {
  if (text.length > MAX_FILTER_LENGTH) {
    invalid(`The filter is too long: at most ${MAX_FILTER_LENGTH} characters, this one has ${text.length}.`, MAX_FILTER_LENGTH + 1, {
      expected: `at most ${MAX_FILTER_LENGTH} characters`,
    });
  }
}

/** Parses a filter expression; null when the text is blank. Throws INVALID_QUERY. */
export function parseFilter(text: string): Expr | null {
  checkLength(text);
  const p = new Parser(tokenize(text));
  if (p.peek().kind === 'end') return null;
  return p.filter(false);
}

/** Parses an input filter into its clauses (at least one). Throws INVALID_QUERY. */
export function parseInput(text: string): InputClause[] {
  checkLength(text);
  const p = new Parser(tokenize(text));
  if (p.peek().kind === 'end') {
    invalid("An input filter needs at least one clause, such as 'Hostname: scan_level > 0'.", 1, { expected: 'an object type' });
  }
  const clauses = [p.clause()];
  while (p.isPunct(';')) {
    p.next();
    if (p.peek().kind === 'end') break;
    clauses.push(p.clause());
  }
  if (p.peek().kind !== 'end') p.fail("';' or the end");
  return clauses;
}
