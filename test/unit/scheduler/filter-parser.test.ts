/** The filter grammar: trees for valid filters, INVALID_QUERY with exact columns for invalid ones, and the limits. */
import { describe, expect, it } from 'vitest';
import { AppError } from '../../../src-main/common/errors';
import { MAX_FILTER_DEPTH, MAX_FILTER_LENGTH, parseFilter, parseInput } from '../../../src-main/scheduler/filter';

/** The INVALID_QUERY details a call throws. */
function errorOf(fn: () => unknown): { message: string; column: number; expected?: string; found?: string } {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(AppError);
    const err = e as AppError;
    expect(err.code).toBe('INVALID_QUERY');
    return { message: err.message, ...(err.details as { column: number }) };
  }
  throw new Error('expected an INVALID_QUERY error');
}
const columnOf = (text: string) => errorOf(() => parseFilter(text)).column;

describe('valid filters', () => {
  it('parses a comparison with its columns', () => {
    expect(parseFilter('scan_level <= 2')).toEqual({
      kind: 'compare',
      attr: { name: 'scan_level', column: 1 },
      op: '<=',
      opColumn: 12,
      value: { kind: 'integer', value: 2, column: 15 },
    });
  });

  it('gives not > and > or precedence, flattening chains', () => {
    const e = parseFilter('a = 1 or not b = 2 and c = 3 and d = 4 or e = 5');
    expect(e?.kind).toBe('or');
    if (e?.kind !== 'or') return;
    expect(e.items.map((i) => i.kind)).toEqual(['compare', 'and', 'compare']);
    const and = e.items[1]!;
    expect(and.kind === 'and' && and.items.map((i) => i.kind)).toEqual(['not', 'compare', 'compare']);
  });

  it('parentheses override precedence', () => {
    const e = parseFilter('(a = 1 or b = 2) and c = 3');
    expect(e?.kind === 'and' && e.items.map((i) => i.kind)).toEqual(['or', 'compare']);
  });

  it('reads every literal and operator', () => {
    expect(parseFilter("id in ('a', 'b''c', 7, -3, true, FALSE, null)")).toMatchObject({
      kind: 'in',
      negated: false,
      values: [
        { kind: 'string', value: 'a' },
        { kind: 'string', value: "b'c" },
        { kind: 'integer', value: 7 },
        { kind: 'integer', value: -3 },
        { kind: 'boolean', value: true },
        { kind: 'boolean', value: false },
        { kind: 'null' },
      ],
    });
    for (const op of ['=', '!=', '<', '<=', '>', '>=']) expect(parseFilter(`x ${op} 1`)).toMatchObject({ kind: 'compare', op });
    expect(parseFilter("id not in ('nmap')")).toMatchObject({ kind: 'in', negated: true });
    expect(parseFilter("consumes has 'Hostname'")).toMatchObject({ kind: 'has', negated: false, value: { value: 'Hostname' } });
    expect(parseFilter("consumes not has 'x'")).toMatchObject({ kind: 'has', negated: true });
    expect(parseFilter("name like '10.%'")).toMatchObject({ kind: 'like', negated: false });
    expect(parseFilter("name NOT LIKE 'x'")).toMatchObject({ kind: 'like', negated: true });
  });

  it('keywords are case-insensitive, whitespace includes newlines, and operators need no spaces', () => {
    expect(parseFilter("a=1 AND b!='x'Or\nc>=-2")).toMatchObject({
      kind: 'or',
      items: [
        { kind: 'and', items: [{ op: '=' }, { op: '!=', value: { value: 'x' } }] },
        { attr: { name: 'c', column: 18 }, op: '>=', value: { value: -2, column: 21 } },
      ],
    });
  });

  it('a blank filter is null', () => {
    expect(parseFilter('')).toBeNull();
    expect(parseFilter(' \n\t ')).toBeNull();
  });

  it('keeps unicode, backslashes and SQL-looking text inside strings as data', () => {
    expect(parseFilter("name = 'x'' or 1=1 --'")).toMatchObject({ value: { kind: 'string', value: "x' or 1=1 --" } });
    expect(parseFilter("name = '\\'")).toMatchObject({ value: { value: '\\' } });
    expect(parseFilter("name = 'ünïcødé 🦀; DROP'")).toMatchObject({ value: { value: 'ünïcødé 🦀; DROP' } });
  });
});

describe('input filters', () => {
  it('splits clauses on ;, a type alone selects every object, a trailing ; is fine', () => {
    expect(parseInput("Hostname: scan_level > 0; IPAddress: address like '10.%';Network;")).toMatchObject([
      { type: 'Hostname', column: 1, filter: { kind: 'compare' } },
      { type: 'IPAddress', column: 27, filter: { kind: 'like' } },
      { type: 'Network', column: 58, filter: null },
    ]);
  });

  it('a ; inside a string does not end the clause', () => {
    expect(parseInput("Hostname: name = 'a;b'")[0]!.filter).toMatchObject({ value: { value: 'a;b' } });
  });

  it('errors point at the column', () => {
    expect(errorOf(() => parseInput(''))).toMatchObject({ column: 1, expected: 'an object type' });
    expect(errorOf(() => parseInput('Hostname scan_level > 0'))).toMatchObject({ column: 10, expected: "':' or ';' after the type" });
    expect(errorOf(() => parseInput('Hostname: scan_level > 0 Network'))).toMatchObject({ column: 26, expected: "'and', 'or', ';' or the end" });
    expect(errorOf(() => parseInput('Hostname: ; Network'))).toMatchObject({ column: 11, found: "';'" });
    expect(errorOf(() => parseInput("'Hostname'"))).toMatchObject({ column: 1, expected: "an object type such as 'Hostname'" });
    expect(errorOf(() => parseInput('Hostname;;'))).toMatchObject({ column: 10 });
  });
});

