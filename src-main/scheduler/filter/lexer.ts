/**
 * Tokens of the filter language. Columns are 1-based offsets into the whole text (UTF-16 code units,
 * newlines included), so an editor can put the caret on them.
 */
import { AppError } from '../../common/errors.js';

export const KEYWORDS = ['and', 'or', 'not', 'in', 'has', 'like', 'true', 'false', 'null'] as const;
export type Keyword = (typeof KEYWORDS)[number];

export type Token =
  | { kind: 'ident'; value: string; column: number }
  | { kind: 'keyword'; value: Keyword; column: number }
  | { kind: 'string'; value: string; column: number }
  | { kind: 'integer'; value: number; column: number }
  | { kind: 'punct'; value: Punct; column: number }
  | { kind: 'end'; column: number };

export type Punct = '=' | '!=' | '<' | '<=' | '>' | '>=' | '(' | ')' | ',' | ':' | ';';

const PUNCT: readonly Punct[] = ['!=', '<=', '>=', '=', '<', '>', '(', ')', ',', ':', ';'];
const IDENT = /[A-Za-z_][A-Za-z0-9_]*/y;
const INTEGER = /-?[0-9]+/y;
const SPACE = /[ \t\r\n]+/y;
const AFTER_NUMBER = /[A-Za-z_.]/;

export function invalid(message: string, column: number, extra: { expected?: string; found?: string; [k: string]: unknown } = {}): never {
  throw new AppError('INVALID_QUERY', message, { column, ...extra });
}

/** How a token reads in an error message. */
export function describeToken(t: Token): string {
  switch (t.kind) {
    case 'end':
      return 'the end';
    case 'string':
      return `'${t.value.replace(/'/g, "''")}'`;
    case 'integer':
      return String(t.value);
    default:
      return `'${t.value}'`;
  }
}

function sticky(re: RegExp, text: string, pos: number): string | null {
  re.lastIndex = pos;
  const m = re.exec(text);
  return m ? m[0] : null;
}

/** Splits text into tokens, ending with one 'end' token. Throws INVALID_QUERY on a bad character or an open string. */
export function tokenize(text: string): Token[] {
  const out: Token[] = [];
  let pos = 0;
  while (pos < text.length) {
    const space = sticky(SPACE, text, pos);
    if (space) {
      pos += space.length;
      continue;
    }
    const column = pos + 1;
    const ch = text[pos];
    if (ch === "'") {
      let value = '';
      let i = pos + 1;
      for (;;) {
        const close = text.indexOf("'", i);
        if (close < 0) invalid(`The string starting at column ${column} is not closed; add a ' at its end.`, column, { expected: "'" });
        value += text.slice(i, close);
        if (text[close + 1] === "'") {
          value += "'";
          i = close + 2;
          continue;
        }
        pos = close + 1;
        break;
      }
      const nul = value.indexOf('\u0000');
      if (nul >= 0) invalid(`The string at column ${column} contains a NUL character, which no attribute can hold.`, column, { found: 'U+0000' });
      out.push({ kind: 'string', value, column });
      continue;
    }
    const ident = sticky(IDENT, text, pos);
    if (ident) {
      const lower = ident.toLowerCase();
      if ((KEYWORDS as readonly string[]).includes(lower)) out.push({ kind: 'keyword', value: lower as Keyword, column });
      else out.push({ kind: 'ident', value: ident, column });
      pos += ident.length;
      continue;
    }
    const digits = sticky(INTEGER, text, pos);
    if (digits) {
      const value = Number(digits);
      if (!Number.isSafeInteger(value)) invalid(`The number ${digits} at column ${column} is too large.`, column, { found: digits });
      if (AFTER_NUMBER.test(text[pos + digits.length] ?? '')) {
        invalid(`Unexpected '${text[pos + digits.length]}' after the number at column ${column}; only whole numbers are allowed.`, pos + digits.length + 1, {
          found: text[pos + digits.length],
        });
      }
      out.push({ kind: 'integer', value: value === 0 ? 0 : value, column });
      pos += digits.length;
      continue;
    }
    const punct = PUNCT.find((p) => text.startsWith(p, pos));
    if (punct) {
      out.push({ kind: 'punct', value: punct, column });
      pos += punct.length;
      continue;
    }
    const found = String.fromCodePoint(text.codePointAt(pos) ?? 0);
    const hint = ch === '"' ? " Strings use single quotes: 'like this'." : '';
    invalid(`Unexpected character '${found}' at column ${column}.${hint}`, column, { found });
  }
  out.push({ kind: 'end', column: text.length + 1 });
  return out;
}
