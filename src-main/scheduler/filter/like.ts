/**
 * `like` patterns, the same in memory and in SQL (ILIKE with its default escape): `%` matches any run
 * of characters (none included), `_` exactly one character, `\` makes the next character literal
 * (`\%`, `\_`, `\\`). Matching ignores case. A pattern may not end in a lone `\`.
 */
import { invalid } from './lexer.js';

/** Throws INVALID_QUERY (at the literal's column) for a pattern SQL would refuse. */
export function checkLikePattern(pattern: string, column: number): void {
  for (let i = 0; i < pattern.length; i++) {
    if (pattern[i] === '\\') {
      if (i === pattern.length - 1) {
        invalid(`The like pattern at column ${column} ends with a lone '\\'; write '\\\\' for a backslash.`, column, {
          expected: "a character after '\\'",
        });
      }
      i++;
    }
  }
}

type Item = { kind: 'any' } | { kind: 'one' } | { kind: 'char'; ch: string };

/** Compiles a (checked) pattern; the matcher ignores case. */
export function compileLike(pattern: string): (value: string) => boolean {
  const items: Item[] = [];
  const chars = [...pattern.toLowerCase()];
  for (let i = 0; i < chars.length; i++) {
    const c = chars[i]!;
    if (c === '\\') items.push({ kind: 'char', ch: chars[++i] ?? '' });
    else if (c === '%') items.push({ kind: 'any' });
    else if (c === '_') items.push({ kind: 'one' });
    else items.push({ kind: 'char', ch: c });
  }
  return (value) => matches(items, [...value.toLowerCase()]);
}

/**
 * Wildcard matching in O(pattern x value): on a mismatch only the most recent `%` is retried one
 * character further, never every earlier one, so hostile patterns such as '%a%a%a%a%b' stay cheap
 * (a backtracking RegExp would not).
 */
function matches(items: readonly Item[], s: readonly string[]): boolean {
  let p = 0;
  let i = 0;
  let starP = -1;
  let starI = 0;
  while (i < s.length) {
    const it = items[p];
    if (it && (it.kind === 'one' || (it.kind === 'char' && it.ch === s[i]))) {
      p++;
      i++;
    } else if (it?.kind === 'any') {
      starP = p++;
      starI = i;
    } else if (starP >= 0) {
      p = starP + 1;
      i = ++starI;
    } else return false;
  }
  while (items[p]?.kind === 'any') p++;
  return p === items.length;
}