describe('invalid filters point at the column', () => {
  it.each([
    ['scan_level', 11, 'an operator (= != < <= > >= in \'not in\' has like)'],
    ['scan_level >', 13, "a value: a 'string', a number, true, false or null"],
    ['= 1', 1, "an attribute name or '('"],
    ['a = 1 and', 10, "an attribute name or '('"],
    ['a = 1 b = 2', 7, "'and', 'or' or the end"],
    ['(a = 1', 7, "')'"],
    ['a = 1)', 6, "'and', 'or' or the end"],
    ['a in 1', 6, "'('"],
    ['a in ()', 7, "a value: a 'string', a number, true, false or null"],
    ["a in ('x',)", 11, "a value: a 'string', a number, true, false or null"],
    ["a in ('x' 'y')", 11, "')'"],
    ['a not = 1', 7, "'in', 'has' or 'like' after 'not'"],
    ['a = b', 5, "a value: a 'string', a number, true, false or null (strings are quoted: 'like this')"],
    ['and = 1', 1, "an attribute name or '(' (keywords such as 'and' cannot be attribute names)"],
    ['not', 4, "an attribute name or '('"],
  ])('%s -> column %i', (text, column, expected) => {
    expect(errorOf(() => parseFilter(text))).toMatchObject({ column, expected });
  });

  it('names what it found', () => {
    expect(errorOf(() => parseFilter('a = 1 b = 2'))).toMatchObject({ found: "'b'", message: "Expected 'and', 'or' or the end at column 7, found 'b'." });
    expect(errorOf(() => parseFilter('a >'))).toMatchObject({ found: 'the end' });
  });

  it('lexical errors', () => {
    expect(errorOf(() => parseFilter("name = 'open"))).toMatchObject({ column: 8, expected: "'" });
    expect(errorOf(() => parseFilter("name = 'it''s"))).toMatchObject({ column: 8 });
    expect(errorOf(() => parseFilter('name = "x"'))).toMatchObject({ column: 8, found: '"' });
    expect(errorOf(() => parseFilter('name = "x"')).message).toContain("Strings use single quotes");
    expect(errorOf(() => parseFilter('a == 1'))).toMatchObject({ column: 4 });
    expect(errorOf(() => parseFilter('port = 1.5'))).toMatchObject({ column: 9, found: '.' });
    expect(errorOf(() => parseFilter('port = 12abc'))).toMatchObject({ column: 10, found: 'a' });
    expect(errorOf(() => parseFilter('port = 99999999999999999999'))).toMatchObject({ column: 8 });
    expect(errorOf(() => parseFilter('a = 1 && b = 2'))).toMatchObject({ column: 7, found: '&' });
    expect(errorOf(() => parseFilter('data.port = 1'))).toMatchObject({ column: 5, found: '.' });
    expect(errorOf(() => parseFilter('x = 1 🦀'))).toMatchObject({ column: 7, found: '🦀' });
    expect(errorOf(() => parseFilter('a = 1\nand b = -'))).toMatchObject({ column: 15, found: '-' });
    expect(errorOf(() => parseFilter("name = 'a\u0000b'"))).toMatchObject({ column: 8, found: 'U+0000' });
    expect(errorOf(() => parseFilter('name = 1 \u0000'))).toMatchObject({ column: 10 });
  });
});

describe('limits', () => {
  it(`refuses more than ${MAX_FILTER_LENGTH} characters`, () => {
    const ok = `name = '${'x'.repeat(MAX_FILTER_LENGTH - 9)}'`;
    expect(ok.length).toBe(MAX_FILTER_LENGTH);
    expect(parseFilter(ok)).not.toBeNull();
    expect(errorOf(() => parseFilter(`${ok} `))).toMatchObject({ column: MAX_FILTER_LENGTH + 1 });
    expect(errorOf(() => parseInput(`Hostname: ${ok}`))).toMatchObject({ column: MAX_FILTER_LENGTH + 1 });
  });

  it(`allows ${MAX_FILTER_DEPTH} levels of nesting and refuses one more, at the column of the level too many`, () => {
    const nested = (n: number) => `${'('.repeat(n)}a = 1${')'.repeat(n)}`;
    expect(parseFilter(nested(MAX_FILTER_DEPTH))).toMatchObject({ kind: 'compare' });
    expect(errorOf(() => parseFilter(nested(MAX_FILTER_DEPTH + 1)))).toMatchObject({ column: MAX_FILTER_DEPTH + 1, found: "'('" });
    const nots = (n: number) => `${'not '.repeat(n)}a = 1`;
    expect(parseFilter(nots(MAX_FILTER_DEPTH))).toMatchObject({ kind: 'not' });
    expect(errorOf(() => parseFilter(nots(MAX_FILTER_DEPTH + 1)))).toMatchObject({ column: MAX_FILTER_DEPTH * 4 + 1 });
    expect(errorOf(() => parseFilter(`${'(not '.repeat(17)}a = 1`))).toMatchObject({ column: 81 });
  });

  it('hostile input fails fast with INVALID_QUERY, never a RangeError', () => {
    expect(columnOf('('.repeat(1990))).toBe(MAX_FILTER_DEPTH + 1);
    expect(columnOf('not '.repeat(499))).toBe(MAX_FILTER_DEPTH * 4 + 1);
    expect(columnOf('('.repeat(100_000))).toBe(MAX_FILTER_LENGTH + 1);
    // long flat chains do not recurse
    const chain = Array.from({ length: 150 }, (_, i) => `a${i} = ${i}`).join(' or ');
    expect(chain.length).toBeLessThanOrEqual(MAX_FILTER_LENGTH);
    expect(parseFilter(chain)).toMatchObject({ kind: 'or' });
  });
});
