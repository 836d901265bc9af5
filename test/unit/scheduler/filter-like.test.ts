/** `like` patterns in memory: wildcards, escapes, case, unicode, and hostile patterns that stay linear. */
import { describe, expect, it } from 'vitest';
import { compileLike } from '../../../src-main/scheduler/filter/like';

const like = (value: string, pattern: string) => compileLike(pattern)(value);

describe('like', () => {
  it.each([
    ['10.0.0.1', '10.%', true],
    ['110.0.0.1', '10.%', false],
    ['10.0.0.1', '%.1', true],
    ['abc', 'a_c', true],
    ['abbc', 'a_c', false],
    ['abc', '%', true],
    ['', '%', true],
    ['', '_', false],
    ['abc', 'abc', true],
    ['abc', 'ab', false],
    ['ABC', 'abc', true],
    ['abc', 'A%C', true],
    ['a%c', 'a\\%c', true],
    ['abc', 'a\\%c', false],
    ['a_c', 'a\\_c', true],
    ['abc', 'a\\_c', false],
    ['a\\c', 'a\\\\c', true],
    ['a.c', 'a.c', true],
    ['abc', 'a.c', false],
    ['a(b)[c]*+?^$|/', 'a(b)[c]*+?^$|/', true],
    ['Ünïcødé', 'ü%É', true],
    ['🦀x', '_x', true],
    ['line1\nline2', 'line1%line2', true],
    ['mississippi', '%iss%ipp%', true],
    ['mississippi', '%iss%ppi%x', false],
  ])('%j like %j is %s', (value, pattern, expected) => {
    expect(like(value, pattern)).toBe(expected);
  });

  it('a hostile pattern does not backtrack exponentially', () => {
    const pattern = `${'%a'.repeat(500)}%b`;
    const value = 'a'.repeat(2000);
    const start = performance.now();
    expect(like(value, pattern)).toBe(false);
    expect(performance.now() - start).toBeLessThan(2000);
  });
});
